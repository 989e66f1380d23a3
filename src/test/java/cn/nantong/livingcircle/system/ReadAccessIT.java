package cn.nantong.livingcircle.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.access.TestKeys;
import cn.nantong.livingcircle.support.ApplicationIT;
import cn.nantong.livingcircle.support.DriverSessionLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads go to read sessions, writes to write sessions, as seen by the real driver ({@link DriverSessionLog}): with a
 * {@code neo4j://} routing driver that is what sends reads to a cluster's secondaries and only writes to its
 * leader. Every read the API offers (GraphQL over POST and GET, anonymous and with a key, every download, the
 * readiness probe) opens READ sessions only; the server refuses a write in one, so the access mode is enforced,
 * not advisory; key issuing and maintenance writes open WRITE sessions.
 */
@ApplicationIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadAccessIT {

    private static final String BUILDING = "b-01-001";
    private static final String COMMUNITY = "c-01";

    @LocalServerPort
    int port;

    @Autowired
    DriverSessionLog sessions;

    @Autowired
    Neo4jSessions neo4jSessions;

    @Autowired
    ApplicationContext application;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private String developerKey;
    private String adminKey;

    @BeforeAll
    void keys() {
        developerKey = TestKeys.issue(application, "DEVELOPER", "it-read-access-developer");
        adminKey = TestKeys.issue(application, "ADMIN", "it-read-access-admin");
    }

    @Test
    void everyReadTheApiOffersOpensOnlyReadAccessSessions() {
        int mark = sessions.mark();

        String place = data(post("reachable", "reachable", Map.of("buildingId", BUILDING, "minutes", 15,
                "first", 5), null)).path("reachable").path("edges").get(0).path("node").path("place").path("id")
                .asString();
        Map<String, Object> fromBuilding = Map.of("buildingId", BUILDING);
        Map<String, Object> fromPoint = Map.of("point", Map.of("lat", 32.0299588, "lon", 120.7935189));
        List<Object[]> reads = new ArrayList<>(List.<Object[]>of(
                new Object[] {"building", "building", Map.of("id", BUILDING)},
                new Object[] {"buildingGcj", "buildingGcj", Map.of("id", BUILDING)},
                new Object[] {"buildingsSearch", "Buildings", Map.of("first", 5)},
                new Object[] {"categories", "categories", Map.of()},
                new Object[] {"citations", "citations", Map.of()},
                new Object[] {"cityStats", "cityStats", Map.of()},
                new Object[] {"commercialCenters", "CommercialCenters", Map.of("first", 5)},
                new Object[] {"communities", "communities", Map.of("first", 3, "buildingsFirst", 2)},
                new Object[] {"communitiesTable", "CommunitiesTable", Map.of("first", 3)},
                new Object[] {"community", "community", Map.of("id", COMMUNITY)},
                new Object[] {"coverage", "coverage", Map.of("communityId", COMMUNITY)},
                new Object[] {"dataset", "dataset", Map.of()},
                new Object[] {"datasetExtent", "datasetExtent", Map.of()},
                new Object[] {"gaps", "gaps", Map.of("category", "pharmacy", "communityId", COMMUNITY, "first", 5)},
                new Object[] {"gapsAcrossCommunities", "gapsAcrossCommunities", Map.of("category", "pharmacy",
                        "first", 5)},
                new Object[] {"isochrone", "isochrone", Map.of("from", fromBuilding, "minutes", List.of(5, 10))},
                new Object[] {"isochrone", "isochrone", Map.of("from", fromPoint)},
                new Object[] {"livableBuildings", "livableBuildings", Map.of("categories", List.of("pharmacy"),
                        "first", 5)},
                new Object[] {"nearest", "nearest", Map.of("from", fromBuilding, "category", "pharmacy", "k", 2)},
                new Object[] {"nearestFiltered", "NearestFiltered", Map.of("from", fromPoint, "category",
                        "supermarket", "k", 2, "filter", Map.of("chain", true))},
                new Object[] {"originSnap", "originSnap", Map.of("from", fromPoint)},
                new Object[] {"place", "place", Map.of("id", place)},
                new Object[] {"places", "Places", Map.of("first", 5, "filter", Map.of("categories",
                        List.of("pharmacy")))},
                new Object[] {"placesAggregate", "PlacesAggregate", Map.of()},
                new Object[] {"placesRelations", "PlacesRelations", Map.of()},
                new Object[] {"programme", "programme", Map.of("communityId", COMMUNITY)},
                new Object[] {"publishedFigures", "publishedFigures", Map.of()},
                new Object[] {"reachableFiltered", "ReachableFiltered", Map.of("from", fromBuilding,
                        "filter", Map.of("chain", true))},
                new Object[] {"reachablePoint", "reachablePoint", Map.of("lat", 32.0299588, "lon", 120.7935189,
                        "minutes", 10)},
                new Object[] {"siteSuggestions", "siteSuggestions", Map.of("category", "pharmacy",
                        "communityId", COMMUNITY, "count", 2)},
                new Object[] {"whatIf", "whatIf", Map.of("communityId", COMMUNITY, "remove", List.of(place))},
                new Object[] {"maintenance", "Changes", Map.of("since", "2000-01-01T00:00:00Z", "first", 5)},
                new Object[] {"maintenance", "Reachable", Map.of("building", BUILDING, "minutes", 10)},
                new Object[] {"maintenance", "PharmacyCoverage", Map.of("communityId", COMMUNITY)},
                new Object[] {"explorer", "Layers", Map.of("south", 32.02, "west", 120.78, "north", 32.04,
                        "east", 120.81, "zoom", 16)}));
        List<String> answered = new ArrayList<>();
        for (Object[] read : reads) {
            @SuppressWarnings("unchecked")
            Map<String, Object> variables = (Map<String, Object>) read[2];
            data(post((String) read[0], (String) read[1], variables, null));
            answered.add((String) read[1]);
        }
        data(postQuery("{ rateLimit { remaining store } }", developerKey));
        data(postQuery("{ building(id: \"" + BUILDING + "\") { id } }", developerKey));
        data(postQuery("{ apiKeys { id tier } }", adminKey));
        // a GET: its ETag is the dataset version
        HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(base() + "/graphql?query="
                + URLEncoder.encode("{ dataset { version } }", StandardCharsets.UTF_8))).GET().build());
        assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
        assertThat(get.headers().firstValue("ETag")).isPresent();

        JsonNode downloads = data(post("datasetDownloads", "datasetDownloads", Map.of(), null))
                .path("dataset").path("downloads");
        assertThat(downloads.size()).isGreaterThan(3);
        for (JsonNode download : downloads) {
            HttpResponse<String> file = send(HttpRequest.newBuilder(URI.create(base() + download.path("url")
                    .asString())).GET().build());
            assertThat(file.statusCode()).as(download.path("url").asString()).isEqualTo(200);
        }
        assertThat(send(HttpRequest.newBuilder(URI.create(base() + "/readyz")).GET().build()).statusCode())
                .isEqualTo(200);

        List<DriverSessionLog.Opened> opened = sessions.since(mark);
        assertThat(answered).hasSizeGreaterThan(25);
        assertThat(opened).as("sessions opened while the reads ran").isNotEmpty();
        assertThat(opened.stream().filter(s -> !s.readOnly()).map(DriverSessionLog.Opened::toString).distinct())
                .as("sessions that were not read-only").isEmpty();
        // the explicit download transactions and Spring Data's read-only transactions both went through the log
        assertThat(opened).anySatisfy(s -> assertThat(s.openedBy()).contains("download.DownloadService"));
        assertThat(opened).anySatisfy(s -> assertThat(s.openedBy()).contains("access.ApiKey"));
        assertThat(opened).anySatisfy(s -> assertThat(s.openedBy()).contains("system.Neo4jReadHealthIndicator"));
    }

    @Test
    void aRepeatedReachableNeedsNoDatabaseRoundTripAndANewOneAtMostOneReadSession() {
        Map<String, Object> variables = Map.of("buildingId", BUILDING, "minutes", 15, "first", 50);
        data(post("reachable", "reachable", variables, null));
        int mark = sessions.mark();

        JsonNode reached = data(post("reachable", "reachable", variables, null)).path("reachable").path("edges");

        assertThat(reached.size()).isGreaterThan(10);
        // searched in memory, the places' details known from the first answer in this data version (the dataset
        // stamp's refresh every 5 s runs beside it, on a thread of its own)
        assertThat(requestSessions(mark)).isEmpty();

        int next = sessions.mark();
        data(post("reachable", "reachable", Map.of("buildingId", "b-02-001", "minutes", 20, "first", 100), null));
        // the places not seen yet in one query: one session, never one per place
        assertThat(requestSessions(next)).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(s -> assertThat(s.readOnly()).isTrue());
    }

    private List<DriverSessionLog.Opened> requestSessions(int mark) {
        return sessions.since(mark).stream().filter(s -> !s.openedBy().contains("dataset.DatasetService")).toList();
    }

    @Test
    void theServerRefusesAWriteInAReadAccessSession() {
        try (Session session = neo4jSessions.read()) {
            assertThatThrownBy(() -> {
                try (Transaction tx = session.beginTransaction()) {
                    tx.run("CREATE (:ReadAccessProbe {at: timestamp()})").consume();
                    tx.commit();
                }
            }).isInstanceOfSatisfying(ClientException.class, ex -> assertThat(ex.code())
                    .isEqualTo("Neo.ClientError.Statement.AccessMode"));
            assertThatThrownBy(() -> session.executeRead(tx -> tx.run("CREATE (:ReadAccessProbe)").consume()))
                    .isInstanceOf(ClientException.class).hasMessageContaining("read access mode");
        }
        try (Session session = neo4jSessions.read()) {
            assertThat(session.run("MATCH (p:ReadAccessProbe) RETURN count(p) AS n").single().get("n").asLong())
                    .isZero();
        }
    }

    @Test
    void issuingAKeyAndAMaintenanceWriteOpenWriteSessions() {
        int mark = sessions.mark();
        TestKeys.issue(application, "DEVELOPER", "it-read-access-issued");
        // an unknown place: the write transaction is opened, finds nothing and is rolled back
        JsonNode refused = json(post("maintenance", "ClosePlace", Map.of("id", "o-99999"), adminKey));
        assertThat(refused.path("errors").get(0).path("extensions").path("code").asString()).isEqualTo("NOT_FOUND");

        List<DriverSessionLog.Opened> opened = sessions.since(mark);
        assertThat(opened).anySatisfy(s -> {
            assertThat(s.mode()).isEqualTo(AccessMode.WRITE);
            assertThat(s.openedBy()).contains("access.ApiKey");
        });
        assertThat(opened).anySatisfy(s -> {
            assertThat(s.mode()).isEqualTo(AccessMode.WRITE);
            assertThat(s.openedBy()).contains("maintenance.PlaceMaintenance");
        });
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> post(String documentFile, String operation, Map<String, Object> variables,
            String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document(documentFile));
        body.put("operationName", operation);
        body.put("variables", new HashMap<>(variables));
        return postBody(body, key);
    }

    private HttpResponse<String> postQuery(String query, String key) {
        return postBody(Map.of("query", query), key);
    }

    private HttpResponse<String> postBody(Map<String, Object> body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** The answer's data, after checking it has no error. */
    private JsonNode data(HttpResponse<String> response) {
        JsonNode body = json(response);
        assertThat(body.path("errors").isMissingNode() || body.path("errors").isEmpty()).as(response.body())
                .isTrue();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body.path("data");
    }

    private static String document(String name) {
        try {
            return new ClassPathResource("graphql-test/" + name + ".graphql").getContentAsString(
                    StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
