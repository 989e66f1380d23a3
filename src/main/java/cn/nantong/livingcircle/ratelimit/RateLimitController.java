package cn.nantong.livingcircle.ratelimit;

import java.time.Instant;

import cn.nantong.livingcircle.api.AccessTier;
import cn.nantong.livingcircle.api.Caller;
import cn.nantong.livingcircle.api.CostBudget;
import cn.nantong.livingcircle.api.CostReport;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code rateLimit}: the caller's budget as this request left it (after its own price was charged). */
@Controller
class RateLimitController {

    private final RateLimiter limiter;

    RateLimitController(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** The state of the caller's budget after this request's price was taken from it. */
    record RateLimit(AccessTier tier, long limit, long cost, long remaining, String resetAt, long pointsPerWindow,
            long windowSeconds, String store) {
    }

    @QueryMapping
    RateLimit rateLimit(GraphQLContext context) {
        CostReport report = CostReport.of(context);
        report.markCallerSpecific();
        Caller caller = Caller.of(context);
        RateLimitProperties.TierLimit limit = limiter.limitOf(caller.tier());
        CostBudget.Charge charge = report.charge();
        long remaining = charge == null ? limit.burstPoints() : charge.remaining();
        long resetEpochSeconds = charge == null ? Instant.now().getEpochSecond() : charge.resetEpochSeconds();
        return new RateLimit(caller.tier(), limit.burstPoints(), report.pointsCharged(), remaining,
                Instant.ofEpochSecond(resetEpochSeconds).toString(), limit.pointsPerWindow(),
                limiter.window().toSeconds(), limiter.store());
    }
}
