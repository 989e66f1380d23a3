package cn.nantong.livingcircle.api;

import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.api.ApiException.ErrorCode;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses an operation with more than {@code circle.api.max-aliases} aliased fields before it runs
 * (QUERY_TOO_COMPLEX, with {@code aliases} and {@code limit}): a thousand aliases of a free field cost nothing by
 * {@link QueryCost} but still make a thousand fields to resolve and serialise. Fragment spreads count at every use.
 */
@Component
@Order(4)
class AliasLimitInstrumentation extends SimplePerformantInstrumentation {

    private final QueryLimitsConfiguration.QueryLimits limits;

    AliasLimitInstrumentation(QueryLimitsConfiguration.QueryLimits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        long aliases = aliases(context);
        if (aliases > limits.maxAliases()) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .message("The query has " + aliases + " aliased fields; at most " + limits.maxAliases()
                            + " are allowed per request")
                    .errorType(ErrorType.ExecutionAborted)
                    .extensions(Map.of("code", ErrorCode.QUERY_TOO_COMPLEX.name(), "aliases", aliases, "limit",
                            limits.maxAliases()))
                    .build()));
        }
        return SimpleInstrumentationContext.noOp();
    }

    static long aliases(ExecutionContext context) {
        long[] count = {0};
        QueryTraverser.newQueryTraverser().schema(context.getGraphQLSchema()).document(context.getDocument())
                .operationName(context.getOperationDefinition().getName())
                .coercedVariables(context.getCoercedVariables()).build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment env) {
                        if (env.getField().getAlias() != null) {
                            count[0]++;
                        }
                    }
                });
        return count[0];
    }
}
