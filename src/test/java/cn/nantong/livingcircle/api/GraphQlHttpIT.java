package cn.nantong.livingcircle.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP transport: status codes, GraphiQL, probes and metrics. */
@ApplicationIT
class GraphQlHttpIT {

    @Value("${local.server.port}")
    int port;

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
        assertThat(get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void graphQlRequestsAreObservedInPrometheus() throws Exception {
        post("{\"query\":\"{ categories { code } }\"}");
        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).contains("graphql_request_seconds_count").contains("graphql_datafetcher_seconds_count");
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
