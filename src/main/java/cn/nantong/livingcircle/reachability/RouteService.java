package cn.nantong.livingcircle.reachability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.community.Building;
import cn.nantong.livingcircle.community.CommunityRepository;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.WalkingRoute;
import cn.nantong.livingcircle.geo.Crs;
import cn.nantong.livingcircle.metrics.CircleMetrics;
import cn.nantong.livingcircle.metrics.CircleMetrics.Origin;
import cn.nantong.livingcircle.metrics.CircleMetrics.SearchKind;
import cn.nantong.livingcircle.network.CityNetworkService;
import cn.nantong.livingcircle.network.NetworkExtents;
import cn.nantong.livingcircle.network.Obstacle;
import cn.nantong.livingcircle.network.StepFreeNetworks;
import cn.nantong.livingcircle.network.WalkingProperties;
import cn.nantong.livingcircle.place.Place;
import cn.nantong.livingcircle.place.PlaceRepository;
import org.springframework.stereotype.Service;

/**
 * "Show me the way": the shortest walk from an origin to one place, computed in memory over the {@link CityNetwork}
 * ({@link WalkingRoute}: one search bounded by the walking horizon, the path read back from its distances). The
 * distances are those of {@code reachable} for the same origin and place; the line runs door to door.
 */
@Service
class RouteService {

    private final CityNetworkService networks;
    private final NetworkExtents extents;
    private final DatasetService datasets;
    private final WalkingProperties walking;
    private final PlaceRepository places;
    private final CommunityRepository buildings;
    private final CircleMetrics metrics;
    private final StepFreeNetworks stepFree;

    RouteService(CityNetworkService networks, NetworkExtents extents, DatasetService datasets,
            WalkingProperties walking, PlaceRepository places, CommunityRepository buildings, CircleMetrics metrics,
            StepFreeNetworks stepFree) {
        this.stepFree = stepFree;
        this.networks = networks;
        this.extents = extents;
        this.datasets = datasets;
        this.walking = walking;
        this.places = places;
        this.buildings = buildings;
        this.metrics = metrics;
    }

    Route route(OriginInput from, String toPlaceId, Pace pace, Crs outputCrs, List<Obstacle> avoid) {
        Pace walkingPace = pace == null ? Pace.ADULT : pace;
        long started = System.nanoTime();
        CityNetwork city = stepFree.avoiding(networks.current(), avoid);
        Origins.Start start = Origins.resolve(city, extents.of(city), from, walking.maxSnapMeters());
        Integer placeIndex = toPlaceId == null ? null : city.placeIndex().get(toPlaceId);
        Place place = placeIndex == null ? null : places.findByIds(List.of(toPlaceId)).get(toPlaceId);
        if (place == null) {
            throw ApiException.notFound("Place", String.valueOf(toPlaceId));
        }
        double horizonMeters = datasets.current().horizonMeters();
        WalkingRoute.Route route = WalkingRoute.find(city.network(), start.attachment(),
                        city.placeAttachment(placeIndex), Millimetres.limit(horizonMeters))
                .orElseThrow(() -> new ApiException(ApiException.ErrorCode.NOT_REACHABLE, "No walk of at most "
                        + Math.round(horizonMeters) + " m leads from the origin to place '" + toPlaceId + "'",
                        Map.of("placeId", toPlaceId, "horizonMeters", horizonMeters)));
        double placeSnap = city.placeSnapMeters(placeIndex);
        Reach reach = Reach.of(route.meters(), walkingPace, place, start.snapMeters(), placeSnap);

        List<GeoPoint> line = new ArrayList<>();
        line.add(originPosition(from));
        double[] path = WalkingRoute.polyline(city.network(), route, start.attachment());
        for (int i = 0; i < path.length; i += 2) {
            addDistinct(line, new GeoPoint(path[i], path[i + 1]));
        }
        addDistinct(line, place.location());
        if (line.size() == 1) {
            line.add(line.get(0)); // a LineString needs two positions, even for a walk of no length
        }
        metrics.search(SearchKind.ROUTE, from.point() == null ? Origin.BUILDING : Origin.POINT,
                System.nanoTime() - started);
        return Route.of(reach, GeoJson.lineString(line, Crs.orDefault(outputCrs)), walkways(city, route));
    }

    /** The walkways in walking order, a walkway walked in consecutive legs counted once. */
    private static List<Route.RouteWalkway> walkways(CityNetwork city, WalkingRoute.Route route) {
        List<String> ids = new ArrayList<>();
        List<Integer> millimetres = new ArrayList<>();
        for (WalkingRoute.Leg leg : route.legs()) {
            String id = city.walkwayIds()[leg.segment()];
            int last = ids.size() - 1;
            if (last >= 0 && ids.get(last).equals(id)) {
                millimetres.set(last, millimetres.get(last) + leg.millimetres());
            } else {
                ids.add(id);
                millimetres.add(leg.millimetres());
            }
        }
        List<Route.RouteWalkway> result = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            result.add(new Route.RouteWalkway(ids.get(i), Millimetres.toMeters(millimetres.get(i))));
        }
        return result;
    }

    /** Where the walk begins: the point as sent (in WGS84), or the building's position. */
    private GeoPoint originPosition(OriginInput from) {
        if (from.point() != null) {
            return Origins.wgs84(from.point());
        }
        Building building = buildings.findBuilding(from.buildingId())
                .orElseThrow(() -> ApiException.notFound("Building", from.buildingId()));
        return building.location();
    }

    private static void addDistinct(List<GeoPoint> line, GeoPoint point) {
        GeoPoint last = line.get(line.size() - 1);
        if (last.lat() != point.lat() || last.lon() != point.lon()) {
            line.add(point);
        }
    }
}
