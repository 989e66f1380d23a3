package cn.nantong.livingcircle.api;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import cn.nantong.livingcircle.support.ApplicationIT;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import static cn.nantong.livingcircle.api.PersistedQueryRequests.document;
import static cn.nantong.livingcircle.api.TrustedDocuments.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automatic persisted queries (Apollo's protocol) and trusted documents over real HTTP: a hash alone runs what is
 * registered under it, over POST and over a short, cacheable GET.
 */
@ApplicationIT
class PersistedQueriesIT {

    @Value("${local.server.port}")
    int port;

    @Autowired
    TrustedDocuments trustedDocuments;

    @Autowired
    MeterRegistry meters;

    private PersistedQueryRequests requests;

    @BeforeEach
    void client() {
        requests = new PersistedQueryRequests(port);
    }

    @Test
    void aHashNoOneRegisteredIsPersistedQueryNotFoundAndTheMissIsNotCached() {
        String unknown = sha256("{ __typename } # " + UUID.randomUUID());
        HttpResponse<String> post = requests.post(null, unknown, null);
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(requests.errorCode(post)).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(requests.body(post).path("errors").get(0).path("message").asString())
                .as("the message Apollo clients match on").isEqualTo("PersistedQueryNotFound");
        assertThat(requests.body(post).has("data")).isFalse();

        HttpResponse<String> get = requests.getByHash(unknown, null);
        assertThat(requests.errorCode(get)).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(get.headers().firstValue("Cache-Control")).as("a cached miss would outlive the registration")
                .hasValue("no-store");
        assertThat(get.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void aDocumentSentAsTextIsParsedOnceForEveryRequestWithItAndItsHashDoesNotRunAlone() {
        String query = "query textOnly($id: ID!) { building(id: $id) { id } } # " + UUID.randomUUID();
        double misses = parsedDocuments("miss");
        double hits = parsedDocuments("hit");

        assertThat(requests.post(query, null, Map.of("id", "b-01-001")).body()).contains("\"id\":\"b-01-001\"")
                .doesNotContain("errors");
        assertThat(requests.post(query, null, Map.of("id", "b-01-002")).body()).contains("\"id\":\"b-01-002\"")
                .doesNotContain("errors");
        assertThat(parsedDocuments("miss") - misses).as("parsed and validated on the first request").isEqualTo(1);
        assertThat(parsedDocuments("hit") - hits).as("the second, with other variables, reuses it").isEqualTo(1);

        assertThat(requests.errorCode(requests.post(null, sha256(query), Map.of("id", "b-01-001"))))
                .as("only an APQ registration (text with its hash) makes a hash runnable").isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    private double parsedDocuments(String result) {
        return meters.get("cache.gets").tag("cache", "parsed-documents").tag("result", result).functionCounter().count();
    }

    @Test
    void theApqRoundTripRegistersTheQueryWhichThenRunsByHashOverPostAndOverGetWithAnETag() {
        String query = document("persistedBuilding");
        String hash = sha256(query);
        Map<String, Object> variables = Map.of("id", "b-01-001");

        assertThat(requests.errorCode(requests.post(null, hash, variables))).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        HttpResponse<String> registered = requests.post(query, hash, variables);
        assertThat(registered.body()).contains("\"id\":\"b-01-001\"").doesNotContain("errors");

        HttpResponse<String> byHash = requests.post(null, hash, Map.of("id", "b-01-002"));
        assertThat(byHash.body()).contains("\"id\":\"b-01-002\"").doesNotContain("errors");

        HttpResponse<String> get = requests.getByHash(hash, variables);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).contains("\"id\":\"b-01-001\"").doesNotContain("errors");
        assertThat(get.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        String etag = get.headers().firstValue("ETag").orElseThrow();
        assertThat(requests.getByHash(hash, variables).headers().firstValue("ETag")).as("stable").hasValue(etag);
        assertThat(requests.getByHash(hash, Map.of("id", "b-01-002")).headers().firstValue("ETag"))
                .as("the variables are part of the request").isPresent().isNotEqualTo(java.util.Optional.of(etag));

        HttpResponse<String> notModified = requests.getByHash(hash, variables, "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
    }

    @Test
    void aHashThatIsNotTheSha256OfTheQuerySentWithItIsRefusedAndRegistersNothing() {
        String query = document("persistedCategories");
        String other = sha256(query + " ");
        HttpResponse<String> mismatch = requests.post(query, other, null);
        assertThat(requests.errorCode(mismatch)).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
        assertThat(requests.body(mismatch).path("errors").get(0).path("message").asString()).contains(sha256(query));
        assertThat(requests.errorCode(requests.post(null, other, null))).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        // a registered hash does not run its own document when another text comes with it
        assertThat(requests.post(query, sha256(query), null).body()).contains("convenience_store");
        HttpResponse<String> otherText = requests.post("{ dataset { version } }", sha256(query), null);
        assertThat(requests.errorCode(otherText)).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
    }

    @Test
    void aTrustedDocumentRunsByHashWithoutRegistrationOverPostAndGet() {
        String nearest = trustedId("NearestPharmacy");
        Map<String, Object> point = Map.of("lat", 32.0, "lon", 120.86);
        HttpResponse<String> post = requests.post(null, nearest, point);
        JsonNode places = requests.body(post).at("/data/nearest");
        assertThat(places.isArray()).as(post.body()).isTrue();
        assertThat(places.size()).isEqualTo(3);
        assertThat(post.body()).doesNotContain("errors");

        HttpResponse<String> get = requests.getByHash(trustedId("CommunityCompleteness"), Map.of("communityId", "c-18"));
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(requests.body(get).at("/data/coverage/community/id").asString()).isEqualTo("c-18");
        assertThat(get.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void aPersistedQueryExtensionOfTheWrongShapeIs400NamingExtensions() {
        String hash = sha256("{ __typename }");
        for (String body : new String[] {
                "{\"extensions\":{\"persistedQuery\":\"" + hash + "\"}}",
                "{\"extensions\":{\"persistedQuery\":{\"version\":2,\"sha256Hash\":\"" + hash + "\"}}}",
                "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"not-hex\"}}}",
                "{\"query\":\"{ __typename }\",\"extensions\":{\"persistedQuery\":{\"version\":1}}}"}) {
            HttpResponse<String> response = requests.postRaw(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(requests.errorCode(response)).isEqualTo("BAD_REQUEST_BODY");
            assertThat(requests.body(response).at("/errors/0/extensions/parameter").asString()).isEqualTo("extensions");
        }
        // without a hash, a request without a query is still no request
        HttpResponse<String> noQuery = requests.postRaw("{\"extensions\":{}}");
        assertThat(noQuery.statusCode()).isEqualTo(400);
        assertThat(requests.body(noQuery).at("/errors/0/extensions/parameter").asString()).isEqualTo("query");
    }

    private String trustedId(String name) {
        return trustedDocuments.operations().stream().filter(operation -> operation.name().equals(name))
                .findFirst().orElseThrow().id();
    }
}
