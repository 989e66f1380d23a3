package cn.nantong.livingcircle.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.nantong.livingcircle.api.ApiException.ErrorCode;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives errors raised by graphql-java itself (parse and validation errors, bad variable values) an
 * {@code extensions.code} too, so every error a client sees can be switched on the same way. The codes follow the
 * widely used Apollo names. Their messages are rewritten where graphql-java puts a Java class name or an AST
 * {@code toString()} in them ({@link JsonTypes#clientMessage}).
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    private final GraphQlObservationConfiguration.ErrorCodeMetrics metrics;

    ErrorCodeInterceptor(GraphQlObservationConfiguration.ErrorCodeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getExecutionResult().getErrors().isEmpty()) {
                return response;
            }
            List<GraphQLError> errors = response.getExecutionResult().getErrors().stream()
                    .map(ErrorCodeInterceptor::withCode)
                    .toList();
            errors.forEach(error -> metrics.count(error.getExtensions().get("code")));
            return response.transform(builder -> builder.errors(errors));
        });
    }

    static GraphQLError withCode(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions() == null ? Map.of() : error.getExtensions();
        String message = JsonTypes.clientMessage(error.getMessage());
        if (extensions.containsKey("code") && Objects.equals(message, error.getMessage())) {
            return error;
        }
        Map<String, Object> merged = new LinkedHashMap<>(extensions);
        merged.putIfAbsent("code", codeFor(error.getErrorType()));
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(merged)
                .build();
    }

    private static String codeFor(ErrorClassification classification) {
        if (classification == ErrorType.InvalidSyntax) {
            return ErrorCode.GRAPHQL_PARSE_FAILED.name();
        }
        if (classification == ErrorType.ValidationError) {
            return ErrorCode.GRAPHQL_VALIDATION_FAILED.name();
        }
        if (classification == ErrorType.ExecutionAborted) {
            return ErrorCode.QUERY_TOO_COMPLEX.name();
        }
        if (classification == ErrorType.OperationNotSupported) {
            return ErrorCode.OPERATION_NOT_SUPPORTED.name();
        }
        if (classification == org.springframework.graphql.execution.ErrorType.UNAUTHORIZED) {
            return ErrorCode.UNAUTHENTICATED.name();
        }
        if (classification == org.springframework.graphql.execution.ErrorType.FORBIDDEN) {
            return ErrorCode.FORBIDDEN.name();
        }
        if (classification == org.springframework.graphql.execution.ErrorType.INTERNAL_ERROR) {
            return ErrorCode.INTERNAL_ERROR.name();
        }
        return ErrorCode.BAD_USER_INPUT.name();
    }
}
