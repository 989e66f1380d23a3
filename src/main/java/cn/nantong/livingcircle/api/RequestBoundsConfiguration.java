package cn.nantong.livingcircle.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds on what one request may take while it runs, on top of the limits checked before it runs
 * ({@link QueryLimitsConfiguration}): a deadline, the size of its answer, and a bounded pool of permits that heavy
 * requests share.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestBoundsConfiguration.RequestBounds.class)
class RequestBoundsConfiguration {

    @Bean
    HeavyRequestBulkhead heavyRequestBulkhead(RequestBounds bounds) {
        return new HeavyRequestBulkhead(bounds.heavyPermits(), bounds.heavyQueueTimeout());
    }

    /**
     * @param requestTimeout     deadline of one request from the moment it is handed to GraphQL; work past it is
     *                           cancelled (no further field is fetched) and the answer is TIMEOUT, HTTP 504
     * @param maxResponseBytes   largest serialised answer sent; a larger one is replaced by RESPONSE_TOO_LARGE
     * @param heavyCostThreshold a request whose price ({@link QueryCost}) is at least this many points is heavy even
     *                           if it runs no in-memory search
     * @param maxConcurrentHeavy heavy requests running at once on this replica; 0 = the number of CPUs
     * @param heavyQueueTimeout  how long a heavy request waits for a permit before it is refused with OVERLOADED
     */
    @ConfigurationProperties("circle.api")
    record RequestBounds(@DefaultValue("10s") Duration requestTimeout,
            @DefaultValue("8388608") int maxResponseBytes,
            @DefaultValue("500") int heavyCostThreshold,
            @DefaultValue("0") int maxConcurrentHeavy,
            @DefaultValue("2s") Duration heavyQueueTimeout) {

        int heavyPermits() {
            return maxConcurrentHeavy > 0 ? maxConcurrentHeavy : Runtime.getRuntime().availableProcessors();
        }
    }
}
