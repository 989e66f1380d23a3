package cn.nantong.livingcircle.access;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.api.AccessTier;
import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys and tiers over real HTTP: what each tier may run and what it is refused, keys at rest, revocation, the
 * administration command.
 */
@ApplicationIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeysIT {

    private static final String PUBLIC_QUERY = "{ categories { code } rateLimit { tier limit remaining } }";
    private static final String LIST_KEYS = "{ apiKeys(includeRevoked: true) { id name tier revokedAt } }";
    private static final String ISSUE = """
            mutation Issue($name: String!, $tier: AccessTier!) {
              issueApiKey(input: {name: $name, tier: $tier}) { key apiKey { id name tier createdAt revokedAt } }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys keys;

    @Autowired
    Driver driver;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private String adminKey;

    @BeforeAll
    void issueTheFirstAdminKeyAsTheCommandWould() {
        adminKey = keys.issue("it-admin", "ADMIN", false).key();
    }

    @Test
    void anonymousCallersRunPublicQueriesAndSeeTheirBudget() throws Exception {
        HttpResponse<String> response = post(PUBLIC_QUERY, null, Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.has("errors")).isFalse();
        assertThat(body.path("data").path("categories").size()).isPositive();
        assertThat(body.path("data").path("rateLimit").path("tier").asString()).isEqualTo("ANONYMOUS");
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).isPresent();
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isPresent();
        assertThat(response.headers().firstValue("X-RateLimit-Used")).isPresent();
        assertThat(response.headers().firstValue("X-RateLimit-Reset")).isPresent();
        JsonNode cost = body.path("extensions").path("cost");
        assertThat(cost.path("requested").isNumber()).isTrue();
        assertThat(cost.path("actual").isNumber()).isTrue();
        assertThat(cost.path("limit").asLong()).isEqualTo(2000);
        assertThat(cost.path("remaining").asLong()).isEqualTo(body.path("data").path("rateLimit").path("remaining")
                .asLong());
    }

    @Test
    void anonymousCallersAreAskedForAKeyWhenTheyAdministerKeys() throws Exception {
        JsonNode error = singleError(post(LIST_KEYS, null, Map.of()));
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("UNAUTHENTICATED");
        JsonNode mutation = singleError(post(ISSUE, null, Map.of("name", "x", "tier", "ADMIN")));
        assertThat(mutation.path("extensions").path("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(keys.list(true)).noneMatch(key -> key.name().equals("x"));
    }

    @Test
    void developerAndPartnerKeysRunPublicQueriesWithTheirTierButMayNotAdministerKeys() throws Exception {
        for (AccessTier tier : List.of(AccessTier.DEVELOPER, AccessTier.PARTNER)) {
            String key = issueOverHttp("it-" + tier, tier);
            JsonNode body = json.readTree(post(PUBLIC_QUERY, key, Map.of()).body());
            assertThat(body.path("data").path("rateLimit").path("tier").asString()).isEqualTo(tier.name());
            assertThat(body.path("data").path("rateLimit").path("limit").asLong()).as(tier + " budget")
                    .isGreaterThan(4000);
            JsonNode refused = singleError(post(LIST_KEYS, key, Map.of()));
            assertThat(refused.path("extensions").path("code").asString()).isEqualTo("FORBIDDEN");
            assertThat(refused.path("extensions").path("tier").asString()).isEqualTo(tier.name());
            JsonNode issue = singleError(post(ISSUE, key, Map.of("name", "escalation", "tier", "ADMIN")));
            assertThat(issue.path("extensions").path("code").asString()).isEqualTo("FORBIDDEN");
        }
        assertThat(keys.list(true)).noneMatch(key -> key.name().equals("escalation"));
    }

    @Test
    void anAdminKeyIssuesListsAndRevokesKeysAndARevokedKeyIsRefusedWith401() throws Exception {
        String key = issueOverHttp("it-revoked", AccessTier.DEVELOPER);
        assertThat(post(PUBLIC_QUERY, key, Map.of()).statusCode()).isEqualTo(200);
        String id = key.substring(4, 16);
        JsonNode listed = json.readTree(post(LIST_KEYS, adminKey, Map.of()).body()).path("data").path("apiKeys");
        assertThat(listed.valueStream().map(k -> k.path("id").asString())).contains(id);
        assertThat(listed.toString()).doesNotContain(key.substring(17));

        JsonNode revoked = json.readTree(post("mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }",
                adminKey, Map.of("id", id)).body()).path("data").path("revokeApiKey");
        assertThat(revoked.path("revokedAt").isString()).isTrue();

        HttpResponse<String> refused = post(PUBLIC_QUERY, key, Map.of());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer").contains("invalid_token"));
        assertThat(singleError(refused).path("extensions").path("code").asString()).isEqualTo("UNAUTHENTICATED");

        JsonNode unknown = singleError(post("mutation { revokeApiKey(id: \"000000000000\") { id } }", adminKey,
                Map.of()));
        assertThat(unknown.path("extensions").path("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void unknownMalformedAndNonBearerKeysAreRefusedWith401AndATypedBody() throws Exception {
        for (String header : List.of("Bearer nlc_0123456789ab_" + "A".repeat(43), "Bearer garbage",
                "Bearer ", "Basic dXNlcjpwYXNz", "token abc")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri())
                    .header("Content-Type", "application/json").header("Authorization", header)
                    .POST(HttpRequest.BodyPublishers.ofString(body(PUBLIC_QUERY, Map.of()))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(header).isEqualTo(401);
            JsonNode error = singleError(response);
            assertThat(error.path("extensions").path("code").asString()).as(header).isEqualTo("UNAUTHENTICATED");
            assertThat(response.body()).as(header).doesNotContain("Exception", "org.springframework");
        }
    }

    @Test
    void keysAreStoredOnlyAsTheirSha256() throws Exception {
        String key = issueOverHttp("it-at-rest", AccessTier.PARTNER);
        String id = key.substring(4, 16);
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            Map<String, Value> stored = session.run("MATCH (k:ApiKey {id: $id}) RETURN k", Map.of("id", id))
                    .single().get("k").asNode().asMap(v -> v);
            assertThat(stored.get("hash").asString()).isEqualTo(ApiKeySecret.hash(key)).hasSize(64);
            assertThat(stored.values()).allSatisfy(value -> assertThat(value.toString()).doesNotContain(
                    key.substring(17)));
            long holdingTheText = session.run("""
                    MATCH (n) WHERE any(p IN keys(n) WHERE toString(n[p]) CONTAINS $secret) RETURN count(n) AS n""",
                    Map.of("secret", key.substring(17))).single().get("n").asLong();
            assertThat(holdingTheText).isZero();
        }
    }

    @Test
    void anAdminKeyFromAPageOfAnotherOriginIsRefusedWith403() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri())
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminKey)
                .header("Origin", "https://elsewhere.example")
                .POST(HttpRequest.BodyPublishers.ofString(body(LIST_KEYS, Map.of()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(singleError(response).path("extensions").path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();

        HttpResponse<String> sameOrigin = http.send(HttpRequest.newBuilder(uri())
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminKey)
                .header("Origin", "http://localhost:" + port)
                .POST(HttpRequest.BodyPublishers.ofString(body(LIST_KEYS, Map.of()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
        assertThat(json.readTree(sameOrigin.body()).path("data").path("apiKeys").isArray()).isTrue();
    }

    @Test
    void aBrowserPageOfAnyOriginMaySendAKeyAndReadItsBudgetAndARefusalOfItsKey() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(uri())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.cn").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                allowed -> assertThat(allowed.toLowerCase()).contains("authorization"));

        String developer = issueOverHttp("it-browser", AccessTier.DEVELOPER);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri())
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + developer)
                .header("Origin", "https://app.example.cn")
                .POST(HttpRequest.BodyPublishers.ofString(body(PUBLIC_QUERY, Map.of()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(exposed ->
                assertThat(exposed).contains("X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After"));

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri())
                .header("Content-Type", "application/json").header("Authorization", "Bearer nlc_garbage")
                .header("Origin", "https://app.example.cn")
                .POST(HttpRequest.BodyPublishers.ofString(body(PUBLIC_QUERY, Map.of()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).as("the page can read why").isPresent();
    }

    @Test
    void aKeyWithAnUnissuableTierOrNoNameIsRefusedWithATypedError() throws Exception {
        JsonNode tier = singleError(post(ISSUE, adminKey, Map.of("name", "anon", "tier", "ANONYMOUS")));
        assertThat(tier.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
        JsonNode name = singleError(post(ISSUE, adminKey, Map.of("name", "  ", "tier", "DEVELOPER")));
        assertThat(name.path("extensions").path("code").asString()).isEqualTo("OUT_OF_RANGE");
    }

    @Test
    void theCommandIssuesListsAndRevokesAndPrintsTheKeyOnlyToItsOutput() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int issued = ApiKeyCommand.execute(keys, new ApiKeyCommand.KeyCommand("developer", "cli-dev", false, true, ""),
                out, out);
        assertThat(issued).isZero();
        String text = printed.toString(StandardCharsets.UTF_8);
        String key = text.lines().filter(ApiKeySecret::wellFormed).findFirst().orElseThrow();
        assertThat(keys.recognise(key)).hasValueSatisfying(k -> assertThat(k.tier()).isEqualTo(AccessTier.DEVELOPER));
        assertThat(text).contains("cli-dev");

        int revoked = ApiKeyCommand.execute(keys, new ApiKeyCommand.KeyCommand("", "", false, false,
                key.substring(4, 16)), out, out);
        assertThat(revoked).isZero();
        assertThat(keys.recognise(key)).isEmpty();

        int bad = ApiKeyCommand.execute(keys, new ApiKeyCommand.KeyCommand("root", "x", false, false, ""), out, out);
        assertThat(bad).isEqualTo(1);
    }

    private String issueOverHttp(String name, AccessTier tier) throws Exception {
        HttpResponse<String> response = post(ISSUE, adminKey, Map.of("name", name, "tier", tier.name()));
        JsonNode issued = json.readTree(response.body()).path("data").path("issueApiKey");
        assertThat(issued.path("apiKey").path("tier").asString()).as(response.body()).isEqualTo(tier.name());
        String key = issued.path("key").asString();
        assertThat(ApiKeySecret.wellFormed(key)).as(key).isTrue();
        return key;
    }

    private HttpResponse<String> post(String query, String key, Map<String, Object> variables) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(query, variables)));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String body(String query, Map<String, Object> variables) {
        return json.writeValueAsString(Map.of("query", query, "variables", variables));
    }

    private JsonNode singleError(HttpResponse<String> response) {
        JsonNode errors = json.readTree(response.body()).path("errors");
        assertThat(errors.size()).as(response.body()).isEqualTo(1);
        return errors.get(0);
    }

    private URI uri() {
        return URI.create("http://localhost:" + port + "/graphql");
    }
}
