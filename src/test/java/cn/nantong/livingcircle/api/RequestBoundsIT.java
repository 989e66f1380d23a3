package cn.nantong.livingcircle.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import cn.nantong.livingcircle.support.ApplicationIT;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounds while a request runs, over real HTTP, in the one context with its own settings: a 3 s deadline, a 2 KiB
 * answer cap, one heavy-request permit waited for 200 ms. A field aliased {@code hold} blocks until the test lets it
 * go, so the deadline is passed deterministically rather than raced.
 */
@ApplicationIT
@TestPropertySource(properties = {
        "circle.api.request-timeout=3s",
        "circle.api.max-response-bytes=2048",
        "circle.api.max-concurrent-heavy=1",
        "circle.api.heavy-queue-timeout=200ms"
})
@Import(RequestBoundsIT.Holds.class)
class RequestBoundsIT {

    private static final String ISOCHRONE = "isochrone(from: {point: {lat: 32.0, lon: 120.86}}, minutes: [5]) { minutes }";

    @Value("${local.server.port}")
    int port;

    @Autowired
    Holds holds;

    @Autowired
    HeavyRequestBulkhead bulkhead;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRequestPastItsDeadlineGetsTimeout504AndNoFieldIsFetchedAfterIt() throws Exception {
        holds.reset();
        try {
            HttpResponse<String> response = post("{ hold: " + ISOCHRONE + " after: categories { code } }");
            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode answer = json.readTree(response.body());
            assertThat(answer.has("data")).as("a request error has no data").isFalse();
            assertThat(answer.at("/errors/0/extensions/code").asString()).isEqualTo("TIMEOUT");
            assertThat(answer.at("/errors/0/extensions/timeoutMillis").asLong()).isEqualTo(3000);
            // the held isochrone still runs, so the request keeps its heavy permit until its work has ended
            assertThat(bulkhead.available()).isZero();
        }
        finally {
            holds.release.countDown();
        }
        assertThat(holds.executionEnded.await(30, TimeUnit.SECONDS)).isTrue();
        awaitPermitsBack();
        assertThat(holds.fetchedAfterHold.get()).as("fields fetched after the deadline").isZero();
        // cancelled by its flag, never by interrupting the thread, which would break a running Neo4j query
        assertThat(holds.interrupted).isFalse();
    }

    @Test
    void anAnswerAboveTheSizeCapIsReplacedByResponseTooLargeNamingItsSizeAndTheLimit() throws Exception {
        HttpResponse<String> response = post("{ categories { code nameZh nameEn tier function targetMinutes } }");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.has("data")).isFalse();
        JsonNode error = answer.at("/errors/0");
        assertThat(error.at("/extensions/code").asString()).isEqualTo("RESPONSE_TOO_LARGE");
        long bytes = error.at("/extensions/bytes").asLong();
        assertThat(bytes).isGreaterThan(2048);
        assertThat(error.at("/extensions/limit").asLong()).isEqualTo(2048);
        assertThat(error.at("/message").asString()).contains(String.valueOf(bytes), "2048");
        // the price is still reported, so the client sees what it asked for
        assertThat(answer.at("/extensions/cost/requested").isNumber()).isTrue();
        assertThat(response.body().length()).isLessThan(2048);

        HttpResponse<String> small = post("{ categories { code } }");
        assertThat(json.readTree(small.body()).at("/data/categories/0/code").isString()).isTrue();
    }

    @Test
    void aHeavyRequestFindingEveryPermitTakenIsRefusedWithOverloaded503AndRetryAfter() throws Exception {
        assertThat(bulkhead.tryAcquire()).isTrue();
        try {
            HttpResponse<String> response = post("{ " + ISOCHRONE + " }");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            JsonNode answer = json.readTree(response.body());
            assertThat(answer.at("/errors/0/extensions/code").asString()).isEqualTo("OVERLOADED");
            assertThat(answer.at("/errors/0/extensions/retryAfterSeconds").asLong()).isEqualTo(1);
            assertThat(answer.path("data").isMissingNode() || answer.path("data").isNull()).isTrue();
        }
        finally {
            bulkhead.release();
        }
        HttpResponse<String> afterRelease = post("{ " + ISOCHRONE + " }");
        assertThat(afterRelease.statusCode()).isEqualTo(200);
        assertThat(json.readTree(afterRelease.body()).at("/data/isochrone/0/minutes").asInt()).isEqualTo(5);
        assertThat(bulkhead.available()).isEqualTo(1);
    }

    @Test
    void aRequestThatCostsMoreThanTheHeavyThresholdWaitsForAPermitEvenWithoutASearch() throws Exception {
        assertThat(bulkhead.tryAcquire()).isTrue();
        try {
            // 80 + 10 + 37 + 100 x 10 points: no search, but above the 500-point threshold
            HttpResponse<String> response = post(
                    "{ communities(first: 100) { edges { node { buildings(first: 100) { totalCount } } } } }");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json.readTree(response.body()).at("/errors/0/extensions/code").asString()).isEqualTo("OVERLOADED");
        }
        finally {
            bulkhead.release();
        }
    }

    @Test
    void aCheapRequestNeverWaitsForTheHeavyPool() throws Exception {
        assertThat(bulkhead.tryAcquire()).isTrue();
        try {
            HttpResponse<String> response = post("{ building(id: \"b-01-001\") { name } categories { code } }");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json.readTree(response.body()).at("/data/building/name").isString()).isTrue();
        }
        finally {
            bulkhead.release();
        }
    }

    /** The permit comes back when the execution has ended, on another thread: wait for that, not for a time. */
    private void awaitPermitsBack() throws InterruptedException {
        for (int i = 0; i < 300 && bulkhead.available() < bulkhead.maxConcurrent(); i++) {
            Thread.sleep(100);
        }
        assertThat(bulkhead.available()).isEqualTo(bulkhead.maxConcurrent());
    }

    private HttpResponse<String> post(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A field aliased {@code hold} waits for {@link #release} (and notes an interrupt); fields aliased {@code after}
     * are counted.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Holds {
        volatile CountDownLatch release = new CountDownLatch(0);
        volatile CountDownLatch executionEnded = new CountDownLatch(0);
        final AtomicInteger fetchedAfterHold = new AtomicInteger();
        final AtomicBoolean interrupted = new AtomicBoolean();

        void reset() {
            release = new CountDownLatch(1);
            executionEnded = new CountDownLatch(1);
            fetchedAfterHold.set(0);
            interrupted.set(false);
        }

        @Bean
        SimplePerformantInstrumentation holdingInstrumentation() {
            return new SimplePerformantInstrumentation() {
                @Override
                public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher,
                        InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
                    String alias = parameters.getEnvironment().getField().getAlias();
                    if ("hold".equals(alias)) {
                        return env -> {
                            CountDownLatch latch = release;
                            try {
                                latch.await(60, TimeUnit.SECONDS);
                                return fetcher.get(env);
                            }
                            catch (InterruptedException ex) {
                                interrupted.set(true);
                                throw ex;
                            }
                            finally {
                                executionEnded.countDown();
                            }
                        };
                    }
                    if ("after".equals(alias)) {
                        return env -> {
                            fetchedAfterHold.incrementAndGet();
                            return fetcher.get(env);
                        };
                    }
                    return fetcher;
                }
            };
        }
    }
}
