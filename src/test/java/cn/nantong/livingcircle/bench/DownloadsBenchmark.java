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
 * and the peak heap above the idle heap while it ran (server, embedded database and client share this JVM; the
 * client counts the bytes and keeps none). Each file is fetched {@code bench.runs} times after one warm-up; the
 * best time and the highest peak are reported. Not part of the default run: {@code scripts/bench-downloads.sh}.
 */
@ApplicationIT
@Tag("benchmark")
class DownloadsBenchmark {

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void streamEveryDownloadAndReportTimeAndPeakHeap() throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        JsonNode downloads = JsonMapper.builder().build().readTree(http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ dataset { buildingCount outletCount "
                        + "facilityCount walkwayCount walkingEdgeCount downloads { name points } } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).at("/data/dataset");
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.out.printf(Locale.ROOT, "(dataset: %d buildings, %d places, %d walkways, %d walking edges; JDK %s, %d cpus, -Xmx%d MB)%n",
                downloads.get("buildingCount").asInt(), downloads.get("outletCount").asInt()
                        + downloads.get("facilityCount").asInt(), downloads.get("walkwayCount").asInt(),
                downloads.get("walkingEdgeCount").asInt(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| file | bytes | best time | MB/s | peak heap above idle | price, points |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (JsonNode download : downloads.get("downloads")) {
            String name = download.get("name").asString();
            fetch(name);
            double best = Double.MAX_VALUE;
            long bytes = 0;
            long peakAbove = 0;
            for (int i = 0; i < runs; i++) {
                System.gc();
                Thread.sleep(200);
                long idle = used(heap);
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                long start = System.nanoTime();
                bytes = fetch(name);
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
                long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                peakAbove = Math.max(peakAbove, peak - idle);
            }
            System.out.printf(Locale.ROOT, "| %s | %,d | %.0f ms | %.1f | %d MB | %d |%n", name, bytes, best,
                    bytes / 1e6 / (best / 1e3), peakAbove >> 20, download.get("points").asLong());
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
