package cn.nantong.livingcircle.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cn.nantong.livingcircle.api.ApiException.ErrorCode;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Prices every operation before it runs ({@link QueryCost}) and refuses one above {@code circle.api.max-query-cost}
 * with QUERY_TOO_COSTLY, naming its cost and the limit, before any field is fetched; in the same walk over the
 * document it counts aliased fields, and refuses more than {@code circle.api.max-aliases} with QUERY_TOO_COMPLEX
 * (with {@code aliases} and {@code limit}). Every answer, refused or not,
 * reports {@code extensions.cost {requested, limit}} (after Shopify's convention), so a client can budget.
 */
@Component
@Order(3)
class QueryCostInstrumentation extends SimplePerformantInstrumentation {

    private final QueryLimitsConfiguration.QueryLimits limits;

    QueryCostInstrumentation(QueryLimitsConfiguration.QueryLimits limits) {
        this.limits = limits;
    }

    /** The price of the request being executed; null until its operation has been priced. */
    static final class CostState implements InstrumentationState {
        private volatile Long requested;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new CostState();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        String operationName = context.getOperationDefinition().getName();
        QueryCost.Measure measure = QueryCost.measure(context.getGraphQLSchema(), context.getDocument(),
                operationName, context.getCoercedVariables());
        long cost = measure.cost();
        ((CostState) state).requested = cost;
        if (cost > limits.maxQueryCost()) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .message("The query costs " + cost + " points; at most " + limits.maxQueryCost()
                            + " are allowed per request (see extensions.cost and the README's cost table)")
                    .errorType(ErrorType.ExecutionAborted)
                    .extensions(Map.of("code", ErrorCode.QUERY_TOO_COSTLY.name(), "cost", cost, "limit",
                            limits.maxQueryCost()))
                    .build()));
        }
        // a thousand aliases of a free field cost nothing but still make a thousand fields to resolve and serialise
        if (measure.aliases() > limits.maxAliases()) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .message("The query has " + measure.aliases() + " aliased fields; at most " + limits.maxAliases()
                            + " are allowed per request")
                    .errorType(ErrorType.ExecutionAborted)
                    .extensions(Map.of("code", ErrorCode.QUERY_TOO_COMPLEX.name(), "aliases", measure.aliases(),
                            "limit", limits.maxAliases()))
                    .build()));
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        Long requested = state instanceof CostState cost ? cost.requested : null;
        if (requested == null) {
            return CompletableFuture.completedFuture(result);
        }
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requested", requested);
        cost.put("limit", limits.maxQueryCost());
        return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result)
                .addExtension("cost", cost).build());
    }
}
