package cn.nantong.livingcircle.reachability;

import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.coverage.CoverageMath;
import cn.nantong.livingcircle.place.Place;

/**
 * A place reached on foot.
 *
 * @param walkMeters       network distance, rounded to whole metres
 * @param walkMinutes      walking time at the requested pace, from the unrounded distance
 * @param place            the place
 * @param originSnapMeters straight-line metres from the origin (point or building) to the walkway it starts from
 * @param placeSnapMeters  straight-line metres from the walkway to the place
 * @param doorToDoorMeters network distance plus both snap legs, rounded to whole metres
 */
public record Reach(int walkMeters, double walkMinutes, Place place, double originSnapMeters, double placeSnapMeters,
        int doorToDoorMeters) {

    /** A reach from the unrounded network distance and the two snap legs (metres, rounded to centimetres here). */
    static Reach of(double networkMeters, Pace pace, Place place, double originSnapMeters, double placeSnapMeters) {
        return new Reach((int) Math.round(networkMeters), CoverageMath.round2(pace.minutes(networkMeters)),
                place, CoverageMath.round2(originSnapMeters), CoverageMath.round2(placeSnapMeters),
                (int) Math.round(networkMeters + originSnapMeters + placeSnapMeters));
    }
}
