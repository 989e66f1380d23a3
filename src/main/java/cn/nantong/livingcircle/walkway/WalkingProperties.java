package cn.nantong.livingcircle.walkway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Walking-model settings.
 *
 * @param horizonMinutes minutes at the ADULT pace up to which building-to-place distances are precomputed
 *                       (20 minutes = 1,666.67 m); {@code reachable} accepts at most this many minutes
 * @param maxSnapMeters  a building, place or query point farther than this from every walkway is rejected
 */
@ConfigurationProperties("circle.walking")
public record WalkingProperties(@DefaultValue("20") int horizonMinutes, @DefaultValue("500") double maxSnapMeters) {

    public double horizonMeters() {
        return Pace.ADULT.meters(horizonMinutes);
    }

    public int horizonMillimetres() {
        return (int) Math.round(horizonMeters() * 1000.0);
    }
}
