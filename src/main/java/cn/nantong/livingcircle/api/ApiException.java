package cn.nantong.livingcircle.api;

import java.util.Map;

import org.springframework.graphql.execution.ErrorType;

/**
 * A client error with a stable machine-readable {@code extensions.code} and a message safe to show: no stack trace,
 * no Cypher, no internal identifiers beyond what the client sent.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra {@code extensions} entries, such as the offending argument and the limit it broke. */
    public Map<String, Object> details() {
        return details;
    }

    public static ApiException notFound(String type, String id) {
        return new ApiException(ErrorCode.NOT_FOUND, "No " + type + " with id '" + id + "'",
                Map.of("type", type, "id", id));
    }

    public static ApiException outOfRange(String argument, Object value, Object min, Object max) {
        return new ApiException(ErrorCode.OUT_OF_RANGE,
                "Argument '" + argument + "' must be between " + min + " and " + max + ", was " + value,
                Map.of("argument", argument, "min", min, "max", max));
    }

    /** A point (query origin or hypothetical place) farther than the maximum snap distance from every walkway. */
    public static ApiException tooFarFromWalkway(String argument, double lat, double lon, double maxSnapMeters) {
        return new ApiException(ErrorCode.TOO_FAR_FROM_WALKWAY, "The point " + lat + "," + lon + " is farther than "
                + Math.round(maxSnapMeters) + " m from every walkway of the network",
                Map.of("argument", argument, "maxSnapMeters", maxSnapMeters));
    }

    /** A point outside the region the dataset covers at all ({@code dataset.extent}). */
    public static ApiException outsideCoverage(String argument, double lat, double lon) {
        return new ApiException(ErrorCode.OUTSIDE_COVERAGE, "The point " + lat + "," + lon
                + " lies outside the area the dataset covers (see dataset.extent)", Map.of("argument", argument));
    }

    public static ApiException badArgument(String argument, String message) {
        return new ApiException(ErrorCode.BAD_USER_INPUT, message, Map.of("argument", argument));
    }

    /**
     * Every {@code extensions.code} the API answers with (the README's error table lists exactly these; a test
     * checks). {@link #classification()} maps each to Spring for GraphQL's error type.
     *
     * <p>One code per kind of bad argument: a number, or the length of a list, outside its allowed range is
     * OUT_OF_RANGE (with {@code argument}, {@code min}, {@code max}), coordinates included; an argument whose shape
     * is wrong (neither or both of a one-of input, a required field missing) is BAD_USER_INPUT.
     */
    public enum ErrorCode {
        NOT_FOUND(ErrorType.NOT_FOUND),
        BAD_USER_INPUT(ErrorType.BAD_REQUEST),
        OUT_OF_RANGE(ErrorType.BAD_REQUEST),
        INVALID_CURSOR(ErrorType.BAD_REQUEST),
        UNKNOWN_CATEGORY(ErrorType.BAD_REQUEST),
        /** A query point farther from every walkway than the maximum snap distance. */
        TOO_FAR_FROM_WALKWAY(ErrorType.BAD_REQUEST),
        /** A query point outside the outline of the covered area ({@code dataset.extent}). */
        OUTSIDE_COVERAGE(ErrorType.BAD_REQUEST),
        /** No walk within the walking horizon leads from the origin to the place asked for. */
        NOT_REACHABLE(ErrorType.BAD_REQUEST),
        /** The document is not valid GraphQL syntax. */
        GRAPHQL_PARSE_FAILED(ErrorType.BAD_REQUEST),
        /** The document does not validate against the schema (unknown field, wrong argument type...). */
        GRAPHQL_VALIDATION_FAILED(ErrorType.BAD_REQUEST),
        /** Refused before execution: deeper or more complex than the configured limits. */
        QUERY_TOO_COMPLEX(ErrorType.BAD_REQUEST),
        /** Refused before execution: the document's price ({@code QueryCost}) is above the per-request maximum. */
        QUERY_TOO_COSTLY(ErrorType.BAD_REQUEST),
        /**
         * The HTTP request is not a GraphQL request: a body that is not JSON, not UTF-8 or not a JSON object, or a
         * {@code query}, {@code operationName}, {@code variables} or {@code extensions} of the wrong JSON type.
         * Answered with HTTP 400 (415 for a content type other than JSON) before anything is executed.
         */
        BAD_REQUEST_BODY(ErrorType.BAD_REQUEST),
        /** An operation type the endpoint does not serve (e.g. a subscription over HTTP, a mutation over GET). */
        OPERATION_NOT_SUPPORTED(ErrorType.BAD_REQUEST),
        /**
         * Apollo's code for a persisted query sent by hash alone whose document this replica does not know (neither
         * trusted nor registered here); the client sends the query text with the hash again, which registers it.
         */
        PERSISTED_QUERY_NOT_FOUND(ErrorType.NOT_FOUND),
        /** The {@code sha256Hash} sent with a query text is not the SHA-256 of that text; nothing is registered. */
        PERSISTED_QUERY_HASH_MISMATCH(ErrorType.BAD_REQUEST),
        /** The request carries an API key that is unknown, malformed or revoked (HTTP 401). */
        UNAUTHENTICATED(ErrorType.UNAUTHORIZED),
        /** The caller's tier may not run this operation (HTTP 403 for a request refused as a whole). */
        FORBIDDEN(ErrorType.FORBIDDEN),
        /** The caller's points for the current window are spent (HTTP 429 with Retry-After). */
        RATE_LIMITED(ErrorType.BAD_REQUEST),
        /** The request ran past {@code circle.api.request-timeout}: its work was cancelled (HTTP 504, no data). */
        TIMEOUT(ErrorType.INTERNAL_ERROR),
        /** The answer would be larger than {@code circle.api.max-response-bytes}, so it is not sent (no data). */
        RESPONSE_TOO_LARGE(ErrorType.BAD_REQUEST),
        /** Every heavy-request permit stayed taken for the queue timeout (HTTP 503 with Retry-After). */
        OVERLOADED(ErrorType.INTERNAL_ERROR),
        SERVICE_UNAVAILABLE(ErrorType.INTERNAL_ERROR),
        INTERNAL_ERROR(ErrorType.INTERNAL_ERROR);

        private final ErrorType classification;

        ErrorCode(ErrorType classification) {
            this.classification = classification;
        }

        public ErrorType classification() {
            return classification;
        }
    }
}
