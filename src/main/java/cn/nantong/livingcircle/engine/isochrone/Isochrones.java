package cn.nantong.livingcircle.engine.isochrone;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.WalkingSearch;
import cn.nantong.livingcircle.engine.WalkwayNetwork;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Walking isochrones over a {@link WalkwayNetwork}: one bounded search to the largest limit, then one area per limit
 * ({@link IsochroneBuilder}). Owns its raster scratch space: a contour holds a few MB of arrays at city scale, so
 * instances are pooled here (one per processor at most), not per thread and not in a static.
 */
public final class Isochrones {

    private final IsochroneSettings settings;
    private final GeometryFactory factory = new GeometryFactory();
    private final int maxPooled = Runtime.getRuntime().availableProcessors();
    private final ConcurrentLinkedQueue<DistanceFieldContour> contours = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pooled = new AtomicInteger();

    public Isochrones(IsochroneSettings settings) {
        this.settings = settings;
    }

    public IsochroneSettings settings() {
        return settings;
    }

    /** The areas of one origin, in the local projection of {@link Traced#projection()}. */
    public record Traced(LocalProjection projection, List<Geometry> areas) {
    }

    /**
     * One area per bound, in the order given; the search runs once, to the largest bound.
     *
     * @param boundsMillimetres limits as from {@link cn.nantong.livingcircle.engine.Millimetres#limit}, not empty
     */
    public Traced trace(WalkwayNetwork network, Attachment origin, int[] boundsMillimetres) {
        int largest = 0;
        for (int bound : boundsMillimetres) {
            largest = Math.max(largest, bound);
        }
        WalkingSearch search = network.searches().borrow();
        DistanceFieldContour contour = borrowContour();
        try {
            search.run(origin, largest);
            int from = network.segmentFrom(origin.segment());
            IsochroneBuilder builder = new IsochroneBuilder(search, origin,
                    new LocalProjection(network.junctionLat(from), network.junctionLon(from)));
            List<Geometry> areas = new ArrayList<>(boundsMillimetres.length);
            for (int bound : boundsMillimetres) {
                areas.add(builder.reachedArea(bound, settings.bufferMeters(), settings.cellMeters(), contour));
            }
            releaseContour(contour);
            return new Traced(builder.projection(), List.copyOf(areas));
        } finally {
            network.searches().release(search);
        }
    }

    private DistanceFieldContour borrowContour() {
        DistanceFieldContour contour = contours.poll();
        if (contour == null) {
            return new DistanceFieldContour(factory);
        }
        pooled.decrementAndGet();
        return contour;
    }

    /** Only after a call that completed: one that threw may hold a dirty field, and is dropped instead. */
    private void releaseContour(DistanceFieldContour contour) {
        if (pooled.incrementAndGet() <= maxPooled) {
            contours.offer(contour);
        } else {
            pooled.decrementAndGet();
        }
    }
}
