package cn.nantong.livingcircle.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import cn.nantong.livingcircle.api.ApiException.ErrorCode;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Prices every operation before it runs ({@link QueryCost}) and refuses one above {@code circle.api.max-query-cost}
 * with QUERY_TOO_COSTLY, naming its cost and the limit, before any field is fetched; in the same walk over the
 * document it counts aliased fields, and refuses more than {@code circle.api.max-aliases} with QUERY_TOO_COMPLEX
 * (with {@code aliases} and {@code limit}). An operation within both limits is then charged its price to the caller's
 * {@link CostBudget} and refused with RATE_LIMITED when the budget has less; after execution the difference between
 * the requested price and the actual one (the fields that ran, with the rows they returned) is refunded.
 *
 * <p>Every answer, refused or not, reports {@code extensions.cost {requested, actual, limit, remaining}} (after
 * Shopify's convention), so a client can budget: {@code limit} is the most one request may cost, {@code remaining}
 * the points left in the caller's window.
 *
 * <p>A request that passes and is heavy (it runs an in-memory search, or costs at least
 * {@code circle.api.heavy-cost-threshold}) then takes a permit of the {@link HeavyRequestBulkhead}, waiting at most
 * {@code circle.api.heavy-queue-timeout}, and keeps it until its execution has ended, including work still running
 * after its deadline answered TIMEOUT; none freeing up is OVERLOADED (HTTP 503 with Retry-After), and the request's
 * charge is refunded but for one point.
 */
@Component
@Order(3)
class QueryCostInstrumentation extends SimplePerformantInstrumentation {

    /** A refused request still costs this much, so that a flood of refusals spends a budget too. */
    static final long REFUSAL_POINTS = 1;

    private static final Logger log = LoggerFactory.getLogger(QueryCostInstrumentation.class);

    private final QueryLimitsConfiguration.QueryLimits limits;
    private final RequestBoundsConfiguration.RequestBounds bounds;
    private final HeavyRequestBulkhead bulkhead;
    private final CostBudget budget;

    QueryCostInstrumentation(QueryLimitsConfiguration.QueryLimits limits, RequestBoundsConfiguration.RequestBounds bounds,
            HeavyRequestBulkhead bulkhead, CostBudget budget) {
        this.limits = limits;
        this.bounds = bounds;
        this.bulkhead = bulkhead;
        this.budget = budget;
    }

    /** The price and charge of the request being executed. */
    static final class CostState implements InstrumentationState {
        private volatile Long requested;
        private final AtomicLong actual = new AtomicLong();
        /** Fields (by path without list indexes) whose {@code once} has been paid. */
        private final Set<String> paidOnce = ConcurrentHashMap.newKeySet();
        private volatile boolean executed;
        private final AtomicBoolean holdsPermit = new AtomicBoolean();
        private volatile Caller caller;
        private volatile GraphQLContext context;
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
            InstrumentationExecuteOperationParameters parameters, InstrumentationState instrumentationState) {
        CostState state = (CostState) instrumentationState;
        ExecutionContext context = parameters.getExecutionContext();
        String operationName = context.getOperationDefinition().getName();
        QueryCost.Measure measure = QueryCost.measure(context.getGraphQLSchema(), context.getDocument(),
                operationName, context.getCoercedVariables());
        long cost = measure.cost();
        state.requested = cost;
        state.caller = Caller.of(context.getGraphQLContext());
        state.context = context.getGraphQLContext();
        if (cost > limits.maxQueryCost()) {
            charge(state, REFUSAL_POINTS);
            throw abort("The query costs " + cost + " points; at most " + limits.maxQueryCost()
                    + " are allowed per request (see extensions.cost and the README's cost table)",
                    ErrorCode.QUERY_TOO_COSTLY, Map.of("cost", cost, "limit", limits.maxQueryCost()));
        }
        // a thousand aliases of a free field cost nothing but still make a thousand fields to resolve and serialise
        if (measure.aliases() > limits.maxAliases()) {
            charge(state, REFUSAL_POINTS);
            throw abort("The query has " + measure.aliases() + " aliased fields; at most " + limits.maxAliases()
                    + " are allowed per request", ErrorCode.QUERY_TOO_COMPLEX,
                    Map.of("aliases", measure.aliases(), "limit", limits.maxAliases()));
        }
        CostBudget.Charge charge = charge(state, Math.max(REFUSAL_POINTS, cost));
        if (!charge.allowed()) {
            throw abort("The query costs " + cost + " points and " + charge.remaining() + " are left in this window; "
                    + "retry in " + charge.retryAfterSeconds() + " s", ErrorCode.RATE_LIMITED,
                    Map.of("cost", cost, "remaining", charge.remaining(),
                            "retryAfterSeconds", charge.retryAfterSeconds()));
        }
        state.executed = true;
        if (measure.searches() > 0 || cost >= bounds.heavyCostThreshold()) {
            takePermit(state);
        }
        return SimpleInstrumentationContext.noOp();
    }

    private void takePermit(CostState state) {
        if (!bulkhead.tryAcquire()) {
            log.debug("Refused a heavy request: all {} permits stayed taken for {}", bulkhead.maxConcurrent(),
                    bounds.heavyQueueTimeout());
            long retryAfterSeconds = bulkhead.retryAfterSeconds();
            throw abort("The server is running as many heavy requests (searches, isochrones, analytics) as it can; "
                    + "retry in " + retryAfterSeconds + " s", ErrorCode.OVERLOADED,
                    Map.of("retryAfterSeconds", retryAfterSeconds));
        }
        state.holdsPermit.set(true);
    }

    private CostBudget.Charge charge(CostState state, long points) {
        CostBudget.Charge charge = budget.charge(state.caller, points);
        CostReport.of(state.context).charged(points, charge);
        return charge;
    }

    private static AbortExecutionException abort(String message, ErrorCode code, Map<String, Object> details) {
        Map<String, Object> extensions = new LinkedHashMap<>(details);
        extensions.put("code", code.name());
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.ExecutionAborted)
                .extensions(extensions)
                .build()));
    }

    /** Counts what each priced field that ran actually cost, with the rows it returned. */
    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState instrumentationState) {
        // Every priced field has a fetcher of its own (a controller method); a property read is free, and asking
        // for its step info would make graphql-java build what it skips for trivial fetchers (most of the ~600
        // fields of a reachable answer)
        if (parameters.isTrivialDataFetcher() || !(instrumentationState instanceof CostState state)
                || state.requested == null) {
            return FieldFetchingInstrumentationContext.NOOP;
        }
        ExecutionStepInfo info = parameters.getExecutionStepInfo();
        String field = info.getFieldDefinition().getName();
        if (field.startsWith("__")) {
            return FieldFetchingInstrumentationContext.NOOP;
        }
        QueryCost.Price price = QueryCost.field(info.getObjectType().getName(), field, info.getArguments());
        if (price.isFree()) {
            return FieldFetchingInstrumentationContext.NOOP;
        }
        boolean firstRun = state.paidOnce.add(String.join("/", info.getPath().getKeysOnly()));
        return new FieldFetchingInstrumentationContext() {
            @Override
            public void onDispatched() {
            }

            @Override
            public void onCompleted(Object result, Throwable failure) {
                // a field refused for its arguments did (almost) no work; its batched query still ran
                long cost = failure != null ? (firstRun ? price.once() : 0)
                        : QueryCost.actual(price, rowsOf(result), firstRun);
                state.actual.addAndGet(cost);
            }
        };
    }

    private static long rowsOf(Object result) {
        Object value = result instanceof DataFetcherResult<?> wrapped ? wrapped.getData() : result;
        if (value instanceof Connection<?> connection) {
            return connection.edges().size();
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.size();
        }
        return value == null ? 0 : 1;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState instrumentationState) {
        releasePermit(instrumentationState);
        if (!(instrumentationState instanceof CostState state) || state.requested == null) {
            return CompletableFuture.completedFuture(result);
        }
        CostReport report = CostReport.of(state.context);
        long requested = state.requested;
        long actual = state.executed ? Math.min(requested, state.actual.get()) : 0;
        Long remaining = report.charge() == null ? null : report.charge().remaining();
        long unused = state.executed ? Math.max(REFUSAL_POINTS, requested) - Math.max(REFUSAL_POINTS, actual) : 0;
        if (unused > 0) {
            CostBudget.Charge after = budget.refund(state.caller, unused);
            report.refunded(unused, after);
            remaining = after.remaining();
        }
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requested", requested);
        cost.put("actual", actual);
        cost.put("limit", limits.maxQueryCost());
        if (remaining != null) {
            cost.put("remaining", remaining);
        }
        return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result)
                .addExtension("cost", cost).build());
    }
}
