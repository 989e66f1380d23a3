package cn.nantong.livingcircle.analytics;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.PlaceLocator;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.engine.WalkwayNetwork;
import cn.nantong.livingcircle.engine.coverage.CoverageAnalysis.Target;
import cn.nantong.livingcircle.engine.coverage.CoverageAnalysis;
import cn.nantong.livingcircle.engine.coverage.CoverageIndex;
import cn.nantong.livingcircle.engine.coverage.CoverageMath;
import cn.nantong.livingcircle.engine.coverage.SiteSelector;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * City-scale benchmark of the analytics (not a test: run it with {@code scripts/bench-analytics.sh}). Builds a
 * {@link CityNetwork} straight from the generated CSVs (walkway engine + snapper, no database, no WALKS_TO), then
 * times: every category's nearest-place distances for every building (one multi-source search per category),
 * {@code coverage} for every community, {@code gaps} for every basic category city-wide, and one city-wide
 * {@code siteSuggestions}. Prints times and peak heap.
 *
 * <p>The CSVs are read here with commons-csv rather than the importer's {@code CsvDataset}, which is private to
 * the importer package; the columns are those of {@code neo4j/data/nantong-demo/README.md}.
 */
public final class CoverageBenchmark {

    private static final Pattern CATEGORY = Pattern.compile(
            "code: '(\\w+)'.*?tier: '(\\w+)'.*?targetMinutes: (\\d+)");

    private CoverageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/city-data");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        CityNetwork city = load(dir, Path.of("neo4j/migrations/V0002__Seed_service_categories.cypher"));
        long t1 = System.nanoTime();
        System.out.printf("network: %,d junctions, %,d segments, %,d buildings, %,d places, %,d communities; "
                        + "built from CSV in %,d ms%n", city.network().junctionCount(), city.network().segmentCount(),
                city.buildingCount(), city.placeCount(), city.communityIds().length, (t1 - t0) / 1_000_000);
        List<Target> targets = CoverageBenchmark.targets;

