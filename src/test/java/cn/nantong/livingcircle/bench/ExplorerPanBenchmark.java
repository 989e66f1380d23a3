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

import cn.nantong.livingcircle.support.HeadlessChromium;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pans the explorer across a running server's data in a real headless chromium and reports, per pan, what the
 * map asked for and what it cost the page: the {@code mapLayers} answer's size on the wire and its features, the
 * request's time, the time from the end of the pan to the layers drawn, and the page's main-thread stalls (long
 * tasks, and the longest gap between two animation frames while the pan ran and the layers were drawn). A pan is a
 * Leaflet {@code panBy} of half the map's width or height with the default 250 ms animation; the path is a
 * boustrophedon over the middle of the dataset's extent, {@code --steps} pans at each of the {@code --zooms}. Not a
 * test: {@code scripts/bench-city-map.sh} runs it against the city-scale dataset and the README quotes the result.
 *
 * <pre>scripts/run-bench-class.sh cn.nantong.livingcircle.bench.ExplorerPanBenchmark --url http://127.0.0.1:8080
 *     [--steps 16] [--zooms 14,15,16,17]</pre>
 */
public final class ExplorerPanBenchmark {

    // installed once per page: long tasks and animation-frame gaps, read and reset by each step
    private static final String PROBE = """
            window.__pan = { longTasks: [], maxFrameGap: 0, last: performance.now(), active: false };
            // the layers are drawn when the explorer sets data-ready; frame gaps count up to the first frame after
            // that, the one the drawing delayed
            new MutationObserver(() => {
              if (window.__pan.active && document.body.dataset.ready === 'true') {
                window.__pan.drawn = performance.now();
                window.__pan.lastFrame = true;
              }
            }).observe(document.body, { attributes: true, attributeFilter: ['data-ready'] });
            new PerformanceObserver(list => list.getEntries()
                .forEach(e => window.__pan.longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
            (function frame(now) {
              if (window.__pan.active) {
                window.__pan.maxFrameGap = Math.max(window.__pan.maxFrameGap, now - window.__pan.last);
                if (window.__pan.lastFrame) {
                  window.__pan.active = false;
                  window.__pan.lastFrame = false;
                }
              }
              window.__pan.last = now;
              requestAnimationFrame(frame);
            })(performance.now());
            """;

    private static final String PAN = """
            const [dx, dy] = arguments;
            window.__pan.longTasks = []; window.__pan.maxFrameGap = 0; window.__pan.last = performance.now();
            performance.clearResourceTimings();
            document.body.dataset.ready = 'false';
            window.__pan.active = true; window.__pan.lastFrame = false;
            explorer.map.once('moveend', () => { window.__pan.moveEnd = performance.now(); });
            explorer.map.panBy([dx, dy], { animate: true, duration: 0.25 });
            """;

    private static final String MEASURE = """
            const api = performance.getEntriesByType('resource').filter(r => r.name.endsWith('/graphql'));
            const last = api[api.length - 1];
            return JSON.stringify({ layers: explorer.lastLayers, requests: api.length,
              wireBytes: last ? last.encodedBodySize : 0, requestMs: last ? last.duration : 0,
              drawnMs: window.__pan.drawn - window.__pan.moveEnd,
              longTasks: window.__pan.longTasks, maxFrameGapMs: window.__pan.maxFrameGap });
            """;

