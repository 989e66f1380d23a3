package cn.nantong.livingcircle.ratelimit;

import cn.nantong.livingcircle.api.Caller;
import cn.nantong.livingcircle.api.CostBudget;
import cn.nantong.livingcircle.api.CostReport;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells the caller its budget on every answer, as GitHub does: {@code X-RateLimit-Limit} (the bucket's capacity),
 * {@code X-RateLimit-Remaining}, {@code X-RateLimit-Used} (capacity minus remaining) and {@code X-RateLimit-Reset}
 * (Unix seconds at which the bucket is full again), plus {@code Retry-After} when refused. A request that never
 * reached execution (a syntax or validation error) is charged one point here, so that garbage is not free either.
 */
@Component
@Order(10)
class RateLimitHeaders implements WebGraphQlInterceptor {

    private final CostBudget budget;

    RateLimitHeaders(CostBudget budget) {
        this.budget = budget;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        CostReport[] report = new CostReport[1];
        request.configureExecutionInput((input, builder) -> builder
                .graphQLContext(context -> report[0] = CostReport.into(context)).build());
        return chain.next(request).map(response -> {
            CostBudget.Charge charge = report[0] == null ? null : report[0].charge();
            if (charge == null) {
                charge = budget.charge(Caller.of(response.getExecutionInput().getGraphQLContext()), 1);
            }
            charge.writeHeaders(response.getResponseHeaders()::set);
            return response;
        });
    }
}
