package cn.nantong.livingcircle.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import cn.nantong.livingcircle.LivingCircleApplication;
import cn.nantong.livingcircle.access.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas on one Neo4j server (a JVM of its own, the tiny town, addressed with {@code neo4j://} like a
 * cluster): a maintenance write on replica A reaches replica B, whose caches (dataset metadata, walkway network,
 * coverage index, HTTP ETags) were warm, through nothing but the dataset version in the graph. B is polled until it
 * reports A's version, under an overall deadline well above its 5 s refresh; then its answers must show the
 * change.
 */
class TwoReplicasOneDatabaseIT {

    /** B's dataset metadata refreshes every 5 s; the rest of its caches follow the version it reads. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static final String ANSWERS = """
            query Answers {
              dataset { version }
              reachable(from: {buildingId: "b1"}, minutes: 15, first: 100) { edges { node { place { id } } } }
              pharmacy: place(id: "p1") { id }
              places(filter: {categories: ["pharmacy"]}, first: 10) { totalCount }
              coverage(communityId: "c-t") { categories { category { code } buildingsWithinTarget } }
            }""";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void closingAPlaceOnOneReplicaChangesTheOtherReplicasAnswersOnceItReadsTheNewDatasetVersion(
            @TempDir Path home) throws Exception {
        int boltPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            boltPort = socket.getLocalPort();
        }
        Process database = StandaloneNeo4j.launch(home, boltPort);
        List<ConfigurableApplicationContext> replicas = new ArrayList<>();
        try {
            // one after the other: the first loads the tiny town into the empty database, the second finds it there
            ConfigurableApplicationContext a = start(boltPort);
            replicas.add(a);
            ConfigurableApplicationContext b = start(boltPort);
            replicas.add(b);
            int portA = port(a);
            int portB = port(b);

            JsonNode before = answers(portB);
            String versionBefore = before.path("dataset").path("version").asString();
            assertThat(reachablePlaces(before)).contains("p1");
            assertThat(before.path("pharmacy").path("id").asString()).isEqualTo("p1");
            long pharmaciesBefore = before.path("places").path("totalCount").asLong();
            long coveredBefore = pharmacyBuildingsWithinTarget(before);
            assertThat(coveredBefore).isPositive();
            String etagBefore = etag(portB);

            String adminKey = TestKeys.issue(a, "ADMIN", "it-two-replicas-admin");
            JsonNode closed = post(portA, """
                    mutation { closePlace(id: "p1", reason: "two replicas") { change { datasetVersion } } }""",
                    adminKey);
            assertThat(closed.path("errors").isMissingNode()).as(closed.toString()).isTrue();
            String versionA = closed.path("data").path("closePlace").path("change").path("datasetVersion")
                    .asString();
            assertThat(versionA).isNotBlank().isNotEqualTo(versionBefore);

            long deadline = System.nanoTime() + DEADLINE.toNanos();
            JsonNode after = answers(portB);
            while (!after.path("dataset").path("version").asString().equals(versionA)
                    && System.nanoTime() < deadline) {
                Thread.sleep(250);
                after = answers(portB);
            }
            assertThat(after.path("dataset").path("version").asString()).as("B's dataset version")
                    .isEqualTo(versionA);
            // the same answer as the one that reported the new version, not a later one
            assertThat(reachablePlaces(after)).doesNotContain("p1");
            assertThat(after.path("pharmacy").isNull()).as(after.toString()).isTrue();
            assertThat(after.path("places").path("totalCount").asLong()).isEqualTo(pharmaciesBefore - 1);
            assertThat(pharmacyBuildingsWithinTarget(after)).isLessThan(coveredBefore);

            String etagAfter = etag(portB);
            while (etagAfter.equals(etagBefore) && System.nanoTime() < deadline) {
                Thread.sleep(250);
                etagAfter = etag(portB);
            }
            assertThat(etagAfter).as("B's ETag for the same GET").isNotEqualTo(etagBefore);
        }
        finally {
            for (ConfigurableApplicationContext replica : replicas) {
                replica.close();
            }
            database.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static ConfigurableApplicationContext start(int boltPort) {
        return new SpringApplicationBuilder(LivingCircleApplication.class).run(
                "--NEO4J_URI=neo4j://127.0.0.1:" + boltPort, "--server.port=0", "--management.server.port=0",
                "--circle.demo.location=classpath:datasets/tiny/", "--circle.programme.load-on-empty=false",
                "--circle.rate-limit.anonymous-points-per-window=1000000000",
                "--circle.rate-limit.anonymous-burst-points=1000000000",
                // what is checked is what B answers, not how fast: a first request on a cold JVM of a busy machine
                // may take longer than the 10 s production deadline
                "--circle.api.request-timeout=60s");
    }

    private static int port(ConfigurableApplicationContext replica) {
        return ((WebServerApplicationContext) replica).getWebServer().getPort();
    }

    private JsonNode answers(int port) throws IOException, InterruptedException {
        JsonNode body = post(port, ANSWERS, null);
        assertThat(body.path("errors").isMissingNode()).as(body.toString()).isTrue();
        return body.path("data");
    }

    private static List<String> reachablePlaces(JsonNode answers) {
        List<String> ids = new ArrayList<>();
        answers.path("reachable").path("edges").forEach(e -> ids.add(e.path("node").path("place").path("id")
                .asString()));
        return ids;
    }

    private static long pharmacyBuildingsWithinTarget(JsonNode answers) {
        for (JsonNode category : answers.path("coverage").path("categories")) {
            if (category.path("category").path("code").asString().equals("pharmacy")) {
                return category.path("buildingsWithinTarget").asLong();
            }
        }
        throw new AssertionError("no pharmacy in the coverage: " + answers);
    }

    private JsonNode post(int port, String query, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(90)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query))));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String etag(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/graphql?query=" + URLEncoder.encode("{ place(id: \"p2\") { id } }", StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(90)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }
}
