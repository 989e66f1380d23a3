package cn.nantong.livingcircle.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import cn.nantong.livingcircle.api.ApiException.ErrorCode;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import jakarta.servlet.http.Cookie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP, read strictly. Spring's handler turns a {@code null} body into a 500 with a stack trace,
 * coerces a numeric or boolean {@code query} into text and answers a body that is not a JSON object with Spring's
 * generic error page; this one reads the body itself and answers every request that is not a GraphQL request with
 * HTTP 400 and a GraphQL-style error ({@code BAD_REQUEST_BODY}) before anything is executed, logging one DEBUG
 * line. What is a GraphQL request goes to the same {@link WebGraphQlHandler} (interceptors, error codes) and is
 * written by Spring's own response code.
 *
 * <p>It also serves GET ({@code ?query=&variables=&operationName=}, the GraphQL over HTTP draft), which Spring for
 * GraphQL does not: queries only (a mutation or subscription gets 405), answered with
 * {@code Cache-Control: public, max-age=60} and an ETag of the dataset version and the request, so
 * {@code If-None-Match} gets 304 without executing anything.
 *
 * <p>It writes the answer itself too: serialised, it may be at most {@code circle.api.max-response-bytes} (a larger
 * one is replaced by RESPONSE_TOO_LARGE), and a request error the server raised during execution gets its HTTP
 * status: TIMEOUT 504, OVERLOADED 503 with {@code Retry-After}.
 *
 * <p>A request may leave out {@code query} when {@code extensions.persistedQuery} names the document by hash
 * ({@link PersistedQueries}), which is what makes short, cacheable GET URLs.
 */
class StrictGraphQlHttpHandler extends GraphQlHttpHandler {

    private static final Logger log = LoggerFactory.getLogger(StrictGraphQlHttpHandler.class);

    static final String CACHE_CONTROL = "public, max-age=60";

    /** Retry-After of a 503 for an unreachable database: the driver finds a restarted server within seconds. */
    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    private static final MediaType APPLICATION_GRAPHQL = MediaType.parseMediaType("application/graphql");

    private static final Set<String> MEMBERS = Set.of("query", "operationName", "variables", "extensions");

    private final WebGraphQlHandler graphQlHandler;
    private final ObjectReader jsonReader;
    private final DataVersion dataVersion;
    private final PersistedQueries persistedQueries;
    private final int maxRequestBytes;
    private final ObjectWriter jsonWriter;
    private final int maxResponseBytes;
    private final RequestRefusals refusals;

    StrictGraphQlHttpHandler(WebGraphQlHandler graphQlHandler, JsonMapper jsonMapper, DataVersion dataVersion,
            PersistedQueries persistedQueries, int maxRequestBytes, int maxResponseBytes, RequestRefusals refusals) {
        super(graphQlHandler);
        this.refusals = refusals;
        this.graphQlHandler = graphQlHandler;
        // a body is one JSON value: "{...} trailing text" is not a request either
        this.jsonReader = jsonMapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.dataVersion = dataVersion;
        this.persistedQueries = persistedQueries;
        this.maxRequestBytes = maxRequestBytes;
        this.jsonWriter = jsonMapper.writer();
        this.maxResponseBytes = maxResponseBytes;
    }

    /** POST: the body must be one JSON object with a string {@code query} (or a persisted query's hash). */
    @Override
    public ServerResponse handleRequest(ServerRequest request) {
        return readBody(request, body -> execute(request, body, null));
    }

