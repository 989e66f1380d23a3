package cn.nantong.livingcircle.reachability;

import cn.nantong.livingcircle.place.Place;

/**
 * A place reached on foot.
 *
 * @param walkMeters  network distance, rounded to whole metres
 * @param walkMinutes walking time at the requested pace, from the unrounded distance
 */
public record Reach(int walkMeters, double walkMinutes, Place place) {
}
