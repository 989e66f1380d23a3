package cn.nantong.livingcircle.engine.isochrone;

import java.util.ArrayList;
import java.util.List;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.WalkingSearch;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * For benchmarks: the contour half of {@link Isochrones#trace}, step for step (an {@link IsochroneBuilder} over a
 * search the caller has already run, one area per bound on one reused {@link DistanceFieldContour}, as the pooled
 * service does), so that the search and the contour can be timed separately. Not thread-safe.
 */
public final class IsochroneContours {

    private final IsochroneSettings settings;
    private final DistanceFieldContour contour = new DistanceFieldContour(new GeometryFactory());

    public IsochroneContours(IsochroneSettings settings) {
        this.settings = settings;
    }

    /** The areas of {@code bounds} from a search already run from {@code origin} to at least the largest bound. */
    public List<Geometry> areas(WalkingSearch search, Attachment origin, int[] bounds) {
        int from = search.network().segmentFrom(origin.segment());
        IsochroneBuilder builder = new IsochroneBuilder(search, origin,
                new LocalProjection(search.network().junctionLat(from), search.network().junctionLon(from)));
        List<Geometry> areas = new ArrayList<>(bounds.length);
        for (int bound : bounds) {
            areas.add(builder.reachedArea(bound, settings.bufferMeters(), settings.cellMeters(), contour));
        }
        return areas;
    }
}
