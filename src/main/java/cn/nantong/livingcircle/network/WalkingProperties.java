package cn.nantong.livingcircle.network;

import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.Pace;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Walking-model settings.
 *
 * @param horizonMinutes minutes at the ADULT pace up to which building-to-place distances are precomputed
 *                       (20 minutes = 1,666.67 m); {@code reachable} accepts at most this many minutes
 * @param maxSnapMeters  a building, place or query point farther than this from every walkway is rejected
 * @param minSnapComponentMeters a connected part of the walkway network shorter than this in total (other than the
 *                       longest part) is an island: it captures a building, place or query point only when no other
 *                       walkway lies within {@code maxSnapMeters}
 */
@ConfigurationProperties("circle.walking")
public record WalkingProperties(@DefaultValue("20") int horizonMinutes, @DefaultValue("500") double maxSnapMeters,
        @DefaultValue("3000") double minSnapComponentMeters) {

    public double horizonMeters() {
        return Pace.ADULT.meters(horizonMinutes);
    }

    /** The horizon as a limit ({@link Millimetres#limit}): edges up to and including it are precomputed. */
    public int horizonMillimetres() {
        return Millimetres.limit(horizonMeters());
    }
}
