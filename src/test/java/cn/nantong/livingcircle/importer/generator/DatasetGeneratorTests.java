package cn.nantong.livingcircle.importer.generator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.nantong.livingcircle.importer.CsvLayout;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetGeneratorTests {

    private static final Path COMMITTED_DEMO = Path.of("neo4j/data/nantong-demo");
    private static final Path SCRIPT = Path.of("scripts/generate-data.sh");
    private static final Path CATALOGUE = Path.of("neo4j/migrations/V0002__Seed_service_categories.cypher");
    private static final Pattern COORDINATE = Pattern.compile("-?\\d{1,3}\\.\\d{7}");
    private static final Pattern LENGTH = Pattern.compile("\\d+\\.\\d{3}");

    @TempDir
    static Path temp;

    private static Path demo;
    private static DatasetGenerator.Summary demoSummary;

    @BeforeAll
    static void generateDemo() throws IOException {
        demo = temp.resolve("demo");
        demoSummary = DatasetGenerator.generate(DatasetGenerator.Options.demo(scriptDemoSeed(), demo));
    }

    // ------------------------------------------------------------------------------------------ totals

    @Test
    void demoOutletsMatchThePublishedTotalsExactly() throws IOException {
        List<CSVRecord> outlets = read(demo, "outlets.csv");

        assertThat(outlets).hasSize(2865);
        assertThat(outlets).filteredOn(o -> o.get("new_or_renovated").equals("true")).hasSize(317);
        assertThat(outlets).filteredOn(o -> o.get("new_or_renovated").equals("true") && o.get("chain").equals("true"))
                .hasSize(123);
        assertThat(outlets).filteredOn(o -> o.get("chain").equals("true")).hasSize(631);
    }

    @Test
    void demoHasThirtyEightCommercialCentresOfWhichSevenNewOrRenovated() throws IOException {
        List<CSVRecord> centres = read(demo, "commercial_centers.csv");

        assertThat(centres).hasSize(38);
        assertThat(centres).filteredOn(c -> c.get("new_or_renovated").equals("true")).hasSize(7)
                .allSatisfy(c -> assertThat(c.get("renovated_year")).matches("20\\d\\d"));
        assertThat(centres).filteredOn(c -> c.get("new_or_renovated").equals("false"))
                .allSatisfy(c -> assertThat(c.get("renovated_year")).isEmpty());
    }

    @Test
    void demoHasTwentyPilotCommunitiesIncludingThePublishedNames() throws IOException {
        List<CSVRecord> communities = read(demo, "communities.csv");
        Map<String, String> subdistrictOf = communities.stream()
                .collect(Collectors.toMap(c -> c.get("name_zh"), c -> c.get("subdistrict_id")));

        assertThat(communities).hasSize(20).allSatisfy(c -> assertThat(c.get("pilot")).isEqualTo("true"));
        assertThat(subdistrictOf).containsEntry("龙湖佳苑社区", "sd-tianshenggang")
                .containsEntry("南川园社区", "sd-xuetian").containsKey("金鑫苑社区");
        assertThat(communities).filteredOn(c -> c.get("name_source").equals("published"))
                .extracting(c -> c.get("name_zh")).containsExactlyInAnyOrder("龙湖佳苑社区", "南川园社区", "金鑫苑社区");
        assertThat(communities).filteredOn(c -> !c.get("name_source").equals("published"))
                .allSatisfy(c -> assertThat(c.get("name_source")).isEqualTo("synthetic"));
        assertThat(read(demo, "districts.csv")).extracting(d -> d.get("id")).contains("d-chongchuan");
    }

    @Test
    void communityHouseholdsAndResidentsAreSumsOverItsBuildings() throws IOException {
        Map<String, long[]> sums = new HashMap<>();
        Map<String, Integer> buildingCount = new HashMap<>();
        for (CSVRecord b : read(demo, "buildings.csv")) {
            long households = Long.parseLong(b.get("households"));
            long residents = Long.parseLong(b.get("residents"));
            assertThat(households).isBetween(40L, 200L);
            assertThat((double) residents / households).isBetween(2.39, 3.01);
            long[] s = sums.computeIfAbsent(b.get("community_id"), k -> new long[2]);
            s[0] += households;
            s[1] += residents;
            buildingCount.merge(b.get("community_id"), 1, Integer::sum);
        }
        for (CSVRecord c : read(demo, "communities.csv")) {
            assertThat(Long.parseLong(c.get("households"))).isEqualTo(sums.get(c.get("id"))[0]);
            assertThat(Long.parseLong(c.get("residents"))).isEqualTo(sums.get(c.get("id"))[1]);
            assertThat(buildingCount.get(c.get("id"))).isBetween(25, 45);
        }
    }

    @Test
    void everyCommunityHasEightToFifteenFacilitiesCoveringTheBasicKinds() throws IOException {
        Map<String, List<CSVRecord>> byCommunity = read(demo, "facilities.csv").stream()
                .collect(Collectors.groupingBy(f -> f.get("community_id")));

        assertThat(byCommunity).hasSize(20);
        byCommunity.values().forEach(list -> {
            assertThat(list).hasSizeBetween(8, 15);
            assertThat(list).extracting(f -> f.get("kind")).contains("ELDERLY_CARE_CENTER", "CLINIC", "LIBRARY",
                    "COMMUNITY_SERVICE_CENTER", "SMART_LOCKER", "RECYCLING_POINT");
        });
        assertThat(byCommunity.values().stream().flatMap(List::stream))
                .filteredOn(f -> f.get("kind").equals("WORKER_REST_STATION")).isNotEmpty();
    }

    @Test
    void someDemoCommunitiesLackAPharmacyOrAWetMarket() throws IOException {
        Map<String, Set<String>> categories = new HashMap<>();
        for (CSVRecord o : read(demo, "outlets.csv")) {
            categories.computeIfAbsent(o.get("community_id"), k -> new HashSet<>()).add(o.get("category"));
        }
        long withoutPharmacy = categories.values().stream().filter(c -> !c.contains("pharmacy")).count();
        long withoutWetMarket = categories.values().stream().filter(c -> !c.contains("wet_market")).count();

        assertThat(withoutPharmacy).isBetween(1L, 5L);
        assertThat(withoutWetMarket).isBetween(1L, 5L);
        assertThat(categories.values()).allSatisfy(c -> assertThat(c).contains("convenience_store"));
    }

    // ---------------------------------------------------------------------------------- determinism

    @Test
    void generationIsDeterministic() throws IOException {
        Path again = temp.resolve("demo-again");
        DatasetGenerator.generate(DatasetGenerator.Options.demo(scriptDemoSeed(), again));

        assertSameFiles(demo, again);
    }

    @Test
    void aDifferentSeedGivesDifferentDataWithTheSameTotals() throws IOException {
        Path other = temp.resolve("demo-other-seed");
        DatasetGenerator.generate(DatasetGenerator.Options.demo(scriptDemoSeed() + 1, other));

        assertThat(Files.readAllBytes(other.resolve("walkways.csv")))
                .isNotEqualTo(Files.readAllBytes(demo.resolve("walkways.csv")));
        assertThat(read(other, "outlets.csv")).hasSize(2865)
                .filteredOn(o -> o.get("chain").equals("true")).hasSize(631);
    }

    @Test
    void committedDemoFilesEqualAFreshGenerationWithTheScriptSeed() throws IOException {
        assertThat(scriptDemoSeed()).isEqualTo(DatasetGenerator.DEMO_SEED);

        assertSameFiles(demo, COMMITTED_DEMO);
    }

    // ------------------------------------------------------------------------------------ network

    @Test
    void everyWalkwayJoinsTwoExistingJunctionsWithItsHaversineLength() throws IOException {
        Map<String, long[]> junctions = new HashMap<>();
        for (CSVRecord j : read(demo, "junctions.csv")) {
            assertThat(j.get("lat")).matches(COORDINATE);
            assertThat(j.get("lon")).matches(COORDINATE);
            assertThat(junctions.put(j.get("id"), new long[] {e7(j.get("lat")), e7(j.get("lon"))})).isNull();
        }
        Set<String> pairs = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (CSVRecord w : read(demo, "walkways.csv")) {
            String from = w.get("from_junction_id");
            String to = w.get("to_junction_id");
            assertThat(junctions).containsKey(from).containsKey(to);
            assertThat(from).isNotEqualTo(to);
            assertThat(w.get("kind")).isIn("street", "lane", "gate");
            assertThat(w.get("length_m")).matches(LENGTH);
            double length = Double.parseDouble(w.get("length_m"));
            assertThat(length).isPositive();
            long[] a = junctions.get(from);
            long[] b = junctions.get(to);
            assertThat(length).isCloseTo(Geo.haversineMetres(a[0], a[1], b[0], b[1]),
                    org.assertj.core.data.Offset.offset(0.0006));
            String pair = from.compareTo(to) < 0 ? from + "|" + to : to + "|" + from;
            assertThat(pairs.add(pair)).as("duplicate walkway %s", pair).isTrue();
            assertThat(ids.add(w.get("id"))).isTrue();
        }
    }

    @Test
    void networkHasOneConnectedComponentPerSubdistrictCluster() throws IOException {
        List<CSVRecord> junctions = read(demo, "junctions.csv");
        Map<String, Integer> index = new HashMap<>();
        junctions.forEach(j -> index.put(j.get("id"), index.size()));
        int[] parent = new int[index.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (CSVRecord w : read(demo, "walkways.csv")) {
            parent[find(parent, index.get(w.get("from_junction_id")))] = find(parent, index.get(w.get("to_junction_id")));
        }
        Set<Integer> roots = new HashSet<>();
        for (int i = 0; i < parent.length; i++) {
            roots.add(find(parent, i));
        }

        assertThat(roots).hasSize(12);
        assertThat(demoSummary.components()).isEqualTo(12);
    }

    @Test
    void gatedCompoundsJoinTheStreetsOnlyThroughGates() throws IOException {
        Map<String, Set<String>> kindsAt = new HashMap<>();
        for (CSVRecord w : read(demo, "walkways.csv")) {
            kindsAt.computeIfAbsent(w.get("from_junction_id"), k -> new HashSet<>()).add(w.get("kind"));
            kindsAt.computeIfAbsent(w.get("to_junction_id"), k -> new HashSet<>()).add(w.get("kind"));
        }
        // No junction joins a lane directly to a street.
        assertThat(kindsAt.values()).noneMatch(kinds -> kinds.contains("lane") && kinds.contains("street"));
        assertThat(kindsAt.values()).anyMatch(kinds -> kinds.contains("gate"));
    }

    // -------------------------------------------------------------------------------- references

    @Test
    void everyOutletAndFacilityCategoryIsACatalogueCode() throws IOException {
        Set<String> codes = catalogueCodes();
        assertThat(codes).hasSizeGreaterThan(20).contains("pharmacy", "wet_market", "worker_rest_station");

        assertThat(read(demo, "outlets.csv")).extracting(o -> o.get("category")).allMatch(codes::contains);
        assertThat(read(demo, "facilities.csv")).extracting(f -> f.get("category")).allMatch(codes::contains);
    }

    @Test
    void facilityKindsMapToTheirCategories() throws IOException {
        Map<String, String> expected = Map.of("ELDERLY_CARE_CENTER", "elderly_care", "CLINIC", "clinic",
                "LIBRARY", "library", "COMMUNITY_SERVICE_CENTER", "community_service",
                "WORKER_REST_STATION", "worker_rest_station", "SMART_LOCKER", "parcel_point",
                "RECYCLING_POINT", "recycling_point");

        assertThat(read(demo, "facilities.csv"))
                .allSatisfy(f -> assertThat(f.get("category")).isEqualTo(expected.get(f.get("kind"))));
    }

    @Test
    void everyReferenceResolvesAndOptionalCellsAreEmptyExactlyWhenExpected() throws IOException {
        Set<String> districts = ids(demo, "districts.csv");
        Set<String> subdistricts = ids(demo, "subdistricts.csv");
        Set<String> communities = ids(demo, "communities.csv");
        Set<String> centres = ids(demo, "commercial_centers.csv");

        assertThat(read(demo, "subdistricts.csv")).allSatisfy(s -> assertThat(districts).contains(s.get("district_id")));
        assertThat(read(demo, "communities.csv"))
                .allSatisfy(c -> assertThat(subdistricts).contains(c.get("subdistrict_id")));
        for (String file : List.of("buildings.csv", "commercial_centers.csv", "outlets.csv", "facilities.csv")) {
            List<CSVRecord> rows = read(demo, file);
            assertThat(rows).allSatisfy(r -> assertThat(communities).contains(r.get("community_id")));
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.get("lat")).matches(COORDINATE);
                assertThat(r.get("lon")).matches(COORDINATE);
            });
            assertThat(rows.stream().map(r -> r.get("id")).distinct().count()).isEqualTo(rows.size());
        }
        assertThat(read(demo, "outlets.csv")).allSatisfy(o -> {
            String centre = o.get("commercial_center_id");
            assertThat(centre.isEmpty() || centres.contains(centre)).isTrue();
            assertThat(o.get("brand").isEmpty()).isEqualTo(o.get("chain").equals("false"));
            assertThat(o.get("renovated_year").isEmpty()).isEqualTo(o.get("new_or_renovated").equals("false"));
            assertThat(o.get("opening_hours")).matches("\\d\\d:\\d\\d-\\d\\d:\\d\\d");
            assertThat(Integer.parseInt(o.get("floor_area_m2"))).isPositive();
        });
    }

    @Test
    void filesAreUtf8WithHeaderAndUnixLineEndings() throws IOException {
        for (CsvLayout<?> file : CsvLayout.FILES) {
            byte[] bytes = Files.readAllBytes(demo.resolve(file.fileName()));
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("\r").endsWith("\n").startsWith(String.join(",", file.header()) + "\n");
            assertThat(bytes[0]).isNotEqualTo((byte) 0xEF); // no BOM
        }
    }

    @Test
    void readmeDescribesEveryColumnOfTheLayoutInFileOrder() throws IOException {
        String readme = Files.readString(demo.resolve("README.md"));
        String columns = readme.substring(readme.indexOf("## Columns"), readme.indexOf("## Network"));
        for (CsvLayout<?> file : CsvLayout.FILES) {
            String bullet = "- `" + file.fileName() + "`:";
            assertThat(columns).as("README bullet for %s", file.fileName()).contains(bullet);
            String text = columns.substring(columns.indexOf(bullet) + bullet.length());
            text = text.contains("\n- `") ? text.substring(0, text.indexOf("\n- `")) : text;
            Matcher code = Pattern.compile("`([^`]+)`").matcher(text);
            Set<String> described = new LinkedHashSet<>();
            while (code.find()) {
                if (file.header().contains(code.group(1))) {
                    described.add(code.group(1));
                }
            }
            assertThat(List.copyOf(described)).as("columns described for %s", file.fileName())
                    .isEqualTo(file.header());
        }
    }

    // ------------------------------------------------------------------------------------ city

    @Test
    void cityScaleMeetsTheMinimumSizes() throws IOException {
        Path city = temp.resolve("city");
        DatasetGenerator.Summary summary = DatasetGenerator.generate(DatasetGenerator.Options.city(7, city));

        long buildings = countRows(city, "buildings.csv");
        long junctions = countRows(city, "junctions.csv");
        long pois = countRows(city, "outlets.csv") + countRows(city, "facilities.csv");
        assertThat(buildings).isGreaterThanOrEqualTo(100_000).isEqualTo(summary.count("buildings.csv"));
        assertThat(junctions).isGreaterThanOrEqualTo(200_000).isEqualTo(summary.count("junctions.csv"));
        assertThat(pois).isGreaterThanOrEqualTo(50_000);
        assertThat(countRows(city, "walkways.csv")).isGreaterThan(junctions);
    }

    @Test
    void cityScaleIsDeterministicToo() throws IOException {
        Path a = temp.resolve("small-city-a");
        Path b = temp.resolve("small-city-b");
        DatasetGenerator.generate(DatasetGenerator.Options.city(3, a).withMinimums(5_000, 10_000, 2_000));
        DatasetGenerator.generate(DatasetGenerator.Options.city(3, b).withMinimums(5_000, 10_000, 2_000));

        assertSameFiles(a, b);
        assertThat(countRows(a, "buildings.csv")).isGreaterThanOrEqualTo(5_000);
    }

    // ---------------------------------------------------------------------------------- helpers

    private static long scriptDemoSeed() throws IOException {
        Matcher m = Pattern.compile("(?m)^DEMO_SEED=(\\d+)\\s*$").matcher(Files.readString(SCRIPT));
        assertThat(m.find()).as("DEMO_SEED in %s", SCRIPT).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static Set<String> catalogueCodes() throws IOException {
        Matcher m = Pattern.compile("code:\\s*'([a-z_]+)'").matcher(Files.readString(CATALOGUE));
        Set<String> codes = new TreeSet<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        assertThat(fileNames(actual)).isEqualTo(fileNames(expected));
        for (String name : fileNames(expected)) {
            assertThat(Files.mismatch(expected.resolve(name), actual.resolve(name)))
                    .as("%s differs from %s at this byte (regenerate with scripts/generate-data.sh, never edit by hand)",
                            actual.resolve(name), expected.resolve(name)).isEqualTo(-1L);
        }
    }

    private static Set<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            // dotfiles (.gitattributes) are not generated
            return files.map(p -> p.getFileName().toString()).filter(name -> !name.startsWith("."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<CSVRecord> read(Path dir, String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader,
                     CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return new ArrayList<>(parser.getRecords());
        }
    }

    private static long countRows(Path dir, String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader,
                     CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.stream().count();
        }
    }

    private static Set<String> ids(Path dir, String file) throws IOException {
        return read(dir, file).stream().map(r -> r.get("id")).collect(Collectors.toSet());
    }

    private static long e7(String degrees) {
        return Math.round(Double.parseDouble(degrees) * 1e7);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
