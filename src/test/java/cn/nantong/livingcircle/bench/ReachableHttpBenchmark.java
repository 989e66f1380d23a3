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
import java.util.concurrent.atomic.AtomicLong;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Latency and throughput of {@code reachable(from: {buildingId})} over HTTP on the demo data: closed-loop clients
 * on loopback, random buildings and minutes in {5, 10, 15}, first 50. Not part of the default test run (the class
 * name matches neither *Tests nor *IT): run {@code scripts/bench-reachable.sh}. Asserts only that every response
 * was a successful GraphQL answer; speed is reported, never asserted.
 *
 * <p>System properties: {@code bench.warmupSeconds} (60: ten seconds left the JIT cold and the throughput a third
 * lower), {@code bench.seconds} (30), {@code bench.clients} (4).
 */
@ApplicationIT
@Tag("benchmark")
class ReachableHttpBenchmark {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Driver driver;

    @Test
    void reachableOverHttp() throws Exception {
        int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 60);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int clients = Integer.getInteger("bench.clients", 4);
        List<String> buildings = new ArrayList<>();
        try (Session session = driver.session()) {
            session.run("MATCH (b:Building) RETURN b.id AS id").forEachRemaining(r -> buildings.add(r.get("id").asString()));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/graphql");

        run(http, uri, buildings, clients, warmupSeconds);
        Result result = run(http, uri, buildings, clients, seconds);

        long[] latencies = result.latenciesNanos();
        Arrays.sort(latencies);
        String report = String.format(Locale.ROOT, """
                reachable over HTTP (demo data, %d buildings, %d clients, %d s after %d s warm-up, JDK %s, %d cores)
                  requests      %d (errors %d)
                  throughput    %.1f requests/s
                  latency p50   %.2f ms
                  latency p90   %.2f ms
                  latency p99   %.2f ms
                  latency max   %.2f ms
                  mean edges    %.1f places per response (first 50)
                """, buildings.size(), clients, seconds, warmupSeconds, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), latencies.length, result.errors(),
                latencies.length / (double) seconds, percentile(latencies, 50), percentile(latencies, 90),
                percentile(latencies, 99), latencies[latencies.length - 1] / 1e6,
                result.edges() / (double) Math.max(1, latencies.length));
        System.out.println(report);
        Path out = Path.of("target", "bench", "reachable-http.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(result.errors()).isZero();
    }

    private static Result run(HttpClient http, URI uri, List<String> buildings, int clients, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        AtomicLong edges = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long seed = c;
            futures.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                long[] samples = new long[1 << 16];
                int n = 0;
                int[] minutes = {5, 10, 15};
                while (System.nanoTime() < deadline) {
                    String body = "{\"query\":\"query($b: ID!, $m: Int){ reachable(from: {buildingId: $b}, minutes: $m, first: 50)"
                            + " { totalCount edges { cursor node { walkMeters walkMinutes place { id name category { code } location { lat lon } } } } } }\","
                            + "\"variables\":{\"b\":\"" + buildings.get(random.nextInt(buildings.size())) + "\",\"m\":"
                            + minutes[random.nextInt(3)] + "}}";
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    long elapsed = System.nanoTime() - start;
                    if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                        errors.incrementAndGet();
                    }
                    edges.addAndGet(count(response.body(), "\"cursor\""));
                    if (n == samples.length) {
                        samples = Arrays.copyOf(samples, n * 2);
                    }
                    samples[n++] = elapsed;
                }
                return Arrays.copyOf(samples, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> future : futures) {
            long[] part = future.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        pool.shutdown();
        return new Result(all, errors.get(), edges.get());
    }

    private static int count(String text, String token) {
        int count = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
            count++;
        }
        return count;
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private record Result(long[] latenciesNanos, long errors, long edges) {
    }
}