        for (int round = 1; round <= 3; round++) {
            CoverageIndex index = new CoverageIndex(city);
            long a = System.nanoTime();
            index.computeAll(threads);
            long b = System.nanoTime();
            double completenessSum = 0;
            for (int c = 0; c < city.communityIds().length; c++) {
                completenessSum += CoverageAnalysis.coverage(index, index.buildingsOf(c), Pace.ADULT, targets)
                        .completeness();
            }
            long c = System.nanoTime();
            int gapBuildings = 0;
            int[] all = index.allBuildings();
            for (Target t : targets) {
                if (t.basic()) {
                    gapBuildings += CoverageAnalysis.gaps(all, index.nearestMillimetres(t.category()),
                            CoverageMath.thresholdMillimetres(t.minutes(), Pace.ADULT)).length;
                }
            }
            long d = System.nanoTime();
            int pharmacy = city.categoryIndex().get("pharmacy");
            List<SiteSelector.Site> sites = CoverageAnalysis.sites(index, pharmacy, all,
                    CoverageMath.thresholdMillimetres(8, Pace.ADULT), 20);
            long e = System.nanoTime();
            System.out.printf("round %d (%d threads): nearest distances for %d categories x %,d buildings %,d ms; "
                            + "coverage of %,d communities %,d ms (mean completeness %.2f); gaps for %d basic "
                            + "categories %,d ms (%,d building-category gaps); whole-city coverage total %,d ms; "
                            + "20 city-wide pharmacy sites %,d ms (first gains %,d residents)%n",
                    round, threads, city.categoryCodes().length, city.buildingCount(), (b - a) / 1_000_000,
                    city.communityIds().length, (c - b) / 1_000_000, completenessSum / city.communityIds().length,
                    targets.stream().filter(Target::basic).count(), (d - c) / 1_000_000, gapBuildings,
                    (d - a) / 1_000_000, (e - d) / 1_000_000, sites.isEmpty() ? 0 : sites.get(0).residentsGained());
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("peak heap (sum of pool peaks) %,d MB; heap in use after GC %,d MB; max heap %,d MB%n",
                peak >> 20, retained >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static List<Target> targets = List.of();

    public static CityNetwork load(Path dir, Path categoriesCypher) throws IOException {
        List<String> codes = new ArrayList<>();
        List<Target> parsed = new ArrayList<>();
        Matcher m = CATEGORY.matcher(Files.readString(categoriesCypher));
        while (m.find()) {
            parsed.add(new Target(codes.size(), Integer.parseInt(m.group(3)), m.group(2).equals("BASIC")));
            codes.add(m.group(1));
        }
        targets = List.copyOf(parsed);
        Map<String, Integer> categoryIndex = index(codes);

        Map<String, Integer> junctions = new HashMap<>();
        WalkwayNetwork.Builder builder = WalkwayNetwork.builder(250_000, 350_000);
        read(dir.resolve("junctions.csv"), r -> junctions.put(r.get("id"),
                builder.addJunction(Double.parseDouble(r.get("lat")), Double.parseDouble(r.get("lon")))));
        List<String> walkwayIds = new ArrayList<>();
        read(dir.resolve("walkways.csv"), r -> {
            builder.addSegment(junctions.get(r.get("from_junction_id")), junctions.get(r.get("to_junction_id")),
                    (int) Math.round(Double.parseDouble(r.get("length_m")) * 1000.0));
            walkwayIds.add(r.get("id"));
        });
        WalkwayNetwork network = builder.build();
        SegmentSnapper snapper = new SegmentSnapper(network);

        List<String> communityIds = new ArrayList<>();
        read(dir.resolve("communities.csv"), r -> communityIds.add(r.get("id")));
        Map<String, Integer> communityIndex = index(communityIds);

        List<String> buildingIds = new ArrayList<>();
        List<Attachment> buildings = new ArrayList<>();
        List<int[]> people = new ArrayList<>();
        read(dir.resolve("buildings.csv"), r -> snapper.snap(Double.parseDouble(r.get("lat")),
                Double.parseDouble(r.get("lon")), 500).ifPresent(s -> {
            buildingIds.add(r.get("id"));
            buildings.add(s.attachment());
            people.add(new int[] {number(r.get("residents")), number(r.get("households")),
                    communityIndex.getOrDefault(r.get("community_id"), -1)});
        }));
        List<String> placeIds = new ArrayList<>();
        List<int[]> places = new ArrayList<>();
        List<Boolean> outlet = new ArrayList<>();
        for (String file : List.of("outlets.csv", "facilities.csv")) {
            read(dir.resolve(file), r -> snapper.snap(Double.parseDouble(r.get("lat")),
                    Double.parseDouble(r.get("lon")), 500).ifPresent(s -> {
                placeIds.add(r.get("id"));
                places.add(new int[] {s.attachment().segment(), s.attachment().offsetMillimetres(),
                        categoryIndex.get(r.get("category"))});
                outlet.add(file.equals("outlets.csv"));
            }));
        }
        int[] residents = people.stream().mapToInt(p -> p[0]).toArray();
        int[] households = people.stream().mapToInt(p -> p[1]).toArray();
        int[] community = people.stream().mapToInt(p -> p[2]).toArray();
        boolean[] isOutlet = new boolean[outlet.size()];
        for (int i = 0; i < isOutlet.length; i++) {
            isOutlet[i] = outlet.get(i);
        }
        return new CityNetwork("benchmark", network, snapper, walkwayIds.toArray(String[]::new),
                buildingIds.toArray(String[]::new), buildings.toArray(Attachment[]::new), residents, households,
                community, communityIds.toArray(String[]::new), placeIds.toArray(String[]::new),
                places.stream().mapToInt(p -> p[2]).toArray(), isOutlet, codes.toArray(String[]::new),
                new PlaceLocator(network, places.stream().mapToInt(p -> p[0]).toArray(),
                        places.stream().mapToInt(p -> p[1]).toArray()),
                index(buildingIds), index(placeIds), communityIndex, categoryIndex);
    }

    private static int number(String value) {
        return value == null || value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> map = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            map.put(ids.get(i), i);
        }
        return map;
    }

    private static void read(Path file, Consumer<CSVRecord> row) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                row.accept(r);
            }
        }
    }
}
