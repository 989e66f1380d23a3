package cn.nantong.livingcircle.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Prices every operation before it runs ({@link QueryCost}) and refuses one above {@code circle.api.max-query-cost}
 * with QUERY_TOO_COSTLY, naming its cost and the limit, before any field is fetched; in the same walk over the
 * document it counts aliased fields, and refuses more than {@code circle.api.max-aliases} with QUERY_TOO_COMPLEX
 * (with {@code aliases} and {@code limit}). Every answer, refused or not,
 * reports {@code extensions.cost {requested, limit}} (after Shopify's convention), so a client can budget.
 *
 * <p>A request that passes and is heavy (it runs an in-memory search, or costs at least
 * {@code circle.api.heavy-cost-threshold}) then takes a permit of the {@link HeavyRequestBulkhead}, waiting at most
 * {@code circle.api.heavy-queue-timeout}, and keeps it until its execution has ended, including work still running
 * after its deadline answered TIMEOUT; none freeing up is OVERLOADED (HTTP 503 with Retry-After).
 */
@Component
@Order(3)
class QueryCostInstrumentation extends SimplePerformantInstrumentation {

    private static final Logger log = LoggerFactory.getLogger(QueryCostInstrumentation.class);

    private final QueryLimitsConfiguration.QueryLimits limits;
    private final RequestBoundsConfiguration.RequestBounds bounds;
    private final HeavyRequestBulkhead bulkhead;

    QueryCostInstrumentation(QueryLimitsConfiguration.QueryLimits limits, RequestBoundsConfiguration.RequestBounds bounds,
            HeavyRequestBulkhead bulkhead) {
        this.limits = limits;
        this.bounds = bounds;
        this.bulkhead = bulkhead;
    }

    /** The price of the request being executed (null until priced) and whether it holds a heavy-request permit. */
    static final class CostState implements InstrumentationState {
        private volatile Long requested;
        private final AtomicBoolean holdsPermit = new AtomicBoolean();
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new CostState();
    }

    /**
     * Releases the permit when the execution has ended. graphql-java completes this context when execution ran,
     * and skips it when an instrumentation after this one aborts the operation synchronously; then only
     * {@link #instrumentExecutionResult} is called, which releases too: the first of the two wins.
     */
    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> releasePermit(state));
    }

    private void releasePermit(InstrumentationState state) {
        if (state instanceof CostState cost && cost.holdsPermit.compareAndSet(true, false)) {
            bulkhead.release();
        }
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
        if (measure.searches() > 0 || cost >= bounds.heavyCostThreshold()) {
            takePermit((CostState) state);
        }
        return SimpleInstrumentationContext.noOp();
    }

    private void takePermit(CostState state) {
        if (!bulkhead.tryAcquire()) {
            log.debug("Refused a heavy request: all {} permits stayed taken for {}", bulkhead.maxConcurrent(),
                    bounds.heavyQueueTimeout());
            long retryAfterSeconds = bulkhead.retryAfterSeconds();
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .message("The server is running as many heavy requests (searches, isochrones, analytics) as it "
                            + "can; retry in " + retryAfterSeconds + " s")
                    .errorType(ErrorType.ExecutionAborted)
                    .extensions(Map.of("code", ErrorCode.OVERLOADED.name(), "retryAfterSeconds", retryAfterSeconds))
                    .build()));
        }
        state.holdsPermit.set(true);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        releasePermit(state);
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
