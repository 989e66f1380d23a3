package cn.nantong.livingcircle.api;

import java.net.http.HttpResponse;
import java.util.Map;

import cn.nantong.livingcircle.access.TestKeys;
import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

import static cn.nantong.livingcircle.api.PersistedQueryRequests.document;
import static cn.nantong.livingcircle.api.TrustedDocuments.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner key issued with {@code registeredDocumentsOnly} runs the trusted documents and nothing else; the same
 * requests without the key run.
 */
@ApplicationIT
class RegisteredDocumentsOnlyIT {

    private static final String AUTHORIZATION = "Authorization";

    @Value("${local.server.port}")
    int port;

    @Autowired
    TrustedDocuments trustedDocuments;

    @Autowired
    ApplicationContext application;

    private PersistedQueryRequests requests;
    private String partner;

    @BeforeEach
    void clientWithARegisteredDocumentsOnlyPartnerKey() {
        requests = new PersistedQueryRequests(port);
        partner = "Bearer " + TestKeys.issue(application, "PARTNER", "baitong-test", true);
    }

    @Test
    void aTrustedDocumentRunsByHashOverPostAndGetAndByItsText() {
        TrustedDocuments.Operation isochrone = trusted("Isochrone");
        Map<String, Object> from = Map.of("from", Map.of("buildingId", "b-01-001"), "minutes", java.util.List.of(5));
        HttpResponse<String> byHash = requests.post(null, isochrone.id(), from, AUTHORIZATION, partner);
        assertThat(requests.body(byHash).at("/data/isochrone/0/minutes").asInt()).as(byHash.body()).isEqualTo(5);
        assertThat(byHash.body()).doesNotContain("errors");

        HttpResponse<String> get = requests.getByHash(trusted("ReachableFromBuilding").id(),
                Map.of("buildingId", "b-01-001", "first", 2), AUTHORIZATION, partner);
        assertThat(requests.body(get).at("/data/reachable/edges").size()).as(get.body()).isEqualTo(2);

        HttpResponse<String> byText = requests.post(isochrone.body(), null, from, AUTHORIZATION, partner);
        assertThat(byText.body()).contains("areaSquareMeters").doesNotContain("errors");
    }

    @Test
    void aFreeFormQueryIsRefusedWithForbiddenBeforeItRuns() {
        HttpResponse<String> refused = requests.post("{ categories { code } }", null, null, AUTHORIZATION, partner);
        assertThat(refused.statusCode()).as("refused as a whole").isEqualTo(403);
        assertThat(requests.errorCode(refused)).isEqualTo("FORBIDDEN");
        var error = requests.body(refused).at("/errors/0");
        assertThat(error.path("message").asString()).contains("Only registered documents are allowed for this key");
        assertThat(error.at("/extensions/tier").asString()).isEqualTo("PARTNER");
        assertThat(requests.body(refused).has("data")).isFalse();
        assertThat(requests.body(refused).at("/extensions/cost").isMissingNode()).as("never priced, so never run")
                .isTrue();

        HttpResponse<String> overGet = requests.getByHash(sha256("{ categories { code } }"), null, AUTHORIZATION, partner);
        assertThat(overGet.statusCode()).isEqualTo(403);
        assertThat(requests.errorCode(overGet)).isEqualTo("FORBIDDEN");
        assertThat(overGet.headers().firstValue("Cache-Control")).hasValue("no-store");

        // the same request from any other caller runs
        assertThat(requests.post("{ categories { code } }", null, null).body()).contains("convenience_store");
    }

    @Test
    void aDocumentRegisteredAsAnAutomaticPersistedQueryIsNotTrustedAndIsRefused() {
        String query = document("persistedDataset");
        String hash = sha256(query);
        assertThat(requests.post(query, hash, null).body()).contains("\"version\"").doesNotContain("errors");
        assertThat(requests.post(null, hash, null).body()).as("registered").doesNotContain("errors");

        assertThat(requests.errorCode(requests.post(null, hash, null, AUTHORIZATION, partner))).isEqualTo("FORBIDDEN");
        assertThat(requests.errorCode(requests.post(query, hash, null, AUTHORIZATION, partner))).isEqualTo("FORBIDDEN");
        assertThat(requests.errorCode(requests.getByHash(hash, null, AUTHORIZATION, partner))).isEqualTo("FORBIDDEN");
    }

    private TrustedDocuments.Operation trusted(String name) {
        return trustedDocuments.operations().stream().filter(operation -> operation.name().equals(name))
                .findFirst().orElseThrow();
    }
}
