package cn.nantong.livingcircle.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load generator for any deployment of the API: real GraphQL requests over HTTP (the JDK's HttpClient) in the mix of
 * {@link LoadMix}, origins fetched from the target itself ({@link LoadTargets}). Run it with {@code scripts/load.sh};
 * the options are documented there.
 *
 * <p>Two models. Closed ({@code --rate 0}): {@code --concurrency} clients, each sending its next request when the
 * last is answered, which measures the most the target serves. Open ({@code --rate R}): request {@code i} is due at
 * {@code start + i / R} whatever happened before, and its latency is counted from when it was due, not from when a
 * client got round to sending it: a stall of the server shows as the latency of every request due during it
 * (no coordinated omission). At most {@code --concurrency} requests are in flight; when all of them are, the next
 * due requests wait, and that wait is in their latency.
 */
final class LoadGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MAX_TRACKED_NANOS = TimeUnit.MINUTES.toNanos(5);

    record Options(URI url, String apiKey, int concurrency, int seconds, double rate, int warmupSeconds, long seed,
            int points, Duration timeout, Path summary) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("url", "http://127.0.0.1:8080/graphql");
            values.put("api-key", System.getenv().getOrDefault("LOAD_API_KEY", ""));
            values.put("concurrency", "");
            values.put("duration", "60");
            values.put("rate", "0");
            values.put("warmup", "10");
            values.put("seed", "1");
            values.put("points", "500");
            values.put("timeout", "30");
            values.put("summary", "");
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--") || !values.containsKey(arg.substring(2).split("=", 2)[0])) {
                    throw new IllegalArgumentException("unknown option " + arg + "; options: " + values.keySet());
                }
                String[] parts = arg.substring(2).split("=", 2);
                if (parts.length == 2) {
                    values.put(parts[0], parts[1]);
                }
                else if (i + 1 < args.length) {
                    values.put(parts[0], args[++i]);
                }
                else {
                    throw new IllegalArgumentException("option " + arg + " needs a value");
                }
            }
            URI url = URI.create(values.get("url"));
            if (url.getPath() == null || url.getPath().isEmpty() || url.getPath().equals("/")) {
                url = url.resolve("/graphql");
            }
            double rate = Double.parseDouble(values.get("rate"));
            String concurrency = values.get("concurrency");
            // an open model needs enough clients to keep sending while the server is slow
            int clients = concurrency.isEmpty() ? (rate > 0 ? 64 : 4) : Integer.parseInt(concurrency);
            String summary = values.get("summary");
            return new Options(url, values.get("api-key").strip(), clients, Integer.parseInt(values.get("duration")),
                    rate, Integer.parseInt(values.get("warmup")), Long.parseLong(values.get("seed")),
                    Integer.parseInt(values.get("points")), Duration.ofSeconds(Long.parseLong(values.get("timeout"))),
                    summary.isEmpty() ? null : Path.of(summary));
        }
    }

    /** What one phase measured. */
    record Result(long requests, double seconds, Map<String, Long> errors, Map<String, String> errorExamples,
            Histogram latency, Map<LoadMix.Kind, Histogram> latencyByKind, Map<LoadMix.Kind, Long> countByKind) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        double throughput() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        LoadGenerator generator = new LoadGenerator(http, options);
        TargetInfo target = generator.fetchTargets();
        LoadMix mix = new LoadMix(target.targets(), options.seed());
        System.out.printf(Locale.ROOT, "target %s: dataset %s (version %s), %d buildings, %d communities, "
                        + "%d categories, %d origin points; %s, %d clients, %d s after %d s warm-up, seed %d%n",
                options.url(), target.datasetId(), target.version(), target.targets().buildingIds().size(),
                target.targets().communityIds().size(), target.targets().categoryCodes().size(),
                target.targets().points().size(),
                options.rate() > 0 ? String.format(Locale.ROOT, "open model at %.1f requests/s", options.rate())
                        : "closed model", options.concurrency(), options.seconds(), options.warmupSeconds(),
                options.seed());
        if (options.warmupSeconds() > 0) {
            generator.run(mix, true, options.warmupSeconds());
        }
        Result result = generator.run(mix, false, options.seconds());
        String report = report(options, result);
        System.out.print(report);
        if (options.summary() != null) {
            Files.createDirectories(options.summary().toAbsolutePath().getParent());
            Files.writeString(options.summary(), summary(options, target, result));
        }
    }

    record TargetInfo(String datasetId, String version, LoadTargets targets) {
    }

    private final HttpClient http;
    private final Options options;

    LoadGenerator(HttpClient http, Options options) {
        this.http = http;
        this.options = options;
    }

    /** Origins and ids from the target's own API; a refused setup request stops the run with its answer. */
    TargetInfo fetchTargets() throws IOException, InterruptedException {
        JsonNode dataset = data(LoadMix.document("setup-dataset"), Map.of());
        List<String> categories = new ArrayList<>();
        dataset.path("categories").forEach(c -> categories.add(c.path("code").asString()));
        List<double[]> outline = new ArrayList<>();
        dataset.path("dataset").path("extent").path("outline").path("coordinates").path(0)
                .forEach(p -> outline.add(new double[] {p.path(0).asDouble(), p.path(1).asDouble()}));
        List<String> buildings = new ArrayList<>();
        List<double[]> entrances = new ArrayList<>();
        pages(LoadMix.document("setup-buildings"), "buildings", node -> {
            buildings.add(node.path("id").asString());
            entrances.add(new double[] {node.path("location").path("lat").asDouble(),
                    node.path("location").path("lon").asDouble()});
        });
        List<String> communities = new ArrayList<>();
        pages(LoadMix.document("setup-communities"), "communities", node -> communities.add(node.path("id").asString()));
        List<double[]> points = LoadTargets.pointsInside(outline, entrances, 250, options.points(), options.seed());
        return new TargetInfo(dataset.path("dataset").path("id").asString(),
                dataset.path("dataset").path("version").asString(),
                new LoadTargets(buildings, communities, categories, points));
    }

    private void pages(String document, String field, java.util.function.Consumer<JsonNode> each)
            throws IOException, InterruptedException {
        String after = null;
        do {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("after", after);
            JsonNode page = data(document, variables).path(field);
            page.path("edges").forEach(edge -> each.accept(edge.path("node")));
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor").asString()
                    : null;
        } while (after != null);
    }

    private JsonNode data(String document, Map<String, Object> variables) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        HttpResponse<String> response = send(JSON.writeValueAsString(body));
        JsonNode answer = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        if (answer == null || answer.has("errors")) {
            throw new IllegalStateException("setup request refused: HTTP " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return answer.path("data");
    }

    private HttpResponse<String> send(String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(options.url()).timeout(options.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!options.apiKey().isEmpty()) {
            request.header("Authorization", "Bearer " + options.apiKey());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * One phase of {@code seconds}. The measured phase sends requests 0, 1, 2... of the sequence; the warm-up
     * requests -1, -2, ..., so the measured requests are the same however many the warm-up got through.
     */
    Result run(LoadMix mix, boolean warmup, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        double interval = options.rate() > 0 ? 1e9 / options.rate() : 0;
        AtomicLong tickets = new AtomicLong();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        Map<String, String> examples = new ConcurrentHashMap<>();
        List<Worker> workers = new ArrayList<>();
        for (int c = 0; c < options.concurrency(); c++) {
            Worker worker = new Worker(() -> {
                Worker self = (Worker) Thread.currentThread();
                while (true) {
                    long ticket = tickets.getAndIncrement();
                    long due;
                    if (interval > 0) {
                        due = start + (long) (ticket * interval);
                        if (due >= deadline) {
                            return;
                        }
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    else {
                        due = System.nanoTime();
                        if (due >= deadline) {
                            return;
                        }
                    }
                    LoadMix.Request request = mix.request(warmup ? -ticket - 1 : ticket);
                    String error = null;
                    String example = null;
                    try {
                        HttpResponse<String> response = send(request.body());
                        error = classify(response);
                        if (error != null) {
                            example = request.kind() + ": " + response.body()
                                    .substring(0, Math.min(300, response.body().length()));
                        }
                    }
                    catch (IOException ex) {
                        error = "IO " + ex.getClass().getSimpleName();
                        example = request.kind() + ": " + ex.getMessage();
                    }
                    catch (InterruptedException ex) {
                        return;
                    }
                    long done = System.nanoTime();
                    self.record(request.kind(), done - due, done);
                    if (error != null) {
                        errors.computeIfAbsent(error, e -> new LongAdder()).increment();
                        examples.putIfAbsent(error, example);
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        Histogram all = new Histogram(MAX_TRACKED_NANOS, 3);
        Map<LoadMix.Kind, Histogram> byKind = new EnumMap<>(LoadMix.Kind.class);
        Map<LoadMix.Kind, Long> counts = new EnumMap<>(LoadMix.Kind.class);
        long last = start;
        for (Worker worker : workers) {
            worker.join();
            all.add(worker.all);
            worker.byKind.forEach((kind, h) -> {
                byKind.computeIfAbsent(kind, k -> new Histogram(MAX_TRACKED_NANOS, 3)).add(h);
                counts.merge(kind, h.getTotalCount(), Long::sum);
            });
            last = Math.max(last, worker.lastDone);
        }
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((code, n) -> errorCounts.put(code, n.sum()));
        return new Result(all.getTotalCount(), (Math.max(last, deadline) - start) / 1e9, errorCounts,
                new TreeMap<>(examples), all, byKind, counts);
    }

    /** Null for a successful GraphQL answer; else {@code extensions.code} of the first error and the HTTP status. */
    static String classify(HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (status == 200 && !body.contains("\"errors\"")) {
            return null;
        }
        String code = "-";
        try {
            JsonNode answer = JSON.readTree(body);
            JsonNode errors = answer.path("errors");
            if (status == 200 && (!errors.isArray() || errors.isEmpty())) {
                return null;
            }
            code = errors.path(0).path("extensions").path("code").asString("-");
            if (code.isEmpty()) {
                code = "-";
            }
        }
        catch (RuntimeException ex) {
            code = "(not JSON)";
        }
        return code + " (HTTP " + status + ")";
    }

    private static final class Worker extends Thread {

        final Histogram all = new Histogram(MAX_TRACKED_NANOS, 3);
        final Map<LoadMix.Kind, Histogram> byKind = new EnumMap<>(LoadMix.Kind.class);
        long lastDone;

        Worker(Runnable body) {
            super(body, "load-client");
            setDaemon(true);
        }

        void record(LoadMix.Kind kind, long nanos, long done) {
            long value = Math.min(Math.max(1, nanos), MAX_TRACKED_NANOS);
            all.recordValue(value);
            byKind.computeIfAbsent(kind, k -> new Histogram(MAX_TRACKED_NANOS, 3)).recordValue(value);
            lastDone = done;
        }
    }

    static String report(Options options, Result result) {
        StringBuilder out = new StringBuilder();
        Histogram h = result.latency();
        out.append(String.format(Locale.ROOT, "%d requests in %.1f s: %.1f requests/s, %d errors%n",
                result.requests(), result.seconds(), result.throughput(), result.errorCount()));
        out.append(String.format(Locale.ROOT, "latency%s: p50 %s  p90 %s  p99 %s  max %s%n",
                options.rate() > 0 ? " (from when each request was due)" : "", ms(h, 50), ms(h, 90), ms(h, 99),
                ms(h, 100)));
        for (Map.Entry<LoadMix.Kind, Histogram> kind : result.latencyByKind().entrySet()) {
            Histogram k = kind.getValue();
            out.append(String.format(Locale.ROOT, "  %-24s %6d (%4.1f %%)  p50 %s  p99 %s  max %s%n",
                    kind.getKey().name().toLowerCase(Locale.ROOT), k.getTotalCount(),
                    100.0 * k.getTotalCount() / Math.max(1, result.requests()), ms(k, 50), ms(k, 99), ms(k, 100)));
        }
        result.errors().forEach((code, n) -> out.append(String.format(Locale.ROOT, "  error %s: %d, e.g. %s%n", code,
                n, result.errorExamples().get(code))));
        return out.toString();
    }

    /** {@code key=value} lines for the scripts (scripts/soak.sh reads them). */
    static String summary(Options options, TargetInfo target, Result result) {
        Histogram h = result.latency();
        StringBuilder errors = new StringBuilder();
        result.errors().forEach((code, n) -> errors.append(errors.isEmpty() ? "" : "; ").append(code).append(": ").append(n));
        return String.format(Locale.ROOT, """
                dataset=%s
                model=%s
                rate=%.1f
                concurrency=%d
                seconds=%.1f
                requests=%d
                throughput=%.1f
                errors=%d
                errors_by_code=%s
                p50_ms=%.2f
                p90_ms=%.2f
                p99_ms=%.2f
                max_ms=%.2f
                """, target.datasetId(), options.rate() > 0 ? "open" : "closed", options.rate(),
                options.concurrency(), result.seconds(), result.requests(), result.throughput(), result.errorCount(),
                errors.isEmpty() ? "none" : errors, millis(h, 50), millis(h, 90), millis(h, 99), millis(h, 100));
    }

    private static double millis(Histogram h, double percentile) {
        long nanos = percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
        return nanos / 1e6;
    }

    private static String ms(Histogram h, double percentile) {
        return String.format(Locale.ROOT, "%.2f ms", millis(h, percentile));
    }
}
