package cn.nantong.livingcircle.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.nantong.livingcircle.access.TestKeys;
import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a few requests the Prometheus scrape on the management port holds the metrics the operations dashboard is
 * built from, and the committed Grafana dashboard asks only for metric names that exist.
 */
@ApplicationIT
class MetricsIT {

    static final Path DASHBOARD = Path.of("scripts", "ops", "grafana-dashboard.json");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    /** The application's own metrics (Prometheus names), each with the series a few requests must move. */
    static final List<String> OWN_METRICS = List.of("circle_reachability_searches_seconds_count",
            "circle_reachability_searches_seconds_bucket", "circle_isochrones_seconds_count",
            "circle_isochrones_seconds_bucket", "circle_cache_gets_total", "circle_cache_loads_seconds_count",
            "cache_gets_total", "circle_walking_edges_recomputed_seconds_count",
            "circle_walking_edges_buildings_recomputed_total", "circle_walking_edges_written_total",
            "circle_requests_refused_total", "circle_dataset_info", "circle_dataset_version_changes_total",
            "circle_import_rows_total", "circle_import_rejects_total", "circle_import_duration_seconds_count",
            "circle_import_progress");

    @Autowired
    ApplicationContext application;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void thePrometheusScrapeHoldsTheRequestDatabaseAndRefusalMetricsAndTheDashboardOnlyThose() throws Exception {
        post("{\"query\":\"{ reachable(from: {buildingId: \\\"b-01-001\\\"}, minutes: 5, first: 3) { totalCount } }\"}");
        post("{\"query\":\"query MyOwnName { categories { code } }\",\"operationName\":\"MyOwnName\"}");
        post("{\"query\":\"{ reachable(from: {buildingId: \\\"b-01-001\\\"}, minutes: 99) { totalCount } }\"}");
        post("{\"query\":\"{ nope }\"}");
        String scrape = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        // what the dashboard can be built from
        Files.writeString(Path.of("target", "prometheus-scrape.txt"), scrape);

        assertThat(scrape).contains("graphql_request_seconds_count{", "graphql_datafetcher_seconds_count{",
                "circle_rate_limit_store_errors_total", "http_server_requests_seconds_count{");
        assertThat(scrape).containsPattern("graphql_request_seconds_count\\{[^}]*graphql_operation_name=\"anonymous\"");
        assertThat(scrape).containsPattern("graphql_request_seconds_count\\{[^}]*graphql_operation_name=\"other\"");
        assertThat(scrape).containsPattern("circle_graphql_errors_total\\{[^}]*code=\"OUT_OF_RANGE\"");
        assertThat(scrape).containsPattern("circle_graphql_errors_total\\{[^}]*code=\"GRAPHQL_VALIDATION_FAILED\"");
        assertThat(scrape).containsPattern("circle_rate_limit_refused_total\\{[^}]*tier=\"ANONYMOUS\"");
        assertThat(scrape).as("Bolt round trips of the driver").containsPattern("\\bneo4j_[a-z_]+_seconds_count\\{");

        Set<String> exported = new TreeSet<>();
        scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> exported.add(line.split("[{ ]", 2)[0]));
        Set<String> asked = new TreeSet<>();
        JsonNode dashboard = json.readTree(Files.readString(DASHBOARD));
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> {
            Matcher names = Pattern.compile("\\b([a-z][a-z0-9_]*)\\{").matcher(target.path("expr").asString());
            while (names.find()) {
                asked.add(names.group(1));
            }
        }));
        assertThat(asked).as("metrics the dashboard asks for").hasSizeGreaterThanOrEqualTo(8);
        assertThat(exported).as("exported metric names").containsAll(asked);
        // every panel selects application="$application": a metric without the tag would draw nothing
        Set<String> tagged = new TreeSet<>();
        scrape.lines().filter(line -> line.contains("application=\"living-circle-api\""))
                .forEach(line -> tagged.add(line.split("[{ ]", 2)[0]));
        assertThat(tagged).as("metric names with the application tag").containsAll(asked);
    }

    @Test
    void searchesIsochronesCacheLookupsEdgeRecomputesRefusalsAndTheDataVersionAreCountedUnderTheirOwnNames()
            throws Exception {
        Map<String, Double> before = samples(scrape());
        JsonNode building = post("{\"query\":\"{ building(id: \\\"b-05-001\\\") { location { lat lon } "
                + "community { id } } }\"}").path("data").path("building");
        double lat = building.path("location").path("lat").asDouble();
        double lon = building.path("location").path("lon").asDouble();
        String community = building.path("community").path("id").asString();
        String point = "{point: {lat: " + lat + ", lon: " + lon + "}}";
        post(graphQl("{ reachable(from: {buildingId: \"b-05-001\"}, minutes: 5, first: 1) { totalCount } }"));
        post(graphQl("{ reachable(from: " + point + ", minutes: 5, first: 1) { totalCount } }"));
        post(graphQl("{ nearest(from: " + point + ", category: \"pharmacy\") { walkMeters } }"));
        post(graphQl("{ isochrone(from: {buildingId: \"b-05-001\"}, minutes: [5, 10]) { minutes } }"));
        post(graphQl("{ coverage(communityId: \"" + community + "\") { completenessScore } }"));
        post(graphQl("{ whatIf(add: [{category: \"pharmacy\", lat: " + lat + ", lon: " + lon + "}], communityId: \""
                + community + "\") { completenessAfter } }"));
        post("this is not JSON");
        post(graphQl("{ nope }"));
        String version = datasetVersion();
        String adminKey = TestKeys.issue(application, "ADMIN", "it-metrics-admin");
        String id = "it-metrics-outlet";
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", id);
        input.put("type", "OUTLET");
        input.put("name", "it-metrics 名");
        input.put("category", "pharmacy");
        input.put("location", Map.of("lat", lat, "lon", lon));
        input.put("communityId", community);
        assertThat(mutate("CreatePlace", Map.of("input", input), adminKey).path("data").path("createPlace")
                .path("change").path("walkingEdges").path("created").asInt()).as("edges of the new place").isPositive();
        assertThat(mutate("ClosePlace", Map.of("id", id), adminKey).path("data").path("closePlace").isObject())
                .as("the place closed again").isTrue();
        // the first search of the new version rebuilds the walkway network
        post(graphQl("{ reachable(from: " + point + ", minutes: 5, first: 1) { totalCount } }"));
        String newVersion = datasetVersion();
        String scrape = scrape();
        Map<String, Double> after = samples(scrape);

        Set<String> exported = names(scrape);
        assertThat(exported).as("the application's own metrics").containsAll(OWN_METRICS);
        for (String[] moved : new String[][] {
                {"circle_reachability_searches_seconds_count", "kind=\"reachable\"", "origin=\"building\""},
                {"circle_reachability_searches_seconds_count", "kind=\"reachable\"", "origin=\"point\""},
                {"circle_reachability_searches_seconds_count", "kind=\"nearest\"", "origin=\"point\""},
                {"circle_reachability_searches_seconds_count", "kind=\"isochrone\"", "origin=\"building\""},
                {"circle_reachability_searches_seconds_count", "kind=\"whatIf\"", "origin=\"places\""},
                {"circle_isochrones_seconds_count", "limits=\"2\""},
                {"circle_cache_gets_total", "cache=\"walkway-network\"", "result=\"hit\""},
                {"circle_cache_gets_total", "cache=\"network-extent\"", "result=\"hit\""},
                {"circle_cache_gets_total", "cache=\"walkway-network\"", "result=\"miss\""},
                {"circle_cache_loads_seconds_count", "cache=\"walkway-network\""},
                {"cache_gets_total", "cache=\"dataset\"", "result=\"hit\""},
                {"circle_walking_edges_recomputed_seconds_count", "operation=\"createPlace\""},
                {"circle_walking_edges_buildings_recomputed_total"},
                {"circle_walking_edges_written_total", "change=\"created\""},
                {"circle_walking_edges_written_total", "change=\"deleted\""},
                {"circle_requests_refused_total", "reason=\"BAD_REQUEST_BODY\""},
                {"circle_requests_refused_total", "reason=\"GRAPHQL_VALIDATION_FAILED\""},
                {"circle_dataset_version_changes_total"}}) {
            String[] labels = java.util.Arrays.copyOfRange(moved, 1, moved.length);
            assertThat(sum(after, moved[0], labels)).as(String.join(" ", moved))
                    .isGreaterThan(sum(before, moved[0], labels));
        }
        assertThat(newVersion).as("two maintenance writes stamp a new version").isNotEqualTo(version);
        assertThat(after.entrySet().stream().filter(e -> e.getKey().startsWith("circle_dataset_info{")).toList())
                .as("one series, the version now served, whatever versions came before")
                .singleElement().satisfies(e -> {
                    assertThat(e.getKey()).contains("version=\"" + newVersion + "\"");
                    assertThat(e.getValue()).isEqualTo(1.0);
                });
        Set<String> reasons = new TreeSet<>();
        Matcher reason = Pattern.compile("circle_requests_refused_total\\{[^}]*reason=\"([A-Z_]+)\"").matcher(scrape);
        while (reason.find()) {
            reasons.add(reason.group(1));
        }
        assertThat(reasons).as("refusal reasons are error codes").allSatisfy(r -> assertThat(
                cn.nantong.livingcircle.api.ApiException.ErrorCode.valueOf(r)).isNotNull());
    }

    private String datasetVersion() throws Exception {
        return post(graphQl("{ dataset { version } }")).path("data").path("dataset").path("version").asString();
    }

    private JsonNode mutate(String operation, Map<String, Object> variables, String key) throws Exception {
        Map<String, Object> request = new HashMap<>();
        request.put("query", new ClassPathResource("graphql-test/maintenance.graphql")
                .getContentAsString(StandardCharsets.UTF_8));
        request.put("operationName", operation);
        request.put("variables", variables);
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private String graphQl(String query) {
        return json.writeValueAsString(Map.of("query", query));
    }

    private String scrape() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Every sample of the scrape: series (name and labels as written) → value. */
    private static Map<String, Double> samples(String scrape) {
        Map<String, Double> samples = new HashMap<>();
        scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return samples;
    }

    private static Set<String> names(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    /** The sum of the samples of {@code name} whose labels include every one of {@code labels}. */
    private static double sum(Map<String, Double> samples, String name, String... labels) {
        return samples.entrySet().stream().filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> java.util.Arrays.stream(labels).allMatch(e.getKey()::contains))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private JsonNode post(String body) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
