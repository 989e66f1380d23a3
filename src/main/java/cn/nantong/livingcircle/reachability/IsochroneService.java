package cn.nantong.livingcircle.reachability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.geo.Crs;
import cn.nantong.livingcircle.network.CityNetwork;
import cn.nantong.livingcircle.network.CityNetworkService;
import cn.nantong.livingcircle.walkway.Attachment;
import cn.nantong.livingcircle.walkway.Pace;
import cn.nantong.livingcircle.walkway.WalkingProperties;
import cn.nantong.livingcircle.walkway.WalkingSearch;
import cn.nantong.livingcircle.walkway.WalkingSearchPool;
import cn.nantong.livingcircle.walkway.WalkwayNetwork;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;

/**
 * Walking isochrones from a building or any point, computed in memory over the {@link CityNetwork}: one bounded
 * search to the largest time limit, then one area per limit ({@link IsochroneBuilder}, traced on pooled raster
 * scratch arrays). No database query beyond the cached data-version check.
 */
@Service
public class IsochroneService {

    static final List<Integer> DEFAULT_MINUTES = List.of(5, 10, 15);

    private final CityNetworkService networks;
    private final DatasetService datasets;
    private final WalkingProperties walking;
    private final IsochroneProperties properties;

    IsochroneService(CityNetworkService networks, DatasetService datasets, WalkingProperties walking,
            IsochroneProperties properties) {
        this.networks = networks;
        this.datasets = datasets;
        this.walking = walking;
        this.properties = properties;
    }

    /**
     * One isochrone per distinct time limit, smallest first. {@code minutes} null means 5, 10 and 15; each limit must
     * lie within the walking horizon at {@code pace}. Polygon coordinates are in {@code outputCrs} (WGS84 if null).
     */
    public List<Isochrone> isochrones(OriginInput from, List<Integer> minutes, Pace pace, Crs outputCrs) {
        Pace walkingPace = pace == null ? Pace.ADULT : pace;
        List<Integer> limits = timeLimits(minutes == null ? DEFAULT_MINUTES : minutes, walkingPace);
        CityNetwork city = networks.current();
        Attachment origin = Origins.resolve(city, from, walking.maxSnapMeters());
        WalkwayNetwork network = city.network();
        int[] bounds = limits.stream().mapToInt(m -> ReachabilityService.millimetres(walkingPace.meters(m))).toArray();
        WalkingSearch search = WalkingSearchPool.borrow(network);
        List<Isochrone> result = new ArrayList<>(limits.size());
        try {
            search.run(origin, bounds[bounds.length - 1]);
            int from0 = network.segmentFrom(origin.segment());
            IsochroneBuilder builder = new IsochroneBuilder(search, origin,
                    new LocalProjection(network.junctionLat(from0), network.junctionLon(from0)));
            for (int i = 0; i < bounds.length; i++) {
                Geometry area = builder.reachedArea(bounds[i], properties.bufferMeters(),
                        properties.cellMeters());
                result.add(new Isochrone(limits.get(i), Math.round(area.getArea() * 10.0) / 10.0,
                        GeoJson.polygonal(area, builder.projection(), Crs.orDefault(outputCrs))));
            }
        } finally {
            WalkingSearchPool.release(search);
        }
        return result;
    }

    /** Distinct limits in ascending order, after the count and range checks. */
    List<Integer> timeLimits(List<Integer> minutes, Pace pace) {
        if (minutes.isEmpty()) {
            throw ApiException.badArgument("minutes", "Argument 'minutes' must list at least one time limit");
        }
        if (minutes.size() > properties.maxTimeLimits()) {
            throw new ApiException(ApiException.ErrorCode.BAD_USER_INPUT, "Argument 'minutes' may list at most "
                    + properties.maxTimeLimits() + " time limits, was " + minutes.size(),
                    Map.of("argument", "minutes", "maxCount", properties.maxTimeLimits()));
        }
        int maxMinutes = pace.wholeMinutesWithin(datasets.current().horizonMeters());
        TreeSet<Integer> distinct = new TreeSet<>();
        for (Integer m : minutes) {
            if (m == null || m < 1 || m > maxMinutes) {
                throw ApiException.outOfRange("minutes", m, 1, maxMinutes);
            }
            distinct.add(m);
        }
        return List.copyOf(distinct);
    }
}