    /** Reads a POST body strictly: a refusal (400), or {@code execute} of the GraphQL request (SSE uses it too). */
    ServerResponse readBody(ServerRequest request, Function<Map<String, Object>, ServerResponse> execute) {
        long declared = request.servletRequest().getContentLengthLong();
        if (declared > maxRequestBytes) {
            return tooLarge(request);
        }
        byte[] body;
        try {
            // never more than the limit in memory, whatever the body claims (chunked bodies declare nothing)
            body = request.servletRequest().getInputStream().readNBytes(maxRequestBytes + 1);
        }
        catch (IOException ex) {
            throw new ServerWebInputException("I/O error while reading request body", null, ex);
        }
        if (body.length > maxRequestBytes) {
            return tooLarge(request);
        }
        if (!isUtf8(body)) {
            return badRequest(request, null, "The request body is not valid UTF-8");
        }
        JsonNode json;
        try {
            json = body.length == 0 ? null : jsonReader.readValue(body);
        }
        catch (JacksonException ex) {
            return badRequest(request, null, notJson(ex));
        }
        if (json == null || json.isMissingNode()) {
            return badRequest(request, null, "The request body is empty; send a JSON object with a 'query'");
        }
        if (!json.isObject()) {
            return badRequest(request, null, "The request body must be a JSON object with a 'query', not "
                    + kind(json));
        }
        Map<String, Object> graphQlBody = new LinkedHashMap<>();
        for (String member : MEMBERS) {
            JsonNode value = json.get(member);
            if (value == null || value.isNull()) {
                continue;
            }
            boolean stringMember = member.equals("query") || member.equals("operationName");
            if (stringMember && !value.isString() || !stringMember && !value.isObject()) {
                return badRequest(request, member, "'" + member + "' must be " + (stringMember ? "a string" : "a JSON object")
                        + ", not " + kind(value));
            }
            graphQlBody.put(member, stringMember ? value.stringValue() : jsonReader.treeToValue(value, Map.class));
        }
        ServerResponse noDocument = requireDocument(request, graphQlBody, "The request has no 'query'");
        return noDocument != null ? noDocument : execute.apply(graphQlBody);
    }