    private ExplorerPanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = option(args, "--url", "http://127.0.0.1:8080");
        int steps = Integer.parseInt(option(args, "--steps", "16"));
        int[] zooms = Arrays.stream(option(args, "--zooms", "14,15,16,17").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        JsonMapper json = JsonMapper.builder().build();
        JsonNode dataset = json.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                        + "/graphql")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                        .ofString("{\"query\":\"{ dataset { buildingCount outletCount facilityCount walkwayCount "
                                + "extent { bbox } } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).at("/data/dataset");
        JsonNode bbox = dataset.at("/extent/bbox");
        double lon = (bbox.get(0).asDouble() + bbox.get(2).asDouble()) / 2;
        double lat = (bbox.get(1).asDouble() + bbox.get(3).asDouble()) / 2;
        System.out.printf(Locale.ROOT, "(dataset: %,d buildings, %,d places, %,d walkways; extent %s; start at "
                        + "%.5f, %.5f; chromium headless, 1280x860 window; %d pans per zoom)%n",
                dataset.get("buildingCount").asInt(), dataset.get("outletCount").asInt()
                        + dataset.get("facilityCount").asInt(), dataset.get("walkwayCount").asInt(), bbox, lat, lon,
                steps);
        System.out.println("| zoom | pans | answer on the wire, median / max | walkway pieces, buildings, places (max) "
                + "| truncated | request, median / max | pan end to drawn, median / max | longest frame gap, median / max "
                + "| long tasks ≥ 100 ms | longest task |");
        System.out.println("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        Path profile = Files.createTempDirectory("pan-chromium-");
        ChromeDriver browser = HeadlessChromium.start(profile);
        try {
            for (int zoom : zooms) {
                browser.get(url + "/explorer?z=" + zoom + "&lat=" + lat + "&lon=" + lon);
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
                wait.until(d -> "true".equals(browser.executeScript("return document.body.dataset.ready"))
                        && "0".equals(browser.executeScript("return document.body.dataset.pending")));
                browser.executeScript(PROBE);
                List<JsonNode> pans = new ArrayList<>();
                for (int i = 0; i < steps; i++) {
                    // boustrophedon: four pans east (or west on the way back), then one south
                    int row = i / 5;
                    boolean south = i % 5 == 4;
                    int dx = south ? 0 : (row % 2 == 0 ? 640 : -640);
                    int dy = south ? 430 : 0;
                    browser.executeScript(PAN, dx, dy);
                    wait.until(d -> Boolean.TRUE.equals(browser.executeScript("return document.body.dataset.ready"
                            + " === 'true' && document.body.dataset.pending === '0' && !window.__pan.active")));
                    pans.add(json.readTree((String) browser.executeScript(MEASURE)));
                }
                report(zoom, pans);
            }
        } finally {
            browser.quit();
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    private static void report(int zoom, List<JsonNode> pans) {
        double[] wire = values(pans, p -> p.get("wireBytes").asDouble());
        double[] request = values(pans, p -> p.get("requestMs").asDouble());
        double[] drawn = values(pans, p -> p.get("drawnMs").asDouble());
        double[] gaps = values(pans, p -> p.get("maxFrameGapMs").asDouble());
        int walkways = 0;
        int buildings = 0;
        int places = 0;
        int truncated = 0;
        int longTasks = 0;
        int longest = 0;
        for (JsonNode pan : pans) {
            JsonNode layers = pan.get("layers");
            walkways = Math.max(walkways, layers.get("walkways").asInt());
            buildings = Math.max(buildings, layers.get("buildings").asInt());
            places = Math.max(places, layers.get("places").asInt());
            truncated += layers.get("truncated").asBoolean() ? 1 : 0;
            for (JsonNode task : pan.get("longTasks")) {
                longTasks += task.asInt() >= 100 ? 1 : 0;
                longest = Math.max(longest, task.asInt());
            }
        }
        System.out.printf(Locale.ROOT, "| %d | %d | %,.0f / %,.0f KB | %,d, %,d, %,d | %d | %.0f / %.0f ms | %.0f / %.0f ms "
                        + "| %.0f / %.0f ms | %d | %d ms |%n", zoom, pans.size(), median(wire) / 1024,
                max(wire) / 1024, walkways, buildings, places, truncated, median(request), max(request),
                median(drawn), max(drawn), median(gaps), max(gaps), longTasks, longest);
    }

    private static double[] values(List<JsonNode> pans, java.util.function.ToDoubleFunction<JsonNode> value) {
        return pans.stream().mapToDouble(value).sorted().toArray();
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static double max(double[] sorted) {
        return sorted[sorted.length - 1];
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
