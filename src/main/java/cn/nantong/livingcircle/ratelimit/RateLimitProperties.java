package cn.nantong.livingcircle.ratelimit;

import java.time.Duration;

import cn.nantong.livingcircle.api.AccessTier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Points (about 0.1 ms of server work each, see the README's cost table) per caller: a bucket of
 * {@code *BurstPoints} refilled with {@code *PointsPerWindow} every {@code window}, for each tier. A burst below
 * {@code circle.api.max-query-cost} would make the dearest allowed request impossible for that tier.
 *
 * @param window          the refill period
 * @param redisUrl        {@code redis://host:port} shared by every replica; empty = buckets in this process only
 * @param maxLocalBuckets most callers whose buckets one process keeps (least recently used dropped first)
 */
@ConfigurationProperties("circle.rate-limit")
record RateLimitProperties(
        @DefaultValue("1m") Duration window,
        @DefaultValue("10000") long anonymousPointsPerWindow, @DefaultValue("4000") long anonymousBurstPoints,
        @DefaultValue("60000") long developerPointsPerWindow, @DefaultValue("20000") long developerBurstPoints,
        @DefaultValue("600000") long partnerPointsPerWindow, @DefaultValue("100000") long partnerBurstPoints,
        @DefaultValue("600000") long adminPointsPerWindow, @DefaultValue("100000") long adminBurstPoints,
        @DefaultValue("") String redisUrl,
        @DefaultValue("100000") int maxLocalBuckets) {

    RateLimitProperties {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("circle.rate-limit.window must be positive, was " + window);
        }
    }

    /** Refill per window and capacity of a tier's buckets. */
    record TierLimit(long pointsPerWindow, long burstPoints) {
    }

    TierLimit of(AccessTier tier) {
        return switch (tier) {
            case ANONYMOUS -> limit(anonymousPointsPerWindow, anonymousBurstPoints);
            case DEVELOPER -> limit(developerPointsPerWindow, developerBurstPoints);
            case PARTNER -> limit(partnerPointsPerWindow, partnerBurstPoints);
            case ADMIN -> limit(adminPointsPerWindow, adminBurstPoints);
        };
    }

    private static TierLimit limit(long pointsPerWindow, long burstPoints) {
        return new TierLimit(Math.max(1, pointsPerWindow), Math.max(1, burstPoints));
    }
}