    /** GET: queries only, cacheable. */
    ServerResponse handleGet(ServerRequest request) {
        MultiValueMap<String, String> params = request.params();
        Map<String, Object> graphQlBody = new LinkedHashMap<>();
        for (String member : MEMBERS) {
            List<String> values = params.get(member);
            if (values == null || values.isEmpty()) {
                continue;
            }
            if (values.size() > 1) {
                return badRequest(request, member, "Parameter '" + member + "' is given more than once");
            }
            String value = values.get(0);
            if (member.equals("query") || member.equals("operationName")) {
                if (!value.isEmpty()) {
                    graphQlBody.put(member, value);
                }
                continue;
            }
            if (value.isBlank()) {
                continue;
            }
            JsonNode json;
            try {
                json = jsonReader.readValue(value);
            }
            catch (JacksonException ex) {
                return badRequest(request, member, "Parameter '" + member + "' is not valid JSON");
            }
            if (!json.isObject() && !json.isNull()) {
                return badRequest(request, member, "Parameter '" + member + "' must be a JSON object, not " + kind(json));
            }
            if (json.isObject()) {
                graphQlBody.put(member, jsonReader.treeToValue(json, Map.class));
            }
        }
        ServerResponse noDocument = requireDocument(request, graphQlBody, "A GET request needs a 'query' parameter");
        if (noDocument != null) {
            return noDocument;
        }
        String query = (String) graphQlBody.get("query");
        String operationName = (String) graphQlBody.get("operationName");
        // a hash alone: the registered document decides; an unknown one runs nothing (PERSISTED_QUERY_NOT_FOUND)
        OperationDefinition.Operation operation = query.equals(PersistedQuerySupport.PERSISTED_QUERY_MARKER)
                ? operationType(persistedQueries.registeredDocument(
                        PersistedQueries.requestedHash(graphQlBody.get("extensions"))), operationName)
                : operationType(query, operationName);
        if (operation == OperationDefinition.Operation.MUTATION || operation == OperationDefinition.Operation.SUBSCRIPTION) {
            log.debug("Refused a {} over GET", operation.name().toLowerCase(Locale.ROOT));
            return error(request, HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.OPERATION_NOT_SUPPORTED, null,
                    "A " + operation.name().toLowerCase(Locale.ROOT) + " cannot be sent with GET; use POST",
                    headers -> headers.setAllow(Set.of(HttpMethod.POST)));
        }
        String version = dataVersion.current();
        String etag = version == null ? null : etag(version, request);
        if (etag != null && notModified(request, etag)) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED)
                    .header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .build();
        }
        return execute(request, graphQlBody, etag);
    }

    /**
     * Null when {@code body} names its document: by its text, or by the hash of a persisted query alone, for which
     * graphql-java's marker stands in as the text (Spring's request needs one); otherwise the refusal.
     */
    private ServerResponse requireDocument(ServerRequest request, Map<String, Object> body, String noQuery) {
        String hash;
        try {
            hash = PersistedQueries.requestedHash(body.get("extensions"));
        }
        catch (IllegalArgumentException ex) {
            return badRequest(request, "extensions", ex.getMessage());
        }
        if (body.get("query") instanceof String query && !query.isBlank()) {
            return null;
        }
        if (hash == null) {
            return badRequest(request, "query", noQuery);
        }
        body.put("query", PersistedQuerySupport.PERSISTED_QUERY_MARKER);
        return null;
    }

    /** The request for the {@link WebGraphQlHandler}; {@code body} has passed the checks above. */
    static WebGraphQlRequest graphQlRequest(ServerRequest request, Map<String, Object> body) {
        return new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(), cookies(request),
                request.remoteAddress().orElse(null), request.attributes(), body, UUID.randomUUID().toString(),
                LocaleContextHolder.getLocale());
    }

    private ServerResponse execute(ServerRequest request, Map<String, Object> body, String etag) {
        Mono<WebGraphQlResponse> response = graphQlHandler.handleRequest(graphQlRequest(request, body));
        if (request.method() == HttpMethod.GET) {
            response = response.doOnNext(answer -> cacheHeaders(answer, etag));
        }
        return prepareResponse(request, response);
    }

    @Override
    protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> response) {
        CompletableFuture<ServerResponse> answer = response.map(graphQl -> write(request, graphQl)).toFuture();
        return ServerResponse.async(answer);
    }

    /**
     * Serialises the answer into at most {@code maxResponseBytes} of memory, counting on past the limit so that the
     * refusal can name the size; the status is Spring's, except for request errors raised by the server.
     */
    private ServerResponse write(ServerRequest request, WebGraphQlResponse response) {
        MediaType type = responseType(request);
        CappedBuffer body = new CappedBuffer(maxResponseBytes);
        jsonWriter.writeValue(body, response.toMap());
        if (body.overflowed()) {
            refusals.refused(ErrorCode.RESPONSE_TOO_LARGE);
            return tooLarge(request, response, type, body.count());
        }
        if (!response.getErrors().isEmpty() && nothingAnswered(response)) {
            refusals.refused(response.getErrors().get(0).getExtensions().get("code"));
        }
        HttpStatus status = selectResponseStatus(response, type);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getResponseHeaders());
        HttpStatus refusal = refusalStatus(response);
        if (refusal != null) {
            status = refusal;
            headers.setCacheControl("no-store");
        }
        if (refusal == HttpStatus.SERVICE_UNAVAILABLE) {
            Object retryAfter = response.getErrors().get(0).getExtensions().get("retryAfterSeconds");
            headers.set(HttpHeaders.RETRY_AFTER, retryAfter == null ? DATABASE_RETRY_AFTER_SECONDS
                    : String.valueOf(retryAfter));
        }
        return ServerResponse.status(status)
                .headers(h -> h.putAll(headers))
                .contentType(type)
                .body(body.toByteArray());
    }

    /** The answer that replaces one above the limit: a request error, with the original's extensions (its cost). */
    private ServerResponse tooLarge(ServerRequest request, WebGraphQlResponse response, MediaType type, long bytes) {
        WebGraphQlResponse refusal = tooLargeResponse(response, bytes);
        // a request error, like a query refused as too costly: 200 in plain JSON, 400 in the GraphQL media type
        return ServerResponse.status(selectResponseStatus(refusal, type))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(type)
                .body(refusal.toMap());
    }

    private WebGraphQlResponse tooLargeResponse(WebGraphQlResponse response, long bytes) {
        log.debug("Did not send an answer of {} bytes (limit {})", bytes, maxResponseBytes);
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError()
                        .message("The answer would be " + bytes + " bytes; at most " + maxResponseBytes + " are sent "
                                + "per request: ask for smaller pages, fewer aliases or fewer isochrone limits")
                        .errorType(ErrorCode.RESPONSE_TOO_LARGE.classification())
                        .extensions(Map.of("code", ErrorCode.RESPONSE_TOO_LARGE.name(), "bytes", bytes, "limit",
                                maxResponseBytes))
                        .build())
                .extensions(response.getExecutionResult().getExtensions())
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(response.getExecutionInput(), result));
    }

    /** Keeps the bytes written up to {@code limit}, and only counts once they go past it. */
    static final class CappedBuffer extends OutputStream {
        private final int limit;
        private byte[] kept = new byte[8192];
        private long count;

        CappedBuffer(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            if (count + length <= limit) {
                if (count + length > kept.length) {
                    kept = Arrays.copyOf(kept, (int) Math.min(limit, Math.max(kept.length * 2L, count + length)));
                }
                System.arraycopy(source, offset, kept, (int) count, length);
            }
            count += length;
        }

        boolean overflowed() {
            return count > limit;
        }

        long count() {
            return count;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(kept, (int) count);
        }
    }

    /**
     * The status of an answer refused as a whole, without data (or with every root field null), for a reason an HTTP client or proxy should act on
     * (the GraphQL over HTTP draft allows a status other than 200 for such request errors): 429 when the caller's
     * budget is spent (the rate-limit headers carry its Retry-After), 504 past the deadline, 503 when the heavy-request
     * pool is full or the database cannot be reached, 403 when the caller may not run the document (a key limited to
     * registered documents); null for every other answer.
     */
    static HttpStatus refusalStatus(WebGraphQlResponse response) {
        if (!nothingAnswered(response) || response.getErrors().isEmpty()) {
            return null;
        }
        if (response.getErrors().stream()
                .allMatch(error -> ErrorCode.FORBIDDEN.name().equals(error.getExtensions().get("code")))) {
            return HttpStatus.FORBIDDEN;
        }
        Object code = response.getErrors().get(0).getExtensions().get("code");
        if (ErrorCode.RATE_LIMITED.name().equals(code)) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        if (ErrorCode.TIMEOUT.name().equals(code)) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        if (ErrorCode.OVERLOADED.name().equals(code) || ErrorCode.SERVICE_UNAVAILABLE.name().equals(code)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return null;
    }

    /** No data, or data in which every requested root field is null: nothing of the request was answered. */
    private static boolean nothingAnswered(WebGraphQlResponse response) {
        if (!response.isValid()) {
            return true;
        }
        return response.getExecutionResult().getData() instanceof Map<?, ?> data
                && data.values().stream().allMatch(java.util.Objects::isNull);
    }

    /**
     * A GET answer may be cached unless it failed on our side (database down, internal error), was refused as a whole
     * (rate limit, deadline, overload), or shows something of the caller's own (its rate limit, its keys).
     */
    private static void cacheHeaders(WebGraphQlResponse response, String etag) {
        HttpHeaders headers = response.getResponseHeaders();
        boolean uncacheable = response.getErrors().stream().anyMatch(StrictGraphQlHttpHandler::isUncacheable);
        boolean callerSpecific = CostReport.of(response.getExecutionInput().getGraphQLContext()).callerSpecific();
        if (etag == null || uncacheable || callerSpecific || refusalStatus(response) != null) {
            headers.setCacheControl("no-store");
            return;
        }
        headers.setCacheControl(CACHE_CONTROL);
        headers.setETag(etag);
        headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    /**
     * Failures on our side, and answers that hold for this replica or caller only: a cached persisted-query miss
     * would keep answering "not found" after the client registered the query, a cached refusal would reach callers
     * it does not concern.
     */
    private static boolean isUncacheable(ResponseError error) {
        Object code = error.getExtensions().get("code");
        return code == null || ErrorCode.SERVICE_UNAVAILABLE.name().equals(code)
                || ErrorCode.INTERNAL_ERROR.name().equals(code) || ErrorCode.TIMEOUT.name().equals(code)
                || ErrorCode.OVERLOADED.name().equals(code)
                || ErrorCode.PERSISTED_QUERY_NOT_FOUND.name().equals(code) || ErrorCode.FORBIDDEN.name().equals(code);
    }

    /**
     * Weak: the same data whatever the response media type. Derived from the dataset version and the request's
     * query, operation name, variables and extensions, exactly as sent.
     */
    private static String etag(String version, ServerRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(version.getBytes(StandardCharsets.UTF_8));
            for (String member : List.of("query", "operationName", "variables", "extensions")) {
                sha.update((byte) 0);
                sha.update(request.param(member).orElse("").getBytes(StandardCharsets.UTF_8));
            }
            return "W/\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static boolean notModified(ServerRequest request, String etag) {
        String opaque = etag.substring(2);
        for (String header : request.headers().header(HttpHeaders.IF_NONE_MATCH)) {
            for (String candidate : header.split(",")) {
                String tag = candidate.trim();
                if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(opaque)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The type of the operation that would run, or null when the document does not parse or names none. */
    private static OperationDefinition.Operation operationType(String query, String operationName) {
        try {
            return operationType(Parser.parse(query), operationName);
        }
        catch (RuntimeException ex) {
            return null; // execution reports the syntax error, with its location
        }
    }

    private static OperationDefinition.Operation operationType(Document document, String operationName) {
        if (document == null) {
            return null;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        for (OperationDefinition operation : operations) {
            if (operationName == null ? operations.size() == 1 : operationName.equals(operation.getName())) {
                return operation.getOperation();
            }
        }
        return null;
    }

    /** Content types read as a JSON request body (Spring's own list: JSON, and the legacy application/graphql). */
    static boolean isJson(ServerRequest request) {
        try {
            MediaType type = request.headers().contentType().orElse(null);
            return type != null && (MediaType.APPLICATION_JSON.includes(type) || APPLICATION_GRAPHQL.includes(type));
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
    }

    ServerResponse unsupportedMediaType(ServerRequest request) {
        log.debug("Refused a GraphQL request with content type {}", request.headers().firstHeader(HttpHeaders.CONTENT_TYPE));
        return error(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.BAD_REQUEST_BODY, null,
                "Send the request as JSON (Content-Type: application/json), or a query with GET",
                headers -> headers.setAccept(List.of(MediaType.APPLICATION_JSON)));
    }

    /**
     * Strict UTF-8, as Java's decoder reads it: Jackson's reader accepts overlong forms ({@code C0 AF} became
     * {@code /}, the classic way past a filter looking for {@code ../}) and sequences above U+10FFFF.
     */
    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        }
        catch (CharacterCodingException ex) {
            return false;
        }
    }

    private static String notJson(JacksonException ex) {
        TokenStreamLocation location = ex.getLocation();
        String where = location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        String original = ex.getOriginalMessage() == null ? "" : ex.getOriginalMessage();
        if (original.contains("UTF-8") || original.contains("UTF8")) {
            return "The request body is not valid UTF-8" + where;
        }
        return "The request body is not valid JSON" + where;
    }

    private static String kind(JsonNode json) {
        return switch (json.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            case NUMBER -> json.isIntegralNumber() ? "an integer" : "a fractional number";
            case BINARY -> "binary data";
        };
    }

    private ServerResponse tooLarge(ServerRequest request) {
        log.debug("Refused a GraphQL request body over {} bytes", maxRequestBytes);
        return error(request, HttpStatus.CONTENT_TOO_LARGE, ErrorCode.BAD_REQUEST_BODY, null,
                "The request body is larger than " + maxRequestBytes + " bytes", headers -> {
                });
    }

    private ServerResponse badRequest(ServerRequest request, String parameter, String message) {
        log.debug("Refused a GraphQL request that is not one: {}", message);
        return error(request, HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST_BODY, parameter, message, headers -> {
        });
    }

    /** A GraphQL over HTTP "request error": {@code errors} and no {@code data}. */
    ServerResponse error(ServerRequest request, HttpStatus status, ErrorCode code, String parameter,
            String message, java.util.function.Consumer<HttpHeaders> headers) {
        refusals.refused(code);
        return ServerResponse.status(status)
                .headers(headers)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(responseType(request))
                .body(RequestErrors.body(code, parameter, message));
    }

    private static MediaType responseType(ServerRequest request) {
        try {
            for (MediaType accepted : request.headers().accept()) {
                if (MediaTypes.APPLICATION_GRAPHQL_RESPONSE.equals(accepted)) {
                    return MediaTypes.APPLICATION_GRAPHQL_RESPONSE;
                }
            }
        }
        catch (InvalidMediaTypeException ex) {
            // answer in plain JSON
        }
        return MediaType.APPLICATION_JSON;
    }

    private static MultiValueMap<String, HttpCookie> cookies(ServerRequest request) {
        MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
        for (List<Cookie> values : request.cookies().values()) {
            for (Cookie cookie : values) {
                cookies.add(cookie.getName(), new HttpCookie(cookie.getName(), cookie.getValue()));
            }
        }
        return cookies;
    }
}
