package cn.nantong.livingcircle.api;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.nantong.livingcircle.api.ApiException.ErrorCode;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses, before any other limit looks at it, an operation whose fragments expand to more than
 * {@link #MAX_EXPANDED_FIELDS} field selections. A document of 31 fragments, each spreading the previous one twice,
 * is a few hundred bytes, passes validation, and expands to 2^30 selections: the depth and complexity checks and the
 * pricing ({@link QueryCost}, which builds the normalized operation) walk every expansion, so such a request held a
 * request thread and a CPU for minutes. Here each fragment's size is computed once (memoized), so the check is
 * linear in the document. Cycles never get here (validation refuses them).
 */
@Component
@Order(0)
class FragmentExpansionInstrumentation extends SimplePerformantInstrumentation {

    /** Far above any real document (the full introspection query expands to a few hundred). */
    static final long MAX_EXPANDED_FIELDS = 10_000;

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        var context = parameters.getExecutionContext();
        Map<String, FragmentDefinition> fragments = context.getFragmentsByName();
        long fields = size(context.getOperationDefinition().getSelectionSet(), fragments, new HashMap<>(), new HashSet<>());
        if (fields > MAX_EXPANDED_FIELDS) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .message("The query's fragments expand to more than " + MAX_EXPANDED_FIELDS + " fields")
                    .errorType(ErrorType.ExecutionAborted)
                    .extensions(Map.of("code", ErrorCode.QUERY_TOO_COMPLEX.name(), "limit", MAX_EXPANDED_FIELDS))
                    .build()));
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** Field selections of the set with every spread expanded, saturating above the limit. */
    private static long size(SelectionSet set, Map<String, FragmentDefinition> fragments, Map<String, Long> sizes,
            Set<String> visiting) {
        if (set == null) {
            return 0;
        }
        long total = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                total += 1 + size(field.getSelectionSet(), fragments, sizes, visiting);
            }
            else if (selection instanceof InlineFragment inline) {
                total += size(inline.getSelectionSet(), fragments, sizes, visiting);
            }
            else if (selection instanceof FragmentSpread spread) {
                total += fragmentSize(spread.getName(), fragments, sizes, visiting);
            }
            if (total > MAX_EXPANDED_FIELDS) {
                return MAX_EXPANDED_FIELDS + 1;
            }
        }
        return total;
    }

    private static long fragmentSize(String name, Map<String, FragmentDefinition> fragments, Map<String, Long> sizes,
            Set<String> visiting) {
        Long known = sizes.get(name);
        if (known != null) {
            return known;
        }
        FragmentDefinition fragment = fragments.get(name);
        if (fragment == null || !visiting.add(name)) {
            return fragment == null ? 0 : MAX_EXPANDED_FIELDS + 1; // unknown or cyclic: validation's business
        }
        long size = size(fragment.getSelectionSet(), fragments, sizes, visiting);
        visiting.remove(name);
        sizes.put(name, size);
        return size;
    }
}
