package cn.nantong.livingcircle.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import cn.nantong.livingcircle.api.AccessTier;
import cn.nantong.livingcircle.api.Caller;
import cn.nantong.livingcircle.api.CostBudget;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Token buckets per caller (Bucket4j): in this process (a bounded Caffeine map) or, with
 * {@code circle.rate-limit.redis-url}, in Redis through Bucket4j's Lettuce integration, so that every replica
 * spends from one budget per caller. Redis is compare-and-swap based: no lock, no script to install.
 *
 * <p>If Redis cannot be reached at start the application does not start (a misconfiguration should be seen); if it
 * fails later, requests are let through and counted ({@code circle.rate_limit.store_errors}): an outage of the
 * limiter should not become an outage of the API.
 */
@Component
class RateLimiter implements CostBudget, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private static final String KEY_PREFIX = "circle:rate:";

    private final RateLimitProperties properties;
    private final Map<AccessTier, BucketConfiguration> configurations = new EnumMap<>(AccessTier.class);
    private final ProxyManager<String> buckets;
    private final RedisClient redis;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final Counter storeErrors;
    private final MeterRegistry meters;
    private final AtomicLong lastWarningMillis = new AtomicLong();

    RateLimiter(RateLimitProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        for (AccessTier tier : AccessTier.values()) {
            RateLimitProperties.TierLimit limit = properties.of(tier);
            configurations.put(tier, BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(limit.burstPoints())
                            .refillGreedy(limit.pointsPerWindow(), properties.window()).build())
                    .build());
        }
        // an idle bucket is full again after a while: no need to keep it
        ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
                .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));
        if (properties.redisUrl().isBlank()) {
            this.redis = null;
            this.connection = null;
            this.buckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder()
                    .maximumSize(properties.maxLocalBuckets())).expirationAfterWrite(expiry).build();
        }
        else {
            this.redis = RedisClient.create(properties.redisUrl());
            this.connection = redis.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            this.buckets = Bucket4jLettuce.casBasedBuilder(connection).expirationAfterWrite(expiry)
                    .requestTimeout(Duration.ofSeconds(2)).build();
            log.info("Rate limits shared through Redis at {}", redactedUrl(properties.redisUrl()));
        }
        this.storeErrors = Counter.builder("circle.rate_limit.store_errors")
                .description("Rate-limit checks let through because the bucket store failed").register(meters);
        // registered up front, so a dashboard shows zero rather than no data until the first refusal
        for (AccessTier tier : AccessTier.values()) {
            refused(tier);
        }
    }

    /** Where the buckets live: {@code redis} or {@code local}. */
    String store() {
        return redis == null ? "local" : "redis";
    }

    RateLimitProperties.TierLimit limitOf(AccessTier tier) {
        return properties.of(tier);
    }

    Duration window() {
        return properties.window();
    }

    @Override
    public Charge charge(Caller caller, long points) {
        RateLimitProperties.TierLimit limit = properties.of(caller.tier());
        ConsumptionProbe probe;
        try {
            probe = bucket(caller).tryConsumeAndReturnRemaining(Math.max(1, points));
        }
        catch (RuntimeException ex) {
            storeFailed(ex);
            return new Charge(true, limit.burstPoints(), limit.burstPoints(), Instant.now().getEpochSecond(), 0);
        }
        long nowSeconds = Instant.now().getEpochSecond();
        long reset = nowSeconds + seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Charge(true, limit.burstPoints(), probe.getRemainingTokens(), reset, 0);
        }
        refused(caller.tier()).increment();
        // a price above the bucket's capacity never fits: say "a window", not "never"
        long retryAfter = points > limit.burstPoints() ? properties.window().toSeconds()
                : Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        return new Charge(false, limit.burstPoints(), probe.getRemainingTokens(), reset, retryAfter);
    }

    @Override
    public Charge refund(Caller caller, long points) {
        RateLimitProperties.TierLimit limit = properties.of(caller.tier());
        try {
            // the verbose form returns the state after the refund in the same round trip
            VerboseResult.Diagnostics after = bucket(caller).asVerbose().addTokens(points).getDiagnostics();
            return new Charge(true, limit.burstPoints(), after.getAvailableTokens(),
                    Instant.now().getEpochSecond() + seconds(after.calculateFullRefillingTime()), 0);
        }
        catch (RuntimeException ex) {
            storeFailed(ex);
            return new Charge(true, limit.burstPoints(), limit.burstPoints(), Instant.now().getEpochSecond(), 0);
        }
    }

    private Counter refused(AccessTier tier) {
        return Counter.builder("circle.rate_limit.refused").description("Requests refused with RATE_LIMITED, by tier")
                .tag("tier", tier.name()).register(meters);
    }

    private BucketProxy bucket(Caller caller) {
        BucketConfiguration configuration = configurations.get(caller.tier());
        return buckets.getProxy(KEY_PREFIX + caller.id(), () -> configuration);
    }

    private void storeFailed(RuntimeException ex) {
        storeErrors.increment();
        long now = System.currentTimeMillis();
        long last = lastWarningMillis.get();
        // one line a minute at most: a Redis outage must not flood the log
        if (now - last > TimeUnit.MINUTES.toMillis(1) && lastWarningMillis.compareAndSet(last, now)) {
            log.warn("Rate-limit store failed, requests are let through: {}", ex.toString());
        }
    }

    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1);
    }

    private static String redactedUrl(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    @Override
    public void destroy() {
        if (connection != null) {
            connection.close();
        }
        if (redis != null) {
            redis.shutdown();
        }
    }
}
