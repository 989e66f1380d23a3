package cn.nantong.livingcircle.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import cn.nantong.livingcircle.access.TestKeys;
import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Does one caller's heavy traffic hurt another's cheap requests? A probe sends {@code reachable(from: {buildingId})}
 * (first 50) one request at a time, first alone, then while 8 clients, each with its own developer key (the default
 * developer budget), send the most expensive request the limits allow: 64 aliased isochrones of 6 limits each
 * (1,984 points of the 2,000 allowed, 64 of the 100 aliases allowed), as fast as they are let, waiting
 * {@code Retry-After} when refused. Reports the probe's p50/p99 idle and loaded, and what the heavy clients got.
 * Not part of the default run (run {@code scripts/bench-fairness.sh}); speed is reported, never asserted.
 *
 * <p>System properties: {@code bench.seconds} (30 per phase), {@code bench.warmupSeconds} (10),
 * {@code bench.heavyClients} (8).
 */
@ApplicationIT
@Tag("benchmark")
class FairnessBenchmark {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Driver driver;

    @Autowired
    ApplicationContext application;

    @Test
    void cheapRequestsKeepTheirLatencyWhileHeavyClientsSpendTheirBudgets() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 10);
        int heavyClients = Integer.getInteger("bench.heavyClients", 8);
        List<String> buildings = new ArrayList<>();
        try (Session session = driver.session()) {
            session.run("MATCH (b:Building) RETURN b.id AS id ORDER BY id")
                    .forEachRemaining(r -> buildings.add(r.get("id").asString()));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/graphql");

        probe(http, uri, buildings, warmupSeconds, new AtomicBoolean(true));
        long[] idle = probe(http, uri, buildings, seconds, new AtomicBoolean(true));

        String heavy = heavyRequest(buildings);
        AtomicLong answered = new AtomicLong();
        AtomicLong limited = new AtomicLong();
        AtomicLong overloaded = new AtomicLong();
        AtomicLong other = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstOther = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(heavyClients);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < heavyClients; c++) {
            String key = TestKeys.issue(application, "DEVELOPER", "fairness-heavy-" + c);
            clients.add(pool.submit(() -> {
                while (running.get()) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                            .POST(HttpRequest.BodyPublishers.ofString(heavy)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    int status = response.statusCode();
                    if (status == 429 || status == 503) {
                        (status == 429 ? limited : overloaded).incrementAndGet();
                        long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                        TimeUnit.SECONDS.sleep(Math.max(1, wait));
                    }
                    else if (status == 200 && !response.body().contains("\"errors\"")) {
                        answered.incrementAndGet();
                    }
                    else {
                        other.incrementAndGet();
                        firstOther.compareAndSet(null, status + " " + response.body()
                                .substring(0, Math.min(300, response.body().length())));
                    }
                }
                return null;
            }));
        }
        long[] loaded = probe(http, uri, buildings, seconds, running);
        running.set(false);
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();

        Arrays.sort(idle);
        Arrays.sort(loaded);
        double idleP99 = percentile(idle, 99);
        double loadedP99 = percentile(loaded, 99);
        String report = String.format(Locale.ROOT, """
                fairness: probe reachable(from: {buildingId}, first: 50), one at a time, %d s per phase after %d s \
                warm-up (JDK %s, %d cores)
                  idle     %6d requests  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms
                  loaded   %6d requests  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms   (p99 %.2f x idle; goal <= 3 x)
                  %d heavy clients (developer keys, 64 aliased 6-limit isochrones, 1,984 points each):
                    %d answered, %d refused RATE_LIMITED (429), %d refused OVERLOADED (503), %d other
                """, seconds, warmupSeconds, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                idle.length, percentile(idle, 50), idleP99, idle[idle.length - 1] / 1e6,
                loaded.length, percentile(loaded, 50), loadedP99, loaded[loaded.length - 1] / 1e6,
                loadedP99 / idleP99, heavyClients, answered.get(), limited.get(), overloaded.get(), other.get());
        if (firstOther.get() != null) {
            report += "  first other answer: " + firstOther.get() + "\n";
        }
        System.out.println(report);
        Path out = Path.of("target", "bench", "fairness.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(answered.get()).as("heavy requests answered").isPositive();
    }

    /** The probe's latencies over {@code seconds} (or until {@code running} is cleared). */
    private static long[] probe(HttpClient http, URI uri, List<String> buildings, int seconds, AtomicBoolean running)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        SplittableRandom random = new SplittableRandom(7);
        long[] samples = new long[1 << 14];
        int n = 0;
        while (System.nanoTime() < deadline && running.get()) {
            String body = "{\"query\":\"query($b: ID!){ reachable(from: {buildingId: $b}, minutes: 10, first: 50)"
                    + " { totalCount edges { node { walkMeters place { id name } } } } }\",\"variables\":{\"b\":\""
                    + buildings.get(random.nextInt(buildings.size())) + "\"}}";
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - start;
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            if (n == samples.length) {
                samples = Arrays.copyOf(samples, n * 2);
            }
            samples[n++] = elapsed;
        }
        return Arrays.copyOf(samples, n);
    }

    private static String heavyRequest(List<String> buildings) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 64; i++) {
            query.append(" i").append(i).append(": isochrone(from: {buildingId: \\\"")
                    .append(buildings.get((i * 37) % buildings.size()))
                    .append("\\\"}, minutes: [5, 8, 10, 12, 15, 20]) { minutes areaSquareMeters }");
        }
        return "{\"query\":\"" + query + " }\"}";
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
