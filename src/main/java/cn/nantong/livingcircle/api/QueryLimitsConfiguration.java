package cn.nantong.livingcircle.api;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Bounds on what one query may ask for, checked before execution: nesting depth, and a complexity in which a field
 * with a {@code first} argument costs its children times the page size it asks for (50 when omitted), so
 * {@code communities(first: 100) { ... buildings(first: 100) { ... } }} costs about 100 × 100 rows, not a few dozen
 * fields. A rejected query gets {@code extensions.code = QUERY_TOO_COMPLEX}. These are the first guard of the public
 * API; per-key quotas and rate limits come on top.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryLimitsConfiguration.QueryLimits.class)
class QueryLimitsConfiguration {

    static final int DEFAULT_PAGE_FOR_COST = 50;

    // depth, then complexity, then cost and aliases (QueryCostInstrumentation): the first limit a document breaks
    // names the error
    @Bean
    @Order(1)
    MaxQueryDepthInstrumentation maxQueryDepth(QueryLimits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxQueryDepth());
    }

    @Bean
    @Order(2)
    MaxQueryComplexityInstrumentation maxQueryComplexity(QueryLimits limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxQueryComplexity(), pageAwareComplexity());
    }

    /** 1 per field; a field with a {@code first} argument multiplies its children by the page size. */
    static FieldComplexityCalculator pageAwareComplexity() {
        return (env, childComplexity) -> {
            if (env.getFieldDefinition().getArgument("first") == null) {
                return 1 + childComplexity;
            }
            Object first = env.getArguments().get("first");
            // a page above the cap is refused by the field itself, with a clearer OUT_OF_RANGE than a cost error
            int pageSize = first instanceof Number n ? Math.max(1, Math.min(PageRequest.MAX_FIRST, n.intValue()))
                    : DEFAULT_PAGE_FOR_COST;
            long cost = 1L + (long) pageSize * Math.max(1, childComplexity);
            return (int) Math.min(Integer.MAX_VALUE, cost);
        };
    }

    /**
     * @param maxQueryDepth      deepest field nesting a query may have
     * @param maxQueryComplexity largest page-aware complexity (roughly: rows a query may ask for)
     * @param maxQueryCost       largest price of one request in points ({@link QueryCost}), checked before execution
     * @param maxAliases         most aliased fields one request may have ({@link QueryCostInstrumentation})
     */
    @ConfigurationProperties("circle.api")
    record QueryLimits(@DefaultValue("15") int maxQueryDepth, @DefaultValue("200000") int maxQueryComplexity,
            @DefaultValue("2000") int maxQueryCost, @DefaultValue("100") int maxAliases) {
    }
}
