package cn.nantong.livingcircle.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
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
        assertThat(scrape).containsPattern("circle_graphql_errors_total\\{code=\"OUT_OF_RANGE\"");
        assertThat(scrape).containsPattern("circle_graphql_errors_total\\{code=\"GRAPHQL_VALIDATION_FAILED\"");
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
    }

    private void post(String body) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
