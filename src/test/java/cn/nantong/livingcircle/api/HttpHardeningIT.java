package cn.nantong.livingcircle.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public endpoint over real HTTP: whatever a client sends, it gets a typed answer and the log no stack trace;
 * GET serves queries with cache headers, never mutations; browsers may call it from any origin.
 */
@ApplicationIT
@ExtendWith(OutputCaptureExtension.class)
class HttpHardeningIT {

    private static final String QUERY = "{ categories { code } }";

    @Value("${local.server.port}")
    int port;

    @Autowired
    GraphQlHttpConfiguration.HttpSettings httpSettings;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void bodiesThatAreNotAGraphQlRequestGet400WithATypedErrorAndNoStackTrace(CapturedOutput output) throws Exception {
        Map<String, byte[]> bodies = Map.of(
                "null", bytes("null"),
                "array", bytes("[{\"query\":\"" + QUERY + "\"}]"),
                "number", bytes("42"),
                "string", bytes("\"" + QUERY + "\""),
                "boolean", bytes("true"),
                "not JSON", bytes("this is not json"),
                "trailing text", bytes("{\"query\":\"" + QUERY + "\"} and more"),
                "empty", new byte[0],
                "invalid UTF-8", new byte[] {'{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                        (byte) 0xFF, '"', '}'});
        for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
            HttpResponse<String> response = post(body.getValue());
            assertThat(response.statusCode()).as(body.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(body.getKey()).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode error = singleError(response);
            assertThat(error.path("extensions").path("code").asString()).as(body.getKey()).isEqualTo("BAD_REQUEST_BODY");
            assertThat(error.path("message").asString()).as(body.getKey()).doesNotContain("Exception", "tools.jackson",
                    "java.");
            assertThat(json.readTree(response.body()).has("data")).as(body.getKey() + ": a request error has no data")
                    .isFalse();
        }
        assertThat(singleError(post(bytes("{\"query\":\"{ x\", \"variables\": {\"a\": \"\\u00e9\"} ]"))).path("message")
                .asString()).contains("line 1");
        assertThat(singleError(post(new byte[] {'{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xFF, '"', '}'}))
                .path("message").asString()).contains("UTF-8");
        // the server-sent-events transport reads its body the same way
        HttpResponse<String> sse = http.send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("null")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sse.statusCode()).isEqualTo(400);
        assertThat(singleError(sse).path("extensions").path("code").asString()).isEqualTo("BAD_REQUEST_BODY");
        HttpResponse<String> sseQuery = http.send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + QUERY + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sseQuery.statusCode()).isEqualTo(200);
        // Spring's SSE transport serves subscriptions only, and the schema has none
        assertThat(sseQuery.body()).contains("event:next").contains("errors");
        for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded", "nonsense")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/graphql"))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + QUERY + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(contentType).isEqualTo(415);
            assertThat(singleError(response).path("extensions").path("code").asString()).isEqualTo("BAD_REQUEST_BODY");
        }
        assertThat(output.getAll()).doesNotContain("\tat ", "Exception");
        assertHealthUp();
    }

    @Test
    void aRefusedBodyIsOneDebugLine(CapturedOutput output) throws Exception {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        String logger = StrictGraphQlHttpHandler.class.getName();
        logging.setLogLevel(logger, LogLevel.DEBUG);
        try {
            int before = output.getAll().length();
            assertThat(post(bytes("null")).statusCode()).isEqualTo(400);
            String logged = output.getAll().substring(before);
            assertThat(logged.lines().filter(line -> !line.isBlank()).toList()).singleElement()
                    .satisfies(line -> assertThat(line).contains("DEBUG").contains("Refused"));
        }
        finally {
            logging.setLogLevel(logger, null);
        }
    }

