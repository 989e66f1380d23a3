package cn.nantong.livingcircle.reachability;

import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.place.Place;

/**
 * The shortest walk to one place: the distances of a {@link Reach}, the path as a GeoJSON LineString and the
 * walkways it follows in walking order.
 */
public record Route(int walkMeters, double walkMinutes, Place place, double originSnapMeters,
        double placeSnapMeters, int doorToDoorMeters, Map<String, Object> geometry, List<RouteWalkway> walkways) {

    static Route of(Reach reach, Map<String, Object> geometry, List<RouteWalkway> walkways) {
        return new Route(reach.walkMeters(), reach.walkMinutes(), reach.place(), reach.originSnapMeters(),
                reach.placeSnapMeters(), reach.doorToDoorMeters(), geometry, walkways);
    }

    /** A walkway of a route and how much of it is walked, metres (whole millimetres). */
    public record RouteWalkway(String walkwayId, double walkMeters) {
    }
}
