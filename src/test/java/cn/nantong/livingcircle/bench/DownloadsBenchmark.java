package cn.nantong.livingcircle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams every bulk download over HTTP, one at a time, and reports for each its size, the time to the last byte
 * and the live heap above the idle heap while it ran (server, embedded database and client share this JVM; the
 * client counts the bytes and keeps none). Each file is fetched {@code bench.runs} times after one warm-up; the
 * best time is reported. Peak heap used would count garbage not yet collected, which says more about the
 * collector than about the download, so one more fetch runs with a side thread forcing a full collection every
 * {@code bench.gc-interval-ms} and reading the heap right after it: the largest such reading, less the idle live
 * heap, is what the download keeps alive. Run with a small {@code -Xmx} (the script does) to show every download
 * also completes in it. Not part of the default run: {@code scripts/bench-downloads.sh}.
 */
@ApplicationIT
@Tag("benchmark")
class DownloadsBenchmark {

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void streamEveryDownloadAndReportTimeAndLiveHeap() throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        JsonNode downloads = JsonMapper.builder().build().readTree(http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ dataset { buildingCount outletCount "
                        + "facilityCount walkwayCount walkingEdgeCount downloads { name points } } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).at("/data/dataset");
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.out.printf(Locale.ROOT, "(dataset: %d buildings, %d places, %d walkways, %d walking edges; JDK %s, %d cpus, %s)%n",
                downloads.get("buildingCount").asInt(), downloads.get("outletCount").asInt()
                        + downloads.get("facilityCount").asInt(), downloads.get("walkwayCount").asInt(),
                downloads.get("walkingEdgeCount").asInt(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), String.join(" ", ManagementFactory.getRuntimeMXBean()
                        .getInputArguments().stream().filter(a -> a.startsWith("-Xmx") || a.startsWith("-XX:+Use"))
                        .toList()));
        long gcIntervalMs = Long.getLong("bench.gc-interval-ms", 100);
        System.out.println("| file | bytes | best time | MB/s | live heap above idle (max after GC) | price, points |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (JsonNode download : downloads.get("downloads")) {
            String name = download.get("name").asString();
            fetch(name);
            double best = Double.MAX_VALUE;
            long bytes = 0;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                bytes = fetch(name);
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
            }
            long idle = liveAfterGc(heap);
            LiveHeapSampler sampler = new LiveHeapSampler(heap, gcIntervalMs);
            sampler.start();
            long sampledBytes;
            try {
                sampledBytes = fetch(name);
            } finally {
                sampler.stop();
            }
            assertThat(sampledBytes).as(name).isEqualTo(bytes);
            long liveAbove = Math.max(0, sampler.maxLive() - idle);
            System.out.printf(Locale.ROOT, "| %s | %,d | %.0f ms | %.1f | %d MB (%d samples) | %d |%n", name, bytes,
                    best, bytes / 1e6 / (best / 1e3), liveAbove >> 20, sampler.samples(),
                    download.get("points").asLong());
        }
        System.out.printf(Locale.ROOT, "(idle live heap after GC: %d MB; every download completed in full with the heap above)%n",
                liveAfterGc(heap) >> 20);
    }

    private static long liveAfterGc(List<MemoryPoolMXBean> heap) {
        System.gc();
        return used(heap);
    }

    /** Forces a full collection at a fixed interval and keeps the largest heap reading taken right after one. */
    private static final class LiveHeapSampler implements Runnable {

        private final List<MemoryPoolMXBean> heap;
        private final long intervalMs;
        private final Thread thread = new Thread(this, "live-heap-sampler");
        private volatile boolean running = true;
        private volatile long maxLive;
        private volatile int samples;

        LiveHeapSampler(List<MemoryPoolMXBean> heap, long intervalMs) {
            this.heap = heap;
            this.intervalMs = intervalMs;
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long maxLive() {
            return maxLive;
        }

        int samples() {
            return samples;
        }

        @Override
        public void run() {
            while (running) {
                maxLive = Math.max(maxLive, liveAfterGc(heap));
                samples++;
                try {
                    Thread.sleep(intervalMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private long fetch(String name) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/downloads/" + name)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as(name).isEqualTo(200);
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes += n;
            }
        }
        return bytes;
    }

    private static long used(List<MemoryPoolMXBean> heap) {
        return heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
