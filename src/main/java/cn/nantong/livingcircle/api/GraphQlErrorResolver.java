package cn.nantong.livingcircle.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * The one place that turns exceptions thrown while fetching data into GraphQL errors. Domain errors keep their
 * message and code; an unavailable database becomes {@code SERVICE_UNAVAILABLE}; anything else is logged with an
 * id and reaches the client only as that id, never as a stack trace or a Cypher text.
 */
@Component
class GraphQlErrorResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        Throwable cause = unwrap(ex);
        if (cause instanceof ApiException api) {
            return error(env, api.code(), api.getMessage(), api.details());
        }
        if (cause instanceof AccessDeniedException) {
            // method security said no: without a key that means "send one", with a key "not with this one"
            AccessTier tier = Caller.of(env.getGraphQlContext()).tier();
            return tier == AccessTier.ANONYMOUS
                    ? error(env, ApiException.ErrorCode.UNAUTHENTICATED,
                            "This field needs an API key (Authorization: Bearer <key>) of a tier allowed to run it",
                            Map.of("tier", tier.name()))
                    : error(env, ApiException.ErrorCode.FORBIDDEN,
                            "A " + tier.name() + " key may not run this field", Map.of("tier", tier.name()));
        }
        if (cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException
                || cause instanceof TransientDataAccessResourceException
                || cause instanceof DataAccessResourceFailureException) {
            log.warn("Database unavailable while fetching {}: {}", env.getExecutionStepInfo().getPath(), cause.toString());
            return error(env, ApiException.ErrorCode.SERVICE_UNAVAILABLE,
                    "The database is temporarily unavailable; retry later", Map.of());
        }
        String errorId = env.getExecutionId().toString();
        log.error("Unexpected error {} at {}", errorId, env.getExecutionStepInfo().getPath(), ex);
        return error(env, ApiException.ErrorCode.INTERNAL_ERROR, "Internal error " + errorId, Map.of());
    }

    private static GraphQLError error(DataFetchingEnvironment env, ApiException.ErrorCode code, String message,
            Map<String, Object> details) {
        // sorted, so the same error always serialises the same way (clients diff and cache answers)
        Map<String, Object> extensions = new LinkedHashMap<>(new TreeMap<>(details));
        extensions.put("code", code.name());
        return GraphqlErrorBuilder.newError(env)
                .errorType(code.classification())
                .message(message)
                .extensions(extensions)
                .build();
    }

    /**
     * The exception that says what went wrong: an {@link ApiException} or a sign that the database cannot be reached
     * anywhere in the chain (Spring's translation wraps the driver's exception, which wraps the socket's), else
     * {@code ex} itself.
     */
    private static Throwable unwrap(Throwable ex) {
        for (Throwable current = ex; current != null; current = current.getCause() == current ? null
                : current.getCause()) {
            if (current instanceof ApiException || current instanceof ServiceUnavailableException
                    || current instanceof SessionExpiredException
                    || current instanceof TransientDataAccessResourceException
                    || current instanceof DataAccessResourceFailureException) {
                return current;
            }
        }
        return ex;
    }
}
