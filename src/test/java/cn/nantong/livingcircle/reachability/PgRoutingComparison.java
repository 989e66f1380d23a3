package cn.nantong.livingcircle.reachability;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntToLongFunction;

import cn.nantong.livingcircle.analytics.CoverageBenchmark;
import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.NetworkReach;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.engine.WalkingSearch;
import cn.nantong.livingcircle.engine.WalkwayNetwork;
import cn.nantong.livingcircle.network.WalkingProperties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Our in-memory walking engine against PostgreSQL + pgRouting's {@code pgr_drivingDistance} on the same walkway
 * network, same origins, same limit (15 minutes at the adult pace). Driven by {@code scripts/bench-pgrouting.sh};
 * not part of the test run. Two modes:
 *
 * <ul>
 *   <li>{@code engine DATA_DIR ORIGINS OUT_DIR}: builds the network from the dataset's CSVs as the service does
 *       (the service's snapper, island rule included), picks {@code ORIGINS} random junctions (seeded) whose own
 *       coordinates snap onto that junction, so a search from the coordinates and a search from the vertex settle
 *       the same junctions, and times per query: the bounded search alone from the snapped attachment, the
 *       any-point query (snap the coordinates + bounded search) and the any-point query with the places list that
 *       {@code reachable(from: point)} computes. Writes {@code origins.csv} (what pgRouting runs from),
 *       {@code engine-results.csv} (per origin: junctions reached, sum of their vertex ids, farthest and summed
 *       distance), {@code engine-times.csv} (every timed query) and {@code engine.properties}.</li>
 *   <li>{@code report OUT_DIR MARKDOWN}: reads those and the script's {@code pg-results.csv} and {@code meta.properties},
 *       checks per origin that pgRouting reached the same set (count, id sum, farthest and summed distance) and writes
 *       the Markdown report.</li>
 * </ul>
 * Vertex ids are the junction's 1-based line in {@code junctions.csv}; the origins carry the junction's id too, and the
 * database side joins on it.
 */
public final class PgRoutingComparison {

    /** Distances must agree to this (metres): both sides sum the same three-decimal lengths. */
    private static final double TOLERANCE_M = 0.001;

    private PgRoutingComparison() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("engine")) {
            engine(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
        } else if (args.length >= 3 && args[0].equals("report")) {
            report(Path.of(args[1]), Path.of(args[2]));
        } else {
            System.err.println("usage: PgRoutingComparison engine DATA_DIR ORIGINS OUT_DIR | report OUT_DIR MARKDOWN");
            System.exit(2);
        }
    }

    // ------------------------------------------------------------------------------------------------ engine

    private static void engine(Path dir, int origins, Path out) throws Exception {
        long loadStart = System.nanoTime();
        CityNetwork loaded = CoverageBenchmark.load(dir,
                Path.of("neo4j/migrations/V0002__Seed_service_categories.cypher"));
        double maxSnapMeters = walkingDefault("maxSnapMeters");
        double minComponentMeters = walkingDefault("minSnapComponentMeters");
        // the service's snapper: islands shorter than circle.walking.min-snap-component-meters capture no snap
        CityNetwork city = loaded.withWalkways(loaded.network(),
                new SegmentSnapper(loaded.network(), minComponentMeters));
        WalkwayNetwork network = city.network();
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        int limitMm = Pace.ADULT.thresholdMillimetres(15);
        List<String> junctionIds = junctionIds(dir);
        if (junctionIds.size() != network.junctionCount()) {
            throw new IllegalStateException(junctionIds.size() + " junction ids for " + network.junctionCount());
        }

        // Origins: random junctions whose coordinates snap exactly onto themselves (an end of an incident segment).
        // A junction on an island (which the service's snapper passes over), without walkways, or sharing its
        // coordinates with another junction is skipped, so "from the coordinates" and "from the vertex" are one origin.
        Random random = new Random(42);
        List<Integer> picked = new ArrayList<>();
        List<Attachment> attachments = new ArrayList<>();
        boolean[] taken = new boolean[network.junctionCount()];
        int skipped = 0;
        while (picked.size() < origins) {
            if (picked.size() + skipped >= network.junctionCount()) {
                throw new IllegalStateException("only " + picked.size() + " junctions qualify as origins");
            }
            int j = random.nextInt(network.junctionCount());
            if (taken[j]) {
                continue;
            }
            taken[j] = true;
            Attachment at = city.snapper().snap(network.junctionLat(j), network.junctionLon(j), maxSnapMeters)
                    .map(SegmentSnapper.Snap::attachment).orElse(null);
            if (at == null || endJunction(network, at) != j) {
                skipped++;
                continue;
            }
            picked.add(j);
            attachments.add(at);
        }

        WalkingSearch search = new WalkingSearch(network);
        int n = picked.size();
        long[][] results = new long[n][];
        for (int i = 0; i < n; i++) {
            search.run(attachments.get(i), limitMm);
            results[i] = summary(search);
        }
        IntToLongFunction searchAlone = i -> {
            search.run(attachments.get(i), limitMm);
            return summary(search)[0];
        };
        IntToLongFunction anyPoint = i -> {
            int j = picked.get(i);
            Attachment at = city.snapper().snap(network.junctionLat(j), network.junctionLon(j), maxSnapMeters)
                    .orElseThrow().attachment();
            search.run(at, limitMm);
            long[] s = summary(search);
            if (s[0] != results[i][0] || s[2] != results[i][2]) {
                throw new IllegalStateException("any-point differs from the vertex search at origin " + i);
            }
            return s[0];
        };
        IntToLongFunction anyPointPlaces = i -> {
            int j = picked.get(i);
            Attachment at = city.snapper().snap(network.junctionLat(j), network.junctionLon(j), maxSnapMeters)
                    .orElseThrow().attachment();
            return NetworkReach.placesWithin(city, at, limitMm, place -> true).size();
        };
        Map<String, IntToLongFunction> variants = new LinkedHashMap<>();
        variants.put("ours_search", searchAlone);
        variants.put("ours_anypoint", anyPoint);
        variants.put("ours_anypoint_places", anyPointPlaces);

        // settle the heap after parsing the CSVs, so no collection of the load's garbage falls in the timed rounds
        System.gc();
        Thread.sleep(200);
        int warmups = 3;
        int rounds = 5;
        long places = 0;
        for (int w = 0; w < warmups; w++) {
            for (IntToLongFunction v : variants.values()) {
                for (int i = 0; i < n; i++) {
                    places += v.applyAsLong(i);
                }
            }
        }
        StringBuilder times = new StringBuilder("variant,round,ord,ms\n");
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, IntToLongFunction> v : variants.entrySet()) {
                for (int i = 0; i < n; i++) {
                    long start = System.nanoTime();
                    places += v.getValue().applyAsLong(i);
                    long nanos = System.nanoTime() - start;
                    times.append(v.getKey()).append(',').append(round).append(',').append(i + 1).append(',')
                            .append(String.format(Locale.ROOT, "%.6f", nanos / 1e6)).append('\n');
                }
            }
        }

        Files.createDirectories(out);
        StringBuilder originsCsv = new StringBuilder("ord,vid,junction_id,lat,lon\n");
        StringBuilder resultsCsv = new StringBuilder("ord,vid,reached,vid_sum,max_m,sum_m\n");
        for (int i = 0; i < n; i++) {
            int j = picked.get(i);
            originsCsv.append(i + 1).append(',').append(j + 1).append(',').append(junctionIds.get(j)).append(',')
                    .append(network.junctionLat(j)).append(',').append(network.junctionLon(j)).append('\n');
            resultsCsv.append(i + 1).append(',').append(j + 1).append(',').append(results[i][0]).append(',')
                    .append(results[i][1]).append(',').append(mm(results[i][2])).append(',')
                    .append(mm(results[i][3])).append('\n');
        }
        Files.writeString(out.resolve("origins.csv"), originsCsv);
        Files.writeString(out.resolve("engine-results.csv"), resultsCsv);
        Files.writeString(out.resolve("engine-times.csv"), times);
        double meanPlaces = 0;
        for (int i = 0; i < n; i++) {
            meanPlaces += anyPointPlaces.applyAsLong(i);
        }
        meanPlaces /= n;
        String props = String.format(Locale.ROOT, """
                limitMillimetres=%d
                limitMeters=%s
                origins=%d
                skippedCandidates=%d
                junctions=%d
                segments=%d
                places=%d
                loadMillis=%d
                warmupRounds=%d
                timedRounds=%d
                maxSnapMeters=%s
                minSnapComponentMeters=%s
                meanPlacesReached=%.1f
                checksum=%d
                javaVersion=%s
                """, limitMm, mm(limitMm), n, skipped, network.junctionCount(), network.segmentCount(),
                city.placeCount(), loadMillis, warmups, rounds, maxSnapMeters, minComponentMeters, meanPlaces, places,
                System.getProperty("java.version"));
        Files.writeString(out.resolve("engine.properties"), props);
        System.out.printf(Locale.ROOT, "engine: %,d junctions, %,d segments, %d origins (%d candidates skipped), "
                + "limit %s m; timings in %s%n", network.junctionCount(), network.segmentCount(), n, skipped,
                mm(limitMm), out.resolve("engine-times.csv"));
    }

    /** The junction an attachment sits on (offset 0 or the full length), or -1 if it lies inside its segment. */
    private static int endJunction(WalkwayNetwork network, Attachment at) {
        if (at.offsetMillimetres() == 0) {
            return network.segmentFrom(at.segment());
        }
        if (at.offsetMillimetres() == network.segmentMillimetres(at.segment())) {
            return network.segmentTo(at.segment());
        }
        return -1;
    }

    /** Junctions settled, sum of their 1-based vertex ids, farthest and summed distance (mm). */
    private static long[] summary(WalkingSearch search) {
        long count = search.settledCount();
        long idSum = 0;
        long max = 0;
        long sum = 0;
        for (int k = 0; k < count; k++) {
            int j = search.settledJunction(k);
            int d = search.junctionDistance(j);
            idSum += j + 1;
            max = Math.max(max, d);
            sum += d;
        }
        return new long[] {count, idSum, max, sum};
    }

    private static String mm(long millimetres) {
        return String.format(Locale.ROOT, "%.3f", millimetres / 1000.0);
    }

    /** A {@code circle.walking.*} default, read from {@link WalkingProperties}' own {@code @DefaultValue}. */
    private static double walkingDefault(String component) {
        Constructor<?> canonical = WalkingProperties.class.getDeclaredConstructors()[0];
        Parameter[] parameters = canonical.getParameters();
        var components = WalkingProperties.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(component)) {
                DefaultValue value = parameters[i].getAnnotation(DefaultValue.class);
                if (value == null) {
                    value = components[i].getAnnotation(DefaultValue.class);
                }
                return Double.parseDouble(value.value()[0]);
            }
        }
        throw new IllegalArgumentException(component);
    }

    private static List<String> junctionIds(Path dir) throws IOException {
        List<String> ids = new ArrayList<>();
        for (CSVRecord r : rows(dir.resolve("junctions.csv"))) {
            ids.add(r.get("id"));
        }
        return ids;
    }

    private static List<CSVRecord> rows(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    // ------------------------------------------------------------------------------------------------ report

    private record Result(long reached, long idSum, double maxM, double sumM) {
    }

    private static Map<Integer, Result> results(Path file, String variant) throws IOException {
        Map<Integer, Result> map = new TreeMap<>();
        for (CSVRecord r : rows(file)) {
            if (variant != null && !r.get("variant").equals(variant)) {
                continue;
            }
            if (r.isMapped("round") && !r.get("round").equals("1")) {
                continue;
            }
            map.put(Integer.parseInt(r.get("ord")), new Result(Long.parseLong(r.get("reached")),
                    Long.parseLong(r.get("vid_sum")), Double.parseDouble(r.get("max_m")),
                    Double.parseDouble(r.get("sum_m"))));
        }
        return map;
    }

    private static Map<String, List<Double>> times(Path file) throws IOException {
        Map<String, List<Double>> map = new LinkedHashMap<>();
        for (CSVRecord r : rows(file)) {
            map.computeIfAbsent(r.get("variant"), k -> new ArrayList<>()).add(Double.parseDouble(r.get("ms")));
        }
        return map;
    }

    private record Stats(int samples, double median, double mean, double p90) {
        static Stats of(List<Double> ms) {
            double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new Stats(n, median, Arrays.stream(sorted).average().orElse(0),
                    sorted[Math.max(0, (int) Math.ceil(0.9 * n) - 1)]);
        }
    }

    private static Map<String, String> properties(Path file) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return map;
    }

    private static void report(Path dir, Path markdown) throws IOException {
        Map<String, String> engine = properties(dir.resolve("engine.properties"));
        Map<String, String> meta = properties(dir.resolve("meta.properties"));
        Map<String, List<Double>> times = new LinkedHashMap<>(times(dir.resolve("engine-times.csv")));
        times.putAll(times(dir.resolve("pg-times.csv")));
        Map<Integer, Result> ours = results(dir.resolve("engine-results.csv"), null);
        String bbox = meta.get("bboxMeters");
        String limit = String.format(Locale.ROOT, "%,.0f m", Double.parseDouble(engine.get("limitMeters")));

        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("ours_search", "ours: bounded search alone, from the snapped vertex");
        labels.put("ours_anypoint", "**ours: any-point (snap the coordinates + bounded search)**");
        labels.put("ours_anypoint_places", "ours: any-point + every place reached, sorted (`reachable(from: point)`)");
        labels.put("pg_whole", "pgRouting (a): edge SQL over the whole table (the documented way), from the vertex id");
        labels.put("pg_bbox", "pgRouting (b): edge SQL in a ±" + bbox + " m box (`geom && ST_Expand`), from the vertex id");
        labels.put("pg_point", "pgRouting (c): as (b), from the coordinates (KNN nearest vertex, `<->`)");
        labels.put("sql_whole", "&nbsp;&nbsp;of (a): the edge SQL alone, whole table (`count(*)`)");
        labels.put("sql_bbox", "&nbsp;&nbsp;of (b): the edge SQL alone, in the box (`count(*)`)");

        Stats reference = Stats.of(times.get("ours_anypoint"));
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, """
                pgRouting comparison on %s, %s, commit %s

                - machine: %s cores (nproc), %s; %s; load average (1, 5, 15 min) %s
                - PostgreSQL %s; pgRouting %s (Boost %s); PostGIS %s; private cluster, %s
                - dataset `%s`: %,d junctions, %,d walkway segments (undirected; %,d edges in PostgreSQL), %,d places
                - limit %s (15 min at %s m/min, the adult 5 km/h; `Pace.ADULT.thresholdMillimetres(15)` = %s mm), \
                undirected (`directed => false`), %s origins: random junctions (seed 42) whose own coordinates snap onto \
                them with the service's snapper (%s candidates skipped: islands, no walkway, shared coordinates)
                - ours: in-process, single thread, %s warm-up rounds then %s timed rounds over all origins; \
                pgRouting: each query timed inside the server (`clock_timestamp()` around a dynamic `EXECUTE` in \
                PL/pgSQL, so the client round trip is not counted), %s warm-up round(s) then %s timed round(s) for (b), \
                (c) and the box SQL alone, %s warm-up origins then %s timed round(s) for (a) and the whole-table SQL

                """,
                meta.get("dataName"), meta.get("date"), meta.get("commit"),
                meta.get("nproc"), meta.get("cpu"), meta.get("java"), meta.get("loadAverages"),
                meta.get("postgres"), meta.get("pgrouting"), meta.get("boost"), meta.get("postgis"),
                meta.get("pgSettings"),
                meta.get("dataDir"), Long.parseLong(engine.get("junctions")), Long.parseLong(engine.get("segments")),
                Long.parseLong(meta.get("pgEdges")), Long.parseLong(engine.get("places")),
                limit, String.format(Locale.ROOT, "%.2f", Pace.ADULT.metersPerMinute()),
                engine.get("limitMillimetres"), engine.get("origins"), engine.get("skippedCandidates"),
                engine.get("warmupRounds"), engine.get("timedRounds"),
                meta.get("pgWarmupRounds"), meta.get("pgRounds"), meta.get("pgWholeWarmup"),
                meta.get("pgWholeRounds")));
        md.append("| query, ").append(limit).append(" | timed queries | median | mean | p90 |"
                + " pgRouting ÷ ours any-point (median / mean) |\n|---|---:|---:|---:|---:|---:|\n");
        double weakestRatio = Double.MAX_VALUE;
        String weakest = null;
        for (Map.Entry<String, String> label : labels.entrySet()) {
            List<Double> samples = times.get(label.getKey());
            if (samples == null) {
                continue;
            }
            Stats s = Stats.of(samples);
            String ratio = "";
            if (label.getKey().startsWith("pg_")) {
                double byMedian = s.median() / reference.median();
                double byMean = s.mean() / reference.mean();
                ratio = String.format(Locale.ROOT, "**%s / %s**", fold(byMedian), fold(byMean));
                if (Math.min(byMedian, byMean) < weakestRatio) {
                    weakestRatio = Math.min(byMedian, byMean);
                    weakest = label.getKey();
                }
            }
            md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s |\n", label.getValue(), s.samples(),
                    ms(s.median()), ms(s.mean()), ms(s.p90()), ratio));
        }
        md.append(String.format(Locale.ROOT, """

                Goal "any-point reachability per query >= 20x faster than pgr_drivingDistance": the closest \
                pgRouting variant is %s at %s (the smaller of its median and mean ratios): **%s**.
                Client-observed cross-check (pgbench, 1 client, prepared, random origins of the same set, %s s each, \
                latency average including the round trip over the Unix socket): %s.
                Mean edges the box of (b) hands to pgRouting: %s of %,d; mean junctions reached: %s; mean places \
                reached by ours: %s.

                """, weakest == null ? "none" : weakest.substring(3), fold(weakestRatio),
                weakestRatio >= 20 ? "met" : "missed", meta.get("pgbenchSeconds"), meta.get("pgbench"),
                meta.get("bboxMeanEdges"), Long.parseLong(meta.get("pgEdges")),
                String.format(Locale.ROOT, "%.1f", ours.values().stream().mapToLong(Result::reached).average().orElse(0)),
                engine.get("meanPlacesReached")));

        md.append("Agreement (per origin: junctions reached, the sum of their vertex ids, the farthest and the summed "
                + "distance, to " + TOLERANCE_M + " m):\n\n| pgRouting variant | origins agreeing | largest |Δ farthest| |"
                + " largest |Δ count| |\n|---|---:|---:|---:|\n");
        Path pgResults = dir.resolve("pg-results.csv");
        List<Integer> sample = new ArrayList<>(ours.keySet()).subList(0, Math.min(3, ours.size()));
        Map<String, Map<Integer, Result>> theirs = new LinkedHashMap<>();
        for (String v : List.of("pg_whole", "pg_bbox", "pg_point")) {
            Map<Integer, Result> r = results(pgResults, v);
            if (r.isEmpty()) {
                continue;
            }
            theirs.put(v, r);
            int agree = 0;
            double worstMax = 0;
            long worstCount = 0;
            for (Map.Entry<Integer, Result> o : ours.entrySet()) {
                Result t = r.get(o.getKey());
                if (t == null) {
                    continue;
                }
                Result u = o.getValue();
                worstMax = Math.max(worstMax, Math.abs(u.maxM() - t.maxM()));
                worstCount = Math.max(worstCount, Math.abs(u.reached() - t.reached()));
                if (u.reached() == t.reached() && u.idSum() == t.idSum() && Math.abs(u.maxM() - t.maxM()) <= TOLERANCE_M
                        && Math.abs(u.sumM() - t.sumM()) <= TOLERANCE_M * Math.max(1, u.reached())) {
                    agree++;
                }
            }
            md.append(String.format(Locale.ROOT, "| %s | %d / %d | %.4f m | %d |\n", v.substring(3), agree, ours.size(),
                    worstMax, worstCount));
        }
        md.append("\n| origin (vertex) | ours: reached / farthest | ");
        md.append(String.join(" | ", theirs.keySet().stream().map(v -> v.substring(3) + ": reached / farthest").toList()));
        md.append(" |\n|---|---:|").append("---:|".repeat(theirs.size())).append('\n');
        List<CSVRecord> origins = rows(dir.resolve("origins.csv"));
        for (int ord : sample) {
            Result u = ours.get(ord);
            md.append(String.format(Locale.ROOT, "| %s (%s) | %d / %.3f m |", origins.get(ord - 1).get("junction_id"),
                    origins.get(ord - 1).get("vid"), u.reached(), u.maxM()));
            for (Map<Integer, Result> r : theirs.values()) {
                Result t = r.get(ord);
                md.append(t == null ? " — |" : String.format(Locale.ROOT, " %d / %.3f m |", t.reached(), t.maxM()));
            }
            md.append('\n');
        }
        Files.createDirectories(markdown.toAbsolutePath().getParent());
        Files.writeString(markdown, md);
        System.out.print(md);
    }

    private static String ms(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.1f ms", ms)
                : ms >= 1 ? String.format(Locale.ROOT, "%.2f ms", ms) : String.format(Locale.ROOT, "%.3f ms", ms);
    }

    private static String fold(double ratio) {
        return ratio >= 100 ? String.format(Locale.ROOT, "%,.0f×", ratio) : String.format(Locale.ROOT, "%.1f×", ratio);
    }
}
