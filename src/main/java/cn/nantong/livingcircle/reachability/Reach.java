package cn.nantong.livingcircle.reachability;

import cn.nantong.livingcircle.place.Place;

/**
 * A place reached on foot.
 *
 * @param walkMeters  network distance, rounded to whole metres
 * @param walkMinutes walking time at the requested pace, from the unrounded distance
 * @param originSnapMeters how far a point origin was from the walkway it was snapped to (null from a building)
 */
public record Reach(int walkMeters, double walkMinutes, Place place, Double originSnapMeters) {
}
