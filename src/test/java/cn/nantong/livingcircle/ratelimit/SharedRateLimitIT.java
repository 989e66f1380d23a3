package cn.nantong.livingcircle.ratelimit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.LivingCircleApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the application share one budget per caller through one real {@code redis-server}; the 429 path
 * with its headers; a trusted proxy's {@code X-Forwarded-For}.
 *
 * <p>The anonymous budget is 200 points, refilled by 200 an hour (so nothing comes back during the test). A page of
 * ten communities is priced 81 points (80 for the query, 1 for up to ten rows); the replicas hold no data, so it
 * returns no row and actually costs 80, and the unused point is refunded:
 * <pre>
 *   replica A  81 -> 119 left, refund 1 -> 120
 *   replica B  81 ->  39 left, refund 1 ->  40     (the same bucket: both see the caller 127.0.0.1)
 *   replica A  81 -> refused, 40 left, 429 + Retry-After
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRateLimitIT {

    private static final String PAGE = "{ communities(first: 10) { totalCount } }";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
    private RedisServer redis;
    private int portA;
    private int portB;

    @BeforeAll
    void startRedisAndTwoReplicas() throws Exception {
        redis = RedisServer.start();
        portA = start("a", "");
        // B sits behind a proxy on loopback: it takes the client address from X-Forwarded-For
        portB = start("b", "127\\.0\\.0\\.1");
    }

    private int start(String name, String trustedProxies) throws Exception {
        Path dataDir = Files.createTempDirectory("living-circle-replica-" + name);
        Map<String, String> properties = Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("management.server.port", "0"),
                Map.entry("circle.embedded.data-dir", dataDir.toString()),
                Map.entry("circle.embedded.bolt-port", "0"),
                Map.entry("circle.embedded.page-cache-size", "32m"),
                Map.entry("circle.demo.load-on-empty", "false"),
                Map.entry("circle.programme.load-on-empty", "false"),
                Map.entry("circle.rate-limit.redis-url", redis.url()),
                Map.entry("circle.rate-limit.anonymous-burst-points", "200"),
                Map.entry("circle.rate-limit.anonymous-points-per-window", "200"),
                Map.entry("circle.rate-limit.window", "1h"),
                Map.entry("server.tomcat.remoteip.internal-proxies", trustedProxies));
        // command-line arguments: they take precedence over application.yml (builder properties would not)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LivingCircleApplication.class)
                .run(args);
        replicas.add(context);
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterAll
    void stop() throws Exception {
        for (ConfigurableApplicationContext replica : replicas) {
            replica.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @Order(1)
    void twoReplicasSpendFromOneBudgetAndTheThirdRequestGets429WithItsHeaders() throws Exception {
        HttpResponse<String> first = post(portA, PAGE, Map.of());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("200");
        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("120");
        assertThat(first.headers().firstValue("X-RateLimit-Used")).hasValue("80");
        JsonNode cost = json.readTree(first.body()).path("extensions").path("cost");
        assertThat(cost.path("requested").asLong()).isEqualTo(81);
        assertThat(cost.path("actual").asLong()).isEqualTo(80);
        assertThat(cost.path("remaining").asLong()).isEqualTo(120);

        HttpResponse<String> second = post(portB, PAGE, Map.of());
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("X-RateLimit-Remaining")).as("replica B sees A's spending")
                .hasValue("40");

        HttpResponse<String> third = post(portA, PAGE, Map.of());
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(third.headers().firstValue("X-RateLimit-Remaining")).hasValue("40");
        assertThat(third.headers().firstValue("X-RateLimit-Reset")).hasValueSatisfying(
                reset -> assertThat(Long.parseLong(reset)).isGreaterThan(System.currentTimeMillis() / 1_000));
        JsonNode body = json.readTree(third.body());
        assertThat(body.has("data")).isFalse();
        JsonNode error = body.path("errors").get(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(error.path("extensions").path("cost").asLong()).isEqualTo(81);
        assertThat(error.path("extensions").path("remaining").asLong()).isEqualTo(40);

        // a refused GET is not cacheable
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portB
                + "/graphql?query=" + URLEncoder.encode(PAGE, StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(429);
        assertThat(get.headers().firstValue("Cache-Control")).hasValue("no-store");

        assertThat(redis.keys()).contains("circle:rate:address:127.0.0.1");
    }

    @Test
    @Order(2)
    void aTrustedProxysForwardedAddressIsItsOwnCallerAndAnUntrustedOneIsIgnored() throws Exception {
        HttpResponse<String> viaProxy = post(portB, "{ rateLimit { remaining store } }",
                Map.of("X-Forwarded-For", "203.0.113.7"));
        JsonNode limit = json.readTree(viaProxy.body()).path("data").path("rateLimit");
        assertThat(limit.path("store").asString()).isEqualTo("redis");
        assertThat(limit.path("remaining").asLong()).as("a fresh bucket, less this request's one point")
                .isEqualTo(199);
        assertThat(redis.keys()).contains("circle:rate:address:203.0.113.7");

        post(portA, "{ rateLimit { remaining } }", Map.of("X-Forwarded-For", "198.51.100.9"));
        assertThat(redis.keys()).as("replica A trusts no proxy").doesNotContain("circle:rate:address:198.51.100.9");
    }

    private HttpResponse<String> post(int port, String query, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query))));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
