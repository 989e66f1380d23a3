package cn.nantong.livingcircle.reachability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.coverage.CoverageMath;
import cn.nantong.livingcircle.engine.isochrone.Isochrones;
import cn.nantong.livingcircle.geo.Crs;
import cn.nantong.livingcircle.metrics.CircleMetrics;
import cn.nantong.livingcircle.metrics.CircleMetrics.Origin;
import cn.nantong.livingcircle.metrics.CircleMetrics.SearchKind;
import cn.nantong.livingcircle.network.CityNetworkService;
import cn.nantong.livingcircle.network.NetworkExtents;
import cn.nantong.livingcircle.network.Obstacle;
import cn.nantong.livingcircle.network.StepFreeNetworks;
import cn.nantong.livingcircle.network.WalkingProperties;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;

/**
 * Walking isochrones from a building or any point, computed in memory over the {@link CityNetwork}: one bounded
 * search to the largest time limit, then one area per limit ({@link Isochrones}, traced on pooled raster
 * scratch arrays). No database query beyond the cached data-version check.
 */
@Service
public class IsochroneService {

    static final List<Integer> DEFAULT_MINUTES = List.of(5, 10, 15);

    private final CityNetworkService networks;
    private final NetworkExtents extents;
    private final DatasetService datasets;
    private final WalkingProperties walking;
    private final IsochroneProperties properties;
    private final Isochrones isochrones;
    private final CircleMetrics metrics;
    private final StepFreeNetworks stepFree;

    IsochroneService(CityNetworkService networks, NetworkExtents extents, DatasetService datasets,
            WalkingProperties walking, IsochroneProperties properties, CircleMetrics metrics,
            StepFreeNetworks stepFree) {
        this.metrics = metrics;
        this.stepFree = stepFree;
        this.extents = extents;
        this.networks = networks;
        this.datasets = datasets;
        this.walking = walking;
        this.properties = properties;
        this.isochrones = new Isochrones(properties.settings());
    }

    /**
     * One isochrone per distinct time limit, smallest first. {@code minutes} null means 5, 10 and 15; each limit must
     * lie within the walking horizon at {@code pace}. Polygon coordinates are in {@code outputCrs} (WGS84 if null).
     */
    public List<Isochrone> isochrones(OriginInput from, List<Integer> minutes, Pace pace, Crs outputCrs,
            List<Obstacle> avoid) {
        Pace walkingPace = pace == null ? Pace.ADULT : pace;
        List<Integer> limits = timeLimits(minutes == null ? DEFAULT_MINUTES : minutes, walkingPace);
        long started = System.nanoTime();
        CityNetwork city = stepFree.avoiding(networks.current(), avoid);
        Origins.Start start = Origins.resolve(city, extents.of(city), from, walking.maxSnapMeters());
        int[] bounds = limits.stream().mapToInt(walkingPace::thresholdMillimetres).toArray();
        Isochrones.Traced traced = isochrones.trace(city.network(), start.attachment(), bounds);
        List<Isochrone> result = new ArrayList<>(limits.size());
        for (int i = 0; i < bounds.length; i++) {
            Geometry area = traced.areas().get(i);
            result.add(new Isochrone(limits.get(i), Math.round(area.getArea() * 10.0) / 10.0,
                    GeoJson.polygonal(area, traced.projection(), Crs.orDefault(outputCrs)),
                    CoverageMath.round2(start.snapMeters())));
        }
        long nanos = System.nanoTime() - started;
        metrics.isochrones(limits.size(), nanos);
        metrics.search(SearchKind.ISOCHRONE, from.point() == null ? Origin.BUILDING : Origin.POINT, nanos);
        return result;
    }

    /** Distinct limits in ascending order, after the count and range checks. */
    List<Integer> timeLimits(List<Integer> minutes, Pace pace) {
        if (minutes.isEmpty() || minutes.size() > properties.maxTimeLimits()) {
            throw new ApiException(ApiException.ErrorCode.OUT_OF_RANGE, "Argument 'minutes' must list between 1 and "
                    + properties.maxTimeLimits() + " time limits, listed " + minutes.size(),
                    Map.of("argument", "minutes", "min", 1, "max", properties.maxTimeLimits()));
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
