package cn.nantong.livingcircle.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.WalkingEdges;
import cn.nantong.livingcircle.network.WalkingProperties;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The two walking-edge designs side by side on one dataset (the performance issue's "every place within the horizon
 * vs nearest-k per category"): how many {@code WALKS_TO} edges each stores, what they cost to write at a measured
 * write rate, and which questions the stored edges still answer exactly. Computes the full lists with the same engine
 * and settings as an import ({@link PreparedDataset#prepare}), then counts, for every building and category, the k
 * nearest places; nothing is written. Not part of the test run:
 *
 * <pre>scripts/run-bench-class.sh cn.nantong.livingcircle.importer.WalkingEdgeDesignBenchmark [DATA_DIR [EDGES_PER_S]]</pre>
 *
 * DATA_DIR defaults to {@code target/city-data} ({@code scripts/generate-data.sh city}); EDGES_PER_S, the write rate
 * the write times are computed from, to the README's two-writer city figure.
 */
public final class WalkingEdgeDesignBenchmark {

    private static final int[] KS = {1, 3, 5, 10};
    private static final Pattern CATEGORY = Pattern.compile("code: '([a-z_]+)'.*?targetMinutes: (\\d+)");

    private WalkingEdgeDesignBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "target/city-data").toAbsolutePath();
        double edgesPerSecond = args.length > 1 ? Double.parseDouble(args[1]) : 175_144;
        // the catalogue as the database gets it: its seed migration is the one place the targets are written down
        Map<String, Integer> targetMinutes = new HashMap<>();
        Matcher m = CATEGORY.matcher(Files.readString(Path.of("neo4j/migrations/V0002__Seed_service_categories.cypher")));
        while (m.find()) {
            targetMinutes.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        WalkingProperties walking = new WalkingProperties(20, 500, 3000);

        long start = System.nanoTime();
        CsvDataset dataset = CsvDataset.read(new DefaultResourceLoader(), data.toUri().toString(), targetMinutes.keySet());
        long read = System.nanoTime();
        PreparedDataset prepared = PreparedDataset.prepare(dataset, walking);
        long computed = System.nanoTime();
        WalkingEdges edges = prepared.edges();

        List<String> codes = new ArrayList<>(targetMinutes.keySet());
        codes.sort(null);
        Map<String, Integer> codeIndex = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            codeIndex.put(codes.get(i), i);
        }
        int outlets = dataset.outlets().size();
        int placeCount = outlets + dataset.facilities().size();
        int[] placeCategory = new int[placeCount];
        for (int p = 0; p < placeCount; p++) {
            placeCategory[p] = codeIndex.get(p < outlets ? dataset.outlets().get(p).category()
                    : dataset.facilities().get(p - outlets).category());
        }
        int[] targetLimit = new int[codes.size()];
        for (int c = 0; c < codes.size(); c++) {
            targetLimit[c] = Millimetres.limit(Pace.ADULT.meters(targetMinutes.get(codes.get(c))));
        }

        int buildings = edges.first().length - 1;
        long all = edges.count();
        long[] nearestK = new long[KS.length];
        long withinTarget = 0;
        long nearestWithinTarget = 0;
        int[][] perCategory = new int[codes.size()][];
        int[] fill = new int[codes.size()];
        long kStart = System.nanoTime();
        for (int b = 0; b < buildings; b++) {
            Arrays.fill(fill, 0);
            for (int e = edges.first()[b]; e < edges.first()[b + 1]; e++) {
                int c = placeCategory[edges.place()[e]];
                if (perCategory[c] == null || perCategory[c].length == fill[c]) {
                    perCategory[c] = Arrays.copyOf(perCategory[c] == null ? new int[8] : perCategory[c],
                            Math.max(8, fill[c] * 2));
                }
                perCategory[c][fill[c]++] = edges.millimetres()[e];
            }
            for (int c = 0; c < codes.size(); c++) {
                int n = fill[c];
                if (n == 0) {
                    continue;
                }
                Arrays.sort(perCategory[c], 0, n);
                for (int k = 0; k < KS.length; k++) {
                    nearestK[k] += Math.min(KS[k], n);
                }
                if (perCategory[c][0] <= targetLimit[c]) {
                    nearestWithinTarget++;
                    for (int i = 0; i < n && perCategory[c][i] <= targetLimit[c]; i++) {
                        withinTarget++;
                    }
                }
            }
        }
        long kDone = System.nanoTime();

        System.out.printf(Locale.ROOT, "%s: %,d buildings, %,d places, %,d junctions; %d categories; horizon %d min%n",
                data.getFileName(), buildings, placeCount, dataset.junctions().size(), codes.size(),
                walking.horizonMinutes());
        System.out.printf(Locale.ROOT, "read %.1f s, full lists computed in %.1f s, nearest-k counted in %.2f s; "
                        + "write times at %,.0f edges/s%n%n", (read - start) / 1e9, (computed - read) / 1e9,
                (kDone - kStart) / 1e9, edgesPerSecond);
        System.out.println("| stored edges | edges | per building | write time at that rate | (building, place) pairs "
                + "within the horizon kept | exact for |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        row("every place within the horizon (today)", all, buildings, edgesPerSecond, all,
                "everything: reachable lists, gaps, coverage, downloads, Cypher users");
        for (int k = 0; k < KS.length; k++) {
            row("nearest " + KS[k] + " per category", nearestK[k], buildings, edgesPerSecond, all,
                    KS[k] == 1 ? "gaps, coverage and completeness (has a place of the category within its target)"
                            : "gaps, coverage, \"the " + KS[k] + " nearest of a category\"");
        }
        row("every place within its category's target minutes", withinTarget, buildings, edgesPerSecond, all,
                "gaps, coverage, \"which places meet the target\"");
        row("nearest 1 per category, only when within its target", nearestWithinTarget, buildings, edgesPerSecond, all,
                "gaps, coverage (a yes/no per building and category)");
        System.out.printf(Locale.ROOT, "%n(building, category) pairs with a place within the target: %,d of %,d%n",
                nearestWithinTarget, (long) buildings * codes.size());
    }

    private static void row(String design, long edges, int buildings, double edgesPerSecond, long all, String exact) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f s | %.1f %% | %s |%n", design, edges,
                (double) edges / buildings, edges / edgesPerSecond, 100.0 * edges / all, exact);
    }
}