    @Test
    void membersOfTheWrongJsonTypeGet400NamingTheMember(CapturedOutput output) throws Exception {
        Map<String, String> bodies = Map.of(
                "query", "{\"query\": 42}",
                "query ", "{\"query\": true}",
                "query  ", "{\"query\": {\"text\": \"" + QUERY + "\"}}",
                "operationName", "{\"query\": \"" + QUERY + "\", \"operationName\": 7}",
                "operationName ", "{\"query\": \"" + QUERY + "\", \"operationName\": false}",
                "variables", "{\"query\": \"" + QUERY + "\", \"variables\": [1, 2]}",
                "variables ", "{\"query\": \"" + QUERY + "\", \"variables\": \"{}\"}",
                "extensions", "{\"query\": \"" + QUERY + "\", \"extensions\": 1}");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            HttpResponse<String> response = post(bytes(body.getValue()));
            assertThat(response.statusCode()).as(body.getValue()).isEqualTo(400);
            JsonNode error = singleError(response);
            assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_REQUEST_BODY");
            assertThat(error.path("extensions").path("parameter").asString()).isEqualTo(body.getKey().trim());
            assertThat(error.path("message").asString()).startsWith("'" + body.getKey().trim() + "' must be");
        }
        HttpResponse<String> noQuery = post(bytes("{\"variables\": {}}"));
        assertThat(noQuery.statusCode()).isEqualTo(400);
        assertThat(singleError(noQuery).path("extensions").path("parameter").asString()).isEqualTo("query");
        // null members are absent members
        HttpResponse<String> nulls = post(bytes("{\"query\": \"" + QUERY + "\", \"operationName\": null, \"variables\": null}"));
        assertThat(nulls.statusCode()).isEqualTo(200);
        assertThat(nulls.body()).contains("convenience_store").doesNotContain("errors");
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    @Test
    void anIdIsAStringOrAnIntegerNothingElse() throws Exception {
        String document = "query($id: ID!) { building(id: $id) { id } }";
        for (Object id : List.of(Map.of("a", 1), List.of("b-01-001"), true, 1.5)) {
            HttpResponse<String> response = post(bytes(json.writeValueAsString(Map.of("query", document,
                    "variables", Map.of("id", id)))));
            JsonNode error = singleError(response);
            assertThat(error.path("extensions").path("code").asString()).as(id.toString())
                    .isEqualTo("GRAPHQL_VALIDATION_FAILED");
            assertThat(error.path("message").asString()).as(id.toString()).contains("'id'")
                    .contains("an ID (a string or an integer)").doesNotContain("LinkedHashMap", "ArrayList", "{a=1}");
        }
        // through an input object and as a literal
        HttpResponse<String> nested = post(bytes(json.writeValueAsString(Map.of(
                "query", "query($from: OriginInput!) { reachable(from: $from) { totalCount } }",
                "variables", Map.of("from", Map.of("buildingId", Map.of("a", 1)))))));
        assertThat(singleError(nested).path("extensions").path("code").asString()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        HttpResponse<String> literal = post(bytes(json.writeValueAsString(Map.of(
                "query", "{ reachable(from: {buildingId: {a: 1}}) { totalCount } }"))));
        JsonNode literalError = singleError(literal);
        assertThat(literalError.path("extensions").path("code").asString()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(literalError.path("message").asString()).contains("'from.buildingId'").contains("'ID'")
                .doesNotContain("ObjectValue", "ObjectField", "IntValue", "{");
        // strings and integers still work
        assertThat(post(bytes(json.writeValueAsString(Map.of("query", document, "variables", Map.of("id", 12345)))))
                .body()).contains("\"building\":null").doesNotContain("errors");
        assertThat(post(bytes(json.writeValueAsString(Map.of("query", document, "variables", Map.of("id", "b-01-001")))))
                .body()).contains("\"id\":\"b-01-001\"");
    }

    @Test
    void validationMessagesNameTheArgumentAndTheExpectedTypeNotJavaObjects() throws Exception {
        List<String> documents = List.of(
                "{ reachable(from: {buildingId: \"b-01-001\"}, minutes: {a: 1}) { totalCount } }",
                "{ reachable(from: {buildingId: \"b-01-001\"}, minutes: \"ten\") { totalCount } }",
                "{ reachable(from: {buildingId: \"b-01-001\"}, categories: [{a: 1}]) { totalCount } }",
                "{ reachable(from: [1, 2]) { totalCount } }",
                "query($m: Int = {a: 1}) { reachable(from: {buildingId: \"b-01-001\"}, minutes: $m) { totalCount } }");
        for (String document : documents) {
            JsonNode error = singleError(post(bytes(json.writeValueAsString(Map.of("query", document)))));
            assertThat(error.path("extensions").path("code").asString()).as(document).isEqualTo("GRAPHQL_VALIDATION_FAILED");
            assertThat(error.path("message").asString()).as(document)
                    .doesNotContain("Value{", "ObjectField", "AST", "java.", "LinkedHashMap");
        }
        Map<String, Object> variables = Map.of("buildingId", "b-01-001", "minutes", Map.of("a", 1));
        JsonNode variableError = singleError(post(bytes(json.writeValueAsString(Map.of("query",
                "query($buildingId: ID!, $minutes: Int) { reachable(from: {buildingId: $buildingId}, minutes: $minutes) { totalCount } }",
                "variables", variables)))));
        assertThat(variableError.path("message").asString()).contains("'minutes'").contains("'Int'")
                .contains("an object").doesNotContain("LinkedHashMap");
    }

    @Test
    void getAnswersQueriesWithCacheHeadersAndAnETagThatGives304() throws Exception {
        HttpResponse<String> response = get("/graphql?query=" + encode(QUERY));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("convenience_store").doesNotContain("errors");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("W/\"[0-9a-f]{32}\"");
        assertThat(get("/graphql?query=" + encode(QUERY)).headers().firstValue("ETag")).as("stable").hasValue(etag);

        HttpResponse<String> notModified = get("/graphql?query=" + encode(QUERY), "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
        assertThat(get("/graphql?query=" + encode(QUERY), "If-None-Match", "W/\"other\"").statusCode()).isEqualTo(200);

        // variables and the operation name are part of the request, so of its ETag
        String withVariables = "/graphql?query=" + encode("query b($id: ID!) { building(id: $id) { id name } }")
                + "&operationName=b&variables=" + encode("{\"id\":\"b-01-001\"}");
        HttpResponse<String> building = get(withVariables);
        assertThat(building.body()).contains("\"id\":\"b-01-001\"");
        assertThat(building.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
    }

    @Test
    void getRefusesMutationsAndMalformedParameters() throws Exception {
        HttpResponse<String> mutation = get("/graphql?query=" + encode("mutation { importDataset { id } }"));
        assertThat(mutation.statusCode()).isEqualTo(405);
        assertThat(mutation.headers().firstValue("Allow")).hasValue("POST");
        JsonNode error = singleError(mutation);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("OPERATION_NOT_SUPPORTED");
        assertThat(error.path("message").asString()).contains("mutation").contains("POST");
        // the operation that would run decides
        HttpResponse<String> named = get("/graphql?operationName=m&query="
                + encode("query q { categories { code } } mutation m { x }"));
        assertThat(named.statusCode()).isEqualTo(405);
        assertThat(get("/graphql?query=" + encode("subscription { x }")).statusCode()).isEqualTo(405);

        for (String bad : List.of("/graphql", "/graphql?query=", "/graphql?query=" + encode(QUERY) + "&variables=" + encode("[1]"),
                "/graphql?query=" + encode(QUERY) + "&variables=" + encode("{not json"),
                "/graphql?query=" + encode(QUERY) + "&query=" + encode(QUERY))) {
            HttpResponse<String> response = get(bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(singleError(response).path("extensions").path("code").asString()).isEqualTo("BAD_REQUEST_BODY");
        }
        // a document that does not parse is a GraphQL error, as over POST
        assertThat(get("/graphql?query=" + encode("{ categories { code }")).body()).contains("GRAPHQL_PARSE_FAILED");
    }

    @Test
    void browsersMayCallFromAnyOrigin() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(uri("/graphql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://journalist.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
                .contains("GET").contains("POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("content-type");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("3600");

        HttpResponse<String> getPreflight = http.send(HttpRequest.newBuilder(uri("/graphql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://journalist.example.org")
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(getPreflight.statusCode()).isEqualTo(200);
        assertThat(getPreflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");

        HttpResponse<String> simple = get("/graphql?query=" + encode(QUERY), "Origin", "https://journalist.example.org");
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(simple.headers().firstValue("Access-Control-Expose-Headers").orElse("")).containsIgnoringCase("ETag");
        HttpResponse<String> simplePost = http.send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json").header("Origin", "https://journalist.example.org")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + QUERY + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(simplePost.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void theCorsAllowListTakesOriginsAndPatterns() {
        var settings = new GraphQlHttpConfiguration.HttpSettings(List.of("https://app.nantong.example",
                "https://*.nantong.gov.cn"), 262_144);
        var cors = settings.corsConfiguration();
        assertThat(cors.checkOrigin("https://app.nantong.example")).isEqualTo("https://app.nantong.example");
        assertThat(cors.checkOrigin("https://data.nantong.gov.cn")).isEqualTo("https://data.nantong.gov.cn");
        assertThat(cors.checkOrigin("https://evil.example")).isNull();
        assertThat(new GraphQlHttpConfiguration.HttpSettings(List.of("*"), 262_144).corsConfiguration()
                .checkOrigin("https://evil.example")).isEqualTo("*");
    }

    @Test
    void aBodyOverTheLimitIs413UnreadWhetherItDeclaresItsLengthOrNot() throws Exception {
        int limit = httpSettings.maxRequestBytes();
        byte[] huge = bytes("{\"query\":\"{ __typename }\",\"variables\":{\"x\":\"" + "a".repeat(limit) + "\"}}");
        HttpResponse<String> declared = post(huge);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(singleError(declared).at("/extensions/code").asString()).isEqualTo("BAD_REQUEST_BODY");
        assertThat(singleError(declared).at("/message").asString()).contains(String.valueOf(limit));
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(singleError(chunked).at("/extensions/code").asString()).isEqualTo("BAD_REQUEST_BODY");
        // just under the limit is read and answered
        byte[] fits = bytes("{\"query\":\"{ __typename }\",\"variables\":{\"x\":\"" + "a".repeat(limit - 100) + "\"}}");
        assertThat(post(fits).statusCode()).isEqualTo(200);
        assertHealthUp();
    }

    private void assertHealthUp() throws Exception {
        assertThat(get("/readyz").body()).contains("\"status\":\"UP\"");
        assertThat(get("/livez").body()).contains("\"status\":\"UP\"");
    }

    private JsonNode singleError(HttpResponse<String> response) {
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("errors").size()).as(response.body()).isEqualTo(1);
        return body.path("errors").get(0);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
