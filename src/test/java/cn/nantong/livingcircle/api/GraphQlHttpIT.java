package cn.nantong.livingcircle.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HTTP transport: status codes, GraphiQL, probes and metrics. The public port serves the API and the probes
 * {@code /livez} and {@code /readyz}; every actuator endpoint (health, metrics, Prometheus) is on the management port
 * only.
 */
@ApplicationIT
class GraphQlHttpIT {

    @Value("${local.server.port}")
    int port;

    @Value("${local.management.port}")
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void malformedQueryIsAGraphQlErrorNotA500() throws Exception {
        HttpResponse<String> response = post("{\"query\":\"{ reachable(from: {buildingId: \\\"x\\\"} { totalCount }\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"code\":\"GRAPHQL_PARSE_FAILED\"").doesNotContain("Exception");
    }

    @Test
    void bodyThatIsNotJsonIsA400WithoutStackTrace() throws Exception {
        HttpResponse<String> response = post("this is not json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("at cn.", "at org.", "Exception");
    }

    @Test
    void domainErrorTravelsWithItsCodeOverHttp() throws Exception {
        HttpResponse<String> response = post("{\"query\":\"{ reachable(from: {buildingId: \\\"nope\\\"}) { totalCount } }\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
    }

    @Test
    void graphiqlIsServed() throws Exception {
        HttpResponse<String> response = get("/graphiql?path=/graphql");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsIgnoringCase("graphiql");
    }

    @Test
    void probesReportUpOnceDataIsLoaded() throws Exception {
        assertThat(getManagement("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
        assertThat(getManagement("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void probesAreServedOnThePublicPort() throws Exception {
        HttpResponse<String> readiness = get("/readyz");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        HttpResponse<String> liveness = get("/livez");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void graphQlRequestsAreObservedInPrometheus() throws Exception {
        post("{\"query\":\"{ categories { code } }\"}");
        HttpResponse<String> response = getManagement("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("graphql_request_seconds_count").contains("graphql_datafetcher_seconds_count");
    }

    @Test
    void noActuatorEndpointIsServedOnThePublicPort() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/health",
                "/actuator/health/readiness", "/actuator"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("jvm_", "graphql_request", "\"names\"");
        }
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws Exception {
        List<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).toList();
        for (InetAddress address : external) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, managementPort), 1000))
                        .as("management port on " + address).isInstanceOf(IOException.class);
            }
        }
        assertThat(getManagement("/actuator/health").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(port, path);
    }

    private HttpResponse<String> getManagement(String path) throws IOException, InterruptedException {
        return get(managementPort, path);
    }

    private HttpResponse<String> get(int onPort, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
