package cn.nantong.livingcircle.importer.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.nantong.livingcircle.importer.CsvLayout.Buildings;
import cn.nantong.livingcircle.importer.CsvLayout.CommercialCenters;
import cn.nantong.livingcircle.importer.CsvLayout.Communities;
import cn.nantong.livingcircle.importer.CsvLayout.Districts;
import cn.nantong.livingcircle.importer.CsvLayout.Facilities;
import cn.nantong.livingcircle.importer.CsvLayout.Junctions;
import cn.nantong.livingcircle.importer.CsvLayout.Outlets;
import cn.nantong.livingcircle.importer.CsvLayout.Subdistricts;
import cn.nantong.livingcircle.importer.CsvLayout.Walkways;
import cn.nantong.livingcircle.importer.CsvLayout;
import cn.nantong.livingcircle.importer.generator.Catalogue.OutletCategory;
import cn.nantong.livingcircle.importer.generator.ClusterLayout.Block;
import cn.nantong.livingcircle.importer.generator.ClusterLayout.CommunityArea;
import cn.nantong.livingcircle.importer.generator.ClusterLayout.Compound;
import cn.nantong.livingcircle.importer.generator.ClusterLayout.StreetFront;
import cn.nantong.livingcircle.place.FacilityKind;

/**
 * Deterministic generator of the living-circle open dataset (plain Java, no Spring).
 *
 * <pre>
 * DatasetGenerator --scale demo --seed 15 --out neo4j/data/nantong-demo
 * DatasetGenerator --scale city --seed 15 --out target/city-data [--buildings N] [--junctions N] [--pois N]
 * </pre>
 *
 * <p><b>demo</b>: the 20 pilot communities of 崇川区, Nantong, calibrated to the city's published totals
 * (2,865 outlets; 317 new or renovated, 123 of them brand chains; 631 chain outlets = 22.02 %; 38
 * community commercial centres, 7 new or renovated). Subdistricts and three community names are real;
 * the walkway network, buildings, outlet placement and most names are synthetic.
 *
 * <p><b>city</b>: many subdistrict-sized synthetic clusters tiled over a ~90 km square around Nantong,
 * generated until the requested minimum sizes are reached (defaults: 102,000 buildings, 205,000
 * junctions, 52,000 outlets + facilities). Rows are streamed cluster by cluster.
 *
 * <p>Same seed ⇒ byte-identical files on any JVM (java.util.Random, StrictMath, integer formatting).
 */
public final class DatasetGenerator {

    /** The seed of the committed demo dataset; {@code scripts/generate-data.sh} uses the same value. */
    public static final long DEMO_SEED = 15;

    /** Published totals the demo dataset is calibrated to. */
    public static final int PUBLISHED_OUTLETS = 2865;
    public static final int PUBLISHED_NEW_OR_RENOVATED = 317;
    public static final int PUBLISHED_NEW_OR_RENOVATED_CHAINS = 123;
    public static final int CHAIN_OUTLETS = 631;
    public static final int PUBLISHED_COMMERCIAL_CENTERS = 38;
    public static final int PUBLISHED_COMMERCIAL_CENTERS_NEW_OR_RENOVATED = 7;

    /** Keys of {@link Summary#stats()}. */
    public static final String STAT_NEW_OUTLETS = "outlets new or renovated";
    public static final String STAT_NEW_CHAIN_OUTLETS = "outlets new or renovated, chain";
    public static final String STAT_CHAIN_OUTLETS = "outlets chain";
    public static final String STAT_NEW_CENTRES = "commercial centres new or renovated";

    public enum Scale {
        DEMO, CITY
    }

    public record Options(Scale scale, long seed, Path out, int minBuildings, int minJunctions, int minPois) {

        public static Options demo(long seed, Path out) {
            return new Options(Scale.DEMO, seed, out, 0, 0, 0);
        }

        public static Options city(long seed, Path out) {
            return new Options(Scale.CITY, seed, out, 102_000, 205_000, 52_000);
        }

        public Options withMinimums(int buildings, int junctions, int pois) {
            return new Options(scale, seed, out, buildings, junctions, pois);
        }
    }

    /** Row counts per file, number of network components (one per cluster) and the coordinate envelope. */
    public record Summary(Map<String, Long> counts, Map<String, Long> stats, int components, String minLat,
                          String maxLat, String minLon, String maxLon, long millis) {

        public long count(String file) {
            return counts.getOrDefault(file, 0L);
        }

        public long count(CsvLayout<?> file) {
            return count(file.fileName());
        }
    }

    public static void main(String[] args) throws IOException {
        Scale scale = Scale.DEMO;
        Long seed = null;
        Path out = null;
        Integer buildings = null;
        Integer junctions = null;
        Integer pois = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i + 1 >= args.length) {
                usage("missing value for " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--scale" -> scale = Scale.valueOf(value.toUpperCase(Locale.ROOT));
                case "--seed" -> seed = Long.parseLong(value);
                case "--out" -> out = Path.of(value);
                case "--buildings" -> buildings = Integer.parseInt(value);
                case "--junctions" -> junctions = Integer.parseInt(value);
                case "--pois" -> pois = Integer.parseInt(value);
                default -> usage("unknown option " + arg);
            }
        }
        if (seed == null || out == null) {
            usage("--seed and --out are required");
        }
        Options options = scale == Scale.DEMO ? Options.demo(seed, out) : Options.city(seed, out);
        if (scale == Scale.CITY) {
            options = options.withMinimums(buildings != null ? buildings : options.minBuildings(),
                    junctions != null ? junctions : options.minJunctions(), pois != null ? pois : options.minPois());
        }
        Summary summary = generate(options);
        System.out.printf(Locale.ROOT, "Generated %s dataset (seed %d) in %s in %d ms%n", scale, seed, out,
                summary.millis());
        summary.counts().forEach((file, rows) -> System.out.printf(Locale.ROOT, "  %-36s %,10d%n", file, rows));
        summary.stats().forEach((key, value) -> System.out.printf(Locale.ROOT, "  %-36s %,10d%n", key, value));
        System.out.printf(Locale.ROOT, "  %-36s %,10d%n", "network components", summary.components());
        System.out.printf(Locale.ROOT, "  lat %s..%s lon %s..%s%n", summary.minLat(), summary.maxLat(),
                summary.minLon(), summary.maxLon());
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: DatasetGenerator --scale demo|city --seed <long> --out <dir> "
                + "[--buildings N] [--junctions N] [--pois N]");
        System.exit(2);
    }

    public static Summary generate(Options options) throws IOException {
        long start = System.nanoTime();
        Run run = new Run(options);
        try (CsvOutput out = new CsvOutput(options.out())) {
            run.out = out;
            if (options.scale() == Scale.DEMO) {
                run.demo();
            } else {
                run.city();
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Summary summary = new Summary(run.counts, run.stats(), run.clusters, Geo.degrees(run.minLat),
                Geo.degrees(run.maxLat), Geo.degrees(run.minLon), Geo.degrees(run.maxLon), millis);
        if (options.scale() == Scale.DEMO) {
            Files.writeString(options.out().resolve("README.md"), DemoReadme.render(summary, options.seed(),
                    run.categoryCounts), StandardCharsets.UTF_8);
        }
        return summary;
    }

    // ==========================================================================================

    /** Everything the generator decides about a community before its cluster is laid out. */
    static final class CommunityPlan {
        String number;
        String id;
        String subdistrictId;
        String nameZh;
        String nameEn;
        boolean pilot;
        String nameSource;
        int superBlocks;
        int compounds;
        int[] households;
        int[] residents;
        int outlets;
        boolean[] centreRenovated = new boolean[0];
        boolean noPharmacy;
        boolean noWetMarket;

        String shortName() {
            return nameZh.endsWith("社区") ? nameZh.substring(0, nameZh.length() - 2) : nameZh;
        }

        int totalHouseholds() {
            return Arrays.stream(households).sum();
        }
    }

    /** A commercial centre already written; outlets inside it refer to it. */
    record Centre(String id, boolean renovated, int year, double x, double y) {
    }

    /** An outlet whose flags, brand and name are decided when its batch is flushed. */
    static final class Outlet {
        final long seq;
        final CommunityPlan community;
        final Centre centre;
        final int category;
        final long latE7;
        final long lonE7;
        final double newWeight;
        boolean isNew;
        boolean chain;

        Outlet(long seq, CommunityPlan community, Centre centre, int category, long latE7, long lonE7,
               double newWeight) {
            this.seq = seq;
            this.community = community;
            this.centre = centre;
            this.category = category;
            this.latE7 = latE7;
            this.lonE7 = lonE7;
            this.newWeight = newWeight;
        }
    }

    private static final class Run {
        private final Options options;
        private final boolean demo;
        private final long seed;
        CsvOutput out;
        Map<String, Long> counts = new LinkedHashMap<>();
        final Map<String, Long> categoryCounts = new TreeMap<>();

        private long junctionSeq;
        private long walkwaySeq;
        private long outletSeq;
        private long facilitySeq;
        private long centreSeq;
        private long buildingTotal;
        private long newOutlets;
        private long newChainOutlets;
        private long chainOutlets;
        private long renovatedCentres;
        int clusters;
        long minLat = Long.MAX_VALUE;
        long maxLat = Long.MIN_VALUE;
        long minLon = Long.MAX_VALUE;
        long maxLon = Long.MIN_VALUE;
        private final List<long[]> clusterBoxes = new ArrayList<>();
        private final List<Outlet> pending = new ArrayList<>();
        private final Map<String, Integer> brandUse = new HashMap<>();
        private final Set<String> usedNames = new HashSet<>();

        private final int junctionWidth;
        private final int outletWidth;
        private final int facilityWidth;
        private final int communityWidth;

        Run(Options options) {
            this.options = options;
            this.demo = options.scale() == Scale.DEMO;
            this.seed = options.seed();
            this.junctionWidth = demo ? 6 : 7;
            this.outletWidth = demo ? 5 : 6;
            this.facilityWidth = demo ? 4 : 6;
            this.communityWidth = demo ? 2 : 5;
        }

        Map<String, Long> stats() {
            Map<String, Long> s = new LinkedHashMap<>();
            s.put(STAT_NEW_OUTLETS, newOutlets);
            s.put(STAT_NEW_CHAIN_OUTLETS, newChainOutlets);
            s.put(STAT_CHAIN_OUTLETS, chainOutlets);
            s.put(STAT_NEW_CENTRES, renovatedCentres);
            return s;
        }

        // ---------------------------------------------------------------------------------- demo

        void demo() {
            out.districts.set(Districts.ID, DemoGeography.DISTRICT_ID).set(Districts.NAME_ZH, DemoGeography.DISTRICT_ZH)
                    .set(Districts.NAME_EN, DemoGeography.DISTRICT_EN).write();
            Rng plan = Rng.derive(seed, 0);
            List<CommunityPlan> all = new ArrayList<>();
            for (DemoGeography.Community c : DemoGeography.COMMUNITIES) {
                CommunityPlan p = new CommunityPlan();
                p.number = pad(all.size() + 1, communityWidth);
                p.id = "c-" + p.number;
                p.subdistrictId = c.subdistrictId();
                p.nameZh = c.nameZh();
                p.nameEn = c.nameEn();
                p.pilot = true;
                p.nameSource = c.published() ? "published" : "synthetic";
                p.noPharmacy = c.noPharmacy();
                p.noWetMarket = c.noWetMarket();
                planBuildings(plan, p, 25, 45);
                all.add(p);
            }
            // Outlets per community ∝ households × noise, summing exactly to the published 2,865.
            double[] weights = new double[all.size()];
            for (int k = 0; k < all.size(); k++) {
                weights[k] = all.get(k).totalHouseholds() * plan.uniform(0.8, 1.25);
            }
            int[] outlets = apportion(PUBLISHED_OUTLETS, weights);
            for (int k = 0; k < all.size(); k++) {
                all.get(k).outlets = outlets[k];
            }
            // 38 centres: two per community, one in the two communities with the fewest outlets.
            Integer[] order = new Integer[all.size()];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> outlets[a] != outlets[b] ? Integer.compare(outlets[a], outlets[b])
                    : Integer.compare(a, b));
            int[] centres = new int[all.size()];
            Arrays.fill(centres, 2);
            int surplus = 2 * all.size() - PUBLISHED_COMMERCIAL_CENTERS;
            for (int k = 0; k < surplus; k++) {
                centres[order[k]]--;
            }
            List<int[]> centreSlots = new ArrayList<>();
            for (int k = 0; k < all.size(); k++) {
                all.get(k).centreRenovated = new boolean[centres[k]];
                for (int m = 0; m < centres[k]; m++) {
                    centreSlots.add(new int[] {k, m});
                }
            }
            plan.shuffle(centreSlots);
            for (int m = 0; m < PUBLISHED_COMMERCIAL_CENTERS_NEW_OR_RENOVATED; m++) {
                int[] slot = centreSlots.get(m);
                all.get(slot[0]).centreRenovated[slot[1]] = true;
            }

            int clusterIndex = 0;
            for (DemoGeography.Subdistrict sd : DemoGeography.SUBDISTRICTS) {
                out.subdistricts.set(Subdistricts.ID, sd.id()).set(Subdistricts.DISTRICT_ID, DemoGeography.DISTRICT_ID)
                        .set(Subdistricts.NAME_ZH, sd.nameZh()).set(Subdistricts.NAME_EN, sd.nameEn()).write();
                List<CommunityPlan> members = all.stream().filter(p -> p.subdistrictId.equals(sd.id())).toList();
                if (!members.isEmpty()) {
                    cluster(clusterIndex++, sd.lat(), sd.lon(), members);
                }
            }
            flushOutlets(Rng.derive(seed, 3), PUBLISHED_NEW_OR_RENOVATED, PUBLISHED_NEW_OR_RENOVATED_CHAINS,
                    CHAIN_OUTLETS, true);
            counts = out.counts();
        }

        // ---------------------------------------------------------------------------------- city

        void city() {
            final double pitch = 3000;
            final int columns = 32;
            Geo.Frame region = Geo.Frame.of(31.62, 120.42, 0);
            int communityCount = 0;
            int clusterIndex = 0;
            while (buildingTotal < options.minBuildings() || junctionSeq < options.minJunctions()
                    || outletSeq + facilitySeq < options.minPois() || clusterIndex == 0) {
                Rng plan = Rng.derive(seed, 0, clusterIndex);
                int districtIndex = clusterIndex / 100;
                String districtId = "d-s" + pad(districtIndex + 1, 2);
                if (clusterIndex % 100 == 0) {
                    out.districts.set(Districts.ID, districtId)
                            .set(Districts.NAME_ZH, "合成区" + pad(districtIndex + 1, 2))
                            .set(Districts.NAME_EN, "Synthetic District " + pad(districtIndex + 1, 2)).write();
                }
                String subdistrictId = "sd-s" + pad(clusterIndex + 1, 4);
                String[] sdName = NameMaker.subdistrict(plan);
                out.subdistricts.set(Subdistricts.ID, subdistrictId).set(Subdistricts.DISTRICT_ID, districtId)
                        .set(Subdistricts.NAME_ZH, sdName[0]).set(Subdistricts.NAME_EN, sdName[1]).write();
                int members = plan.between(2, 4);
                List<CommunityPlan> plans = new ArrayList<>();
                for (int m = 0; m < members; m++) {
                    CommunityPlan p = new CommunityPlan();
                    communityCount++;
                    p.number = pad(communityCount, communityWidth);
                    p.id = "c-" + p.number;
                    p.subdistrictId = subdistrictId;
                    String[] name = NameMaker.community(plan);
                    p.nameZh = name[0];
                    p.nameEn = name[1];
                    p.pilot = plan.chance(0.05);
                    p.nameSource = "synthetic";
                    planBuildings(plan, p, 40, 70);
                    p.outlets = plan.between(12, 24);
                    p.centreRenovated = new boolean[plan.chance(0.45) ? 1 : 0];
                    for (int k = 0; k < p.centreRenovated.length; k++) {
                        p.centreRenovated[k] = plan.chance((double) PUBLISHED_COMMERCIAL_CENTERS_NEW_OR_RENOVATED
                                / PUBLISHED_COMMERCIAL_CENTERS);
                    }
                    p.noPharmacy = plan.chance(0.1);
                    p.noWetMarket = plan.chance(0.15);
                    plans.add(p);
                }
                int row = clusterIndex / columns;
                int col = clusterIndex % columns;
                double x = col * pitch + plan.jitter(150);
                double y = row * pitch + plan.jitter(150);
                cluster(clusterIndex, region.latE7(x, y) / 1e7, region.lonE7(x, y) / 1e7, plans);
                int n = pending.size();
                flushOutlets(Rng.derive(seed, 3, clusterIndex),
                        (int) Math.round(n * (double) PUBLISHED_NEW_OR_RENOVATED / PUBLISHED_OUTLETS),
                        (int) Math.round(n * (double) PUBLISHED_NEW_OR_RENOVATED_CHAINS / PUBLISHED_OUTLETS),
                        (int) Math.round(n * (double) CHAIN_OUTLETS / PUBLISHED_OUTLETS), false);
                clusterIndex++;
            }
            counts = out.counts();
        }

        // ---------------------------------------------------------------------------------- shared

        private void planBuildings(Rng plan, CommunityPlan p, int minBuildings, int maxBuildings) {
            p.superBlocks = plan.between(2, 3);
            p.compounds = p.superBlocks == 2 ? plan.between(1, 2) : plan.between(2, 3);
            int buildings = plan.between(minBuildings, maxBuildings);
            double highRiseShare = plan.uniform(0.2, 0.7);
            p.households = new int[buildings];
            p.residents = new int[buildings];
            for (int b = 0; b < buildings; b++) {
                p.households[b] = plan.chance(highRiseShare) ? plan.between(100, 200) : plan.between(40, 96);
                p.residents[b] = (int) Math.round(p.households[b] * plan.uniform(2.4, 3.0));
            }
        }

        private void cluster(int clusterIndex, double lat, double lon, List<CommunityPlan> plans) {
            Rng net = Rng.derive(seed, 1, clusterIndex);
            double rotation = StrictMath.toRadians(net.uniform(-12, 12));
            int[] superBlocks = plans.stream().mapToInt(p -> p.superBlocks).toArray();
            int[] compoundCounts = plans.stream().mapToInt(p -> p.compounds).toArray();
            int[] buildings = plans.stream().mapToInt(p -> p.households.length).toArray();
            ClusterLayout layout = ClusterLayout.build(net, superBlocks, compoundCounts, buildings);
            Geo.Frame frame = Geo.Frame.of(lat, lon, rotation);

            int nodes = layout.nodeCount();
            long[] nodeLat = new long[nodes];
            long[] nodeLon = new long[nodes];
            long[] box = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
            for (int n = 0; n < nodes; n++) {
                nodeLat[n] = frame.latE7(layout.nodeX(n), layout.nodeY(n));
                nodeLon[n] = frame.lonE7(layout.nodeX(n), layout.nodeY(n));
                box[0] = Math.min(box[0], nodeLat[n]);
                box[1] = Math.min(box[1], nodeLon[n]);
                box[2] = Math.max(box[2], nodeLat[n]);
                box[3] = Math.max(box[3], nodeLon[n]);
                out.junctions.set(Junctions.ID, junctionId(junctionSeq + n))
                        .set(Junctions.LAT, Geo.degrees(nodeLat[n])).set(Junctions.LON, Geo.degrees(nodeLon[n]))
                        .write();
                extend(nodeLat[n], nodeLon[n]);
            }
            for (long[] other : clusterBoxes) {
                if (box[0] <= other[2] && other[0] <= box[2] && box[1] <= other[3] && other[1] <= box[3]) {
                    throw new IllegalStateException("Cluster " + clusterIndex + " overlaps an earlier cluster");
                }
            }
            clusterBoxes.add(box);
            for (int e = 0; e < layout.edgeCount(); e++) {
                int a = layout.edgeFrom(e);
                int b = layout.edgeTo(e);
                double length = Geo.haversineMetres(nodeLat[a], nodeLon[a], nodeLat[b], nodeLon[b]);
                if (Math.round(length * 1000) <= 0) {
                    throw new IllegalStateException("Zero-length walkway between nodes " + a + " and " + b);
                }
                walkwaySeq++;
                out.walkways.set(Walkways.ID, "w-" + pad(walkwaySeq, junctionWidth))
                        .set(Walkways.FROM_JUNCTION_ID, junctionId(junctionSeq + a))
                        .set(Walkways.TO_JUNCTION_ID, junctionId(junctionSeq + b))
                        .set(Walkways.KIND, ClusterLayout.KIND_NAMES[layout.edgeKind(e)])
                        .set(Walkways.LENGTH_M, Geo.metres(length)).write();
            }
            junctionSeq += nodes;

            Rng poi = Rng.derive(seed, 2, clusterIndex);
            for (int c = 0; c < plans.size(); c++) {
                CommunityPlan p = plans.get(c);
                CommunityArea area = layout.areas().get(c);
                writeCommunity(frame, p, area);
                placePois(poi, frame, p, area, layout);
            }
            clusters++;
        }

        private void writeCommunity(Geo.Frame frame, CommunityPlan p, CommunityArea area) {
            double sx = 0;
            double sy = 0;
            for (int b = 0; b < p.households.length; b++) {
                double[] site = area.buildingSites.get(b);
                sx += site[0];
                sy += site[1];
                long lat = frame.latE7(site[0], site[1]);
                long lon = frame.lonE7(site[0], site[1]);
                extend(lat, lon);
                out.buildings.set(Buildings.ID, "b-" + p.number + "-" + pad(b + 1, 3))
                        .set(Buildings.COMMUNITY_ID, p.id).set(Buildings.NAME, (b + 1) + "号楼")
                        .set(Buildings.HOUSEHOLDS, Integer.toString(p.households[b]))
                        .set(Buildings.RESIDENTS, Integer.toString(p.residents[b]))
                        .set(Buildings.LAT, Geo.degrees(lat)).set(Buildings.LON, Geo.degrees(lon)).write();
            }
            buildingTotal += p.households.length;
            int n = p.households.length;
            out.communities.set(Communities.ID, p.id).set(Communities.SUBDISTRICT_ID, p.subdistrictId)
                    .set(Communities.NAME_ZH, p.nameZh).set(Communities.NAME_EN, p.nameEn)
                    .set(Communities.LAT, Geo.degrees(frame.latE7(sx / n, sy / n)))
                    .set(Communities.LON, Geo.degrees(frame.lonE7(sx / n, sy / n)))
                    .set(Communities.AREA_SQUARE_METERS, Long.toString(Math.round(area.areaSquareMetres)))
                    .set(Communities.HOUSEHOLDS, Integer.toString(p.totalHouseholds()))
                    .set(Communities.RESIDENTS, Integer.toString(Arrays.stream(p.residents).sum()))
                    .set(Communities.PILOT, Boolean.toString(p.pilot)).set(Communities.NAME_SOURCE, p.nameSource)
                    .write();
        }

        // ------------------------------------------------------------------------------ POIs

        private void placePois(Rng rnd, Geo.Frame frame, CommunityPlan p, CommunityArea area, ClusterLayout layout) {
            String shortName = p.shortName();

            // Commercial centres: on open blocks, preferably facing an arterial road.
            List<Block> arterialBlocks = new ArrayList<>();
            List<Block> otherBlocks = new ArrayList<>();
            for (Block b : area.openBlocks) {
                (b.touchesArterial() ? arterialBlocks : otherBlocks).add(b);
            }
            rnd.shuffle(arterialBlocks);
            rnd.shuffle(otherBlocks);
            List<Block> candidates = new ArrayList<>(arterialBlocks);
            candidates.addAll(otherBlocks);
            if (candidates.isEmpty()) {
                throw new IllegalStateException("Community " + p.id + " has no open block");
            }
            String[] centreNames = {"邻里中心", "生活广场", "商业街"};
            List<Centre> centres = new ArrayList<>();
            Set<Block> usedBlocks = new HashSet<>();
            for (int k = 0; k < p.centreRenovated.length; k++) {
                Block block = candidates.get(k % candidates.size());
                usedBlocks.add(block);
                double[] xy = centreSite(rnd, block);
                boolean renovated = p.centreRenovated[k];
                int year = renovated ? rnd.between(2022, 2024) : 0;
                int area2 = (renovated ? rnd.between(800, 3000) : rnd.between(300, 2000)) * 10;
                centreSeq++;
                Centre centre = new Centre("cc-" + pad(centreSeq, communityWidth), renovated, year, xy[0], xy[1]);
                centres.add(centre);
                if (renovated) {
                    renovatedCentres++;
                }
                long lat = frame.latE7(xy[0], xy[1]);
                long lon = frame.lonE7(xy[0], xy[1]);
                extend(lat, lon);
                out.commercialCenters.set(CommercialCenters.ID, centre.id()).set(CommercialCenters.COMMUNITY_ID, p.id)
                        .set(CommercialCenters.NAME, shortName + centreNames[k % centreNames.length])
                        .set(CommercialCenters.NEW_OR_RENOVATED, Boolean.toString(renovated))
                        .set(CommercialCenters.RENOVATED_YEAR, renovated ? Integer.toString(year) : "")
                        .set(CommercialCenters.FLOOR_AREA_M2, Integer.toString(area2))
                        .set(CommercialCenters.LAT, Geo.degrees(lat)).set(CommercialCenters.LON, Geo.degrees(lon))
                        .write();
            }

            // Street fronts, weighted by length, arterial roads and a few busy shopping streets.
            List<StreetFront> fronts = area.streetFronts;
            double[] cumulative = new double[fronts.size()];
            double sum = 0;
            for (int k = 0; k < fronts.size(); k++) {
                StreetFront f = fronts.get(k);
                sum += f.length() * (f.arterial() ? 2.5 : 1) * (rnd.chance(0.15) ? 4 : 1);
                cumulative[k] = sum;
            }

            placeFacilities(rnd, frame, p, area, layout, candidates, usedBlocks, fronts, cumulative, centres);

            // Outlets.
            int n = p.outlets;
            int wetMarkets = p.noWetMarket ? 0 : n >= 60 ? (rnd.chance(0.3) ? 2 : 1) : (rnd.chance(0.35) ? 1 : 0);
            int supermarkets = n >= 60 ? rnd.between(1, 2) : (rnd.chance(0.15) ? 1 : 0);
            int minPharmacies = p.noPharmacy ? 0 : n >= 60 ? 2 : 0;
            int[] quota = new int[centres.size()];
            int cap = (int) (n * (demo ? 0.45 : 0.5));
            int centreTotal = 0;
            for (int k = 0; k < quota.length; k++) {
                quota[k] = Math.min(demo ? rnd.between(15, 35) : rnd.between(3, 6), cap - centreTotal);
                centreTotal += quota[k];
            }
            if (centres.isEmpty()) {
                centreTotal = 0;
            }
            int streetCount = n - wetMarkets - centreTotal - (centres.isEmpty() ? supermarkets : 0);
            double[] streetWeights = categoryWeights(false, p);
            double[] centreWeights = categoryWeights(true, p);

            for (int k = 0; k < wetMarkets; k++) {
                Block block = candidates.get(rnd.nextInt(candidates.size()));
                double x = (block.x0() + block.x1()) / 2 + rnd.jitter(30);
                double y = (block.y0() + block.y1()) / 2 + rnd.jitter(30);
                addOutlet(frame, p, null, Catalogue.indexOf(Catalogue.WET_MARKET), x, y, 3);
            }
            int supermarketIndex = Catalogue.indexOf(Catalogue.SUPERMARKET);
            for (int k = 0; k < centres.size(); k++) {
                Centre centre = centres.get(k);
                for (int m = 0; m < quota[k]; m++) {
                    int category = k < supermarkets && m == 0 ? supermarketIndex : rnd.weighted(centreWeights);
                    addOutlet(frame, p, centre, category, centre.x() + rnd.jitter(25), centre.y() + rnd.jitter(25),
                            centre.renovated() ? 6 : 1.5);
                }
            }
            int pharmacyIndex = Catalogue.indexOf(Catalogue.PHARMACY);
            int leadingPharmacies = Math.min(minPharmacies, streetCount);
            if (centres.isEmpty()) {
                for (int k = 0; k < supermarkets; k++) {
                    double[] xy = frontSite(rnd, fronts, cumulative, 15, 25);
                    addOutlet(frame, p, null, supermarketIndex, xy[0], xy[1], 1);
                }
            }
            for (int k = 0; k < streetCount; k++) {
                int category = k < leadingPharmacies ? pharmacyIndex : rnd.weighted(streetWeights);
                double[] xy = frontSite(rnd, fronts, cumulative, 6, 14);
                addOutlet(frame, p, null, category, xy[0], xy[1], 1);
            }
        }

        private double[] categoryWeights(boolean centre, CommunityPlan p) {
            double[] w = new double[Catalogue.OUTLET_CATEGORIES.size()];
            for (int k = 0; k < w.length; k++) {
                OutletCategory c = Catalogue.OUTLET_CATEGORIES.get(k);
                w[k] = centre ? c.centreWeight() : c.streetWeight();
                if (p.noPharmacy && c.code().equals(Catalogue.PHARMACY)) {
                    w[k] = 0;
                }
            }
            return w;
        }

        private static double[] centreSite(Rng rnd, Block b) {
            List<Integer> sides = new ArrayList<>();
            if (b.arterialWest()) {
                sides.add(0);
            }
            if (b.arterialEast()) {
                sides.add(1);
            }
            if (b.arterialSouth()) {
                sides.add(2);
            }
            if (b.arterialNorth()) {
                sides.add(3);
            }
            double cx = (b.x0() + b.x1()) / 2;
            double cy = (b.y0() + b.y1()) / 2;
            if (sides.isEmpty()) {
                return new double[] {cx + rnd.jitter(20), cy + rnd.jitter(20)};
            }
            int side = rnd.pick(sides);
            double depth = rnd.uniform(30, 45);
            double alongX = rnd.jitter(0.25 * (b.x1() - b.x0()));
            double alongY = rnd.jitter(0.25 * (b.y1() - b.y0()));
            return switch (side) {
                case 0 -> new double[] {b.x0() + depth, cy + alongY};
                case 1 -> new double[] {b.x1() - depth, cy + alongY};
                case 2 -> new double[] {cx + alongX, b.y0() + depth};
                default -> new double[] {cx + alongX, b.y1() - depth};
            };
        }

        private static double[] frontSite(Rng rnd, List<StreetFront> fronts, double[] cumulative, double minOffset,
                                          double maxOffset) {
            double r = rnd.nextDouble() * cumulative[cumulative.length - 1];
            int k = Arrays.binarySearch(cumulative, r);
            k = k >= 0 ? Math.min(k + 1, cumulative.length - 1) : -k - 1;
            StreetFront f = fronts.get(k);
            double t = rnd.uniform(0.08, 0.92);
            // On a compound's side the shop is in the compound's street-facing edge, nearer the street than
            // the compound's first lane (16–24 m in), so it is reached from the street.
            double offset = f.compoundSide() ? rnd.uniform(3, 7) : rnd.uniform(minOffset, maxOffset);
            return new double[] {f.ax() + (f.bx() - f.ax()) * t + f.nx() * offset,
                f.ay() + (f.by() - f.ay()) * t + f.ny() * offset};
        }

        private static double[] arterialFrontSite(Rng rnd, List<StreetFront> fronts, double[] cumulative) {
            List<StreetFront> arterial = fronts.stream().filter(StreetFront::arterial).toList();
            if (arterial.isEmpty()) {
                return frontSite(rnd, fronts, cumulative, 5, 10);
            }
            StreetFront f = rnd.pick(arterial);
            double t = rnd.uniform(0.1, 0.9);
            double offset = f.compoundSide() ? rnd.uniform(3, 7) : rnd.uniform(5, 10);
            return new double[] {f.ax() + (f.bx() - f.ax()) * t + f.nx() * offset,
                f.ay() + (f.by() - f.ay()) * t + f.ny() * offset};
        }

        private void addOutlet(Geo.Frame frame, CommunityPlan p, Centre centre, int category, double x, double y,
                               double newWeight) {
            outletSeq++;
            long lat = frame.latE7(x, y);
            long lon = frame.lonE7(x, y);
            extend(lat, lon);
            pending.add(new Outlet(outletSeq, p, centre, category, lat, lon, newWeight));
        }

        private void placeFacilities(Rng rnd, Geo.Frame frame, CommunityPlan p, CommunityArea area,
                                     ClusterLayout layout, List<Block> candidates, Set<Block> usedBlocks,
                                     List<StreetFront> fronts, double[] cumulative, List<Centre> centres) {
            String name = p.nameZh;
            String shortName = p.shortName();
            List<Block> free = candidates.stream().filter(b -> !usedBlocks.contains(b)).toList();
            Block hubBlock = free.isEmpty() ? candidates.get(0) : free.get(0);
            double hx = (hubBlock.x0() + hubBlock.x1()) / 2 + rnd.jitter(20);
            double hy = (hubBlock.y0() + hubBlock.y1()) / 2 + rnd.jitter(20);

            facility(frame, p, FacilityKind.COMMUNITY_SERVICE_CENTER, name + "综合服务中心", "08:30-17:30",
                    hx + rnd.jitter(8), hy + rnd.jitter(8));
            facility(frame, p, FacilityKind.ELDERLY_CARE_CENTER, name + "居家养老服务站", "08:00-17:30",
                    hx + rnd.jitter(30), hy + rnd.jitter(30));
            if (rnd.chance(0.3)) {
                double[] xy = nearLane(rnd, layout, area, true, 10);
                facility(frame, p, FacilityKind.ELDERLY_CARE_CENTER, shortName + "日间照料中心", "08:00-17:00",
                        xy[0], xy[1]);
            }
            double[] clinic = frontSite(rnd, fronts, cumulative, 10, 20);
            facility(frame, p, FacilityKind.CLINIC, name + "卫生服务站", rnd.chance(0.5) ? "08:00-17:00" : "07:30-17:30",
                    clinic[0], clinic[1]);
            if (!centres.isEmpty() && rnd.chance(0.4)) {
                Centre c = centres.get(0);
                facility(frame, p, FacilityKind.LIBRARY, shortName + "城市书房", "09:00-21:00",
                        c.x() + rnd.jitter(25), c.y() + rnd.jitter(25));
            } else {
                facility(frame, p, FacilityKind.LIBRARY, shortName + "社区书屋", "09:00-20:00",
                        hx + rnd.jitter(30), hy + rnd.jitter(30));
            }
            String[] lockerBrands = {"丰巢智能柜", "中国邮政智能包裹柜", "菜鸟智能柜"};
            int lockers = rnd.between(3, 5);
            for (int k = 1; k <= lockers; k++) {
                double[] xy = nearLane(rnd, layout, area, false, 6);
                facility(frame, p, FacilityKind.SMART_LOCKER, rnd.pick(lockerBrands) + "(" + shortName + k + "号)",
                        "00:00-24:00", xy[0], xy[1]);
            }
            int recycling = rnd.between(1, 3);
            for (int k = 1; k <= recycling; k++) {
                double[] xy = nearLane(rnd, layout, area, true, 8);
                facility(frame, p, FacilityKind.RECYCLING_POINT,
                        shortName + "再生资源回收点" + (recycling > 1 ? k + "号" : ""), "08:00-18:00", xy[0], xy[1]);
            }
            if (rnd.chance(0.35)) {
                double[] xy = arterialFrontSite(rnd, fronts, cumulative);
                boolean bee = rnd.chance(0.5);
                facility(frame, p, FacilityKind.WORKER_REST_STATION,
                        (bee ? "小蜜蜂加油站(" : "户外劳动者驿站(") + shortName + ")",
                        bee ? "00:00-24:00" : "07:00-21:00", xy[0], xy[1]);
            }
        }

        /** A point a few metres from a random lane junction (ring junctions only if {@code ring}). */
        private static double[] nearLane(Rng rnd, ClusterLayout layout, CommunityArea area, boolean ring,
                                         double spread) {
            Compound compound = rnd.pick(area.compounds);
            int node = ring ? rnd.pick(compound.ringNodes) : rnd.pick(compound.laneNodes);
            return new double[] {layout.nodeX(node) + rnd.jitter(spread), layout.nodeY(node) + rnd.jitter(spread)};
        }

        private void facility(Geo.Frame frame, CommunityPlan p, FacilityKind kind, String name, String hours,
                              double x, double y) {
            facilitySeq++;
            long lat = frame.latE7(x, y);
            long lon = frame.lonE7(x, y);
            extend(lat, lon);
            out.facilities.set(Facilities.ID, "f-" + pad(facilitySeq, facilityWidth))
                    .set(Facilities.COMMUNITY_ID, p.id).set(Facilities.KIND, kind.name()).set(Facilities.NAME, name)
                    .set(Facilities.CATEGORY, kind.categoryCode()).set(Facilities.OPENING_HOURS, hours)
                    .set(Facilities.LAT, Geo.degrees(lat)).set(Facilities.LON, Geo.degrees(lon)).write();
        }

        // ------------------------------------------------------------------------- outlet flags

        /**
         * Decides which pending outlets are new/renovated and which are chain shops, hitting the targets
         * exactly (weighted sampling without replacement, Efraimidis–Spirakis keys), then writes them.
         */
        private void flushOutlets(Rng rnd, int newTarget, int newChainTarget, int chainTarget, boolean exact) {
            int n = pending.size();
            double[] newKeys = new double[n];
            double[] chainKeys = new double[n];
            for (int k = 0; k < n; k++) {
                Outlet o = pending.get(k);
                newKeys[k] = Math.log(rnd.nextDouble()) / o.newWeight;
                double propensity = Catalogue.OUTLET_CATEGORIES.get(o.category).chainEligible()
                        ? Catalogue.OUTLET_CATEGORIES.get(o.category).chainPropensity() : 0;
                chainKeys[k] = propensity > 0 ? Math.log(rnd.nextDouble()) / propensity : Double.NEGATIVE_INFINITY;
            }
            for (int k : top(newKeys, allIndices(n), newTarget, exact, "new or renovated outlets")) {
                pending.get(k).isNew = true;
            }
            List<Integer> newOnes = new ArrayList<>();
            List<Integer> oldOnes = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                (pending.get(k).isNew ? newOnes : oldOnes).add(k);
            }
            for (int k : top(chainKeys, newOnes, newChainTarget, exact, "new chain outlets")) {
                pending.get(k).chain = true;
            }
            for (int k : top(chainKeys, oldOnes, chainTarget - newChainTarget, exact, "chain outlets")) {
                pending.get(k).chain = true;
            }
            for (Outlet o : pending) {
                writeOutlet(rnd, o);
            }
            pending.clear();
        }

        private static List<Integer> allIndices(int n) {
            List<Integer> all = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                all.add(k);
            }
            return all;
        }

        private static List<Integer> top(double[] keys, List<Integer> pool, int count, boolean exact, String what) {
            List<Integer> eligible = pool.stream().filter(k -> keys[k] != Double.NEGATIVE_INFINITY)
                    .sorted((a, b) -> keys[a] != keys[b] ? Double.compare(keys[b], keys[a]) : Integer.compare(a, b))
                    .toList();
            if (eligible.size() < count && exact) {
                throw new IllegalStateException("Only " + eligible.size() + " candidates for " + count + " " + what);
            }
            return eligible.subList(0, Math.max(0, Math.min(count, eligible.size())));
        }

        private void writeOutlet(Rng rnd, Outlet o) {
            OutletCategory category = Catalogue.OUTLET_CATEGORIES.get(o.category);
            CommunityPlan p = o.community;
            String shortName = p.shortName();
            String brand = "";
            String name;
            String hours;
            if (o.chain) {
                double[] weights = category.brands().stream().mapToDouble(Catalogue.Brand::weight).toArray();
                Catalogue.Brand b = category.brands().get(rnd.weighted(weights));
                brand = b.name();
                hours = b.openingHours();
                int use = brandUse.merge(p.id + "|" + brand, 1, Integer::sum);
                String ordinal = use <= Catalogue.CHINESE_ORDINALS.length ? Catalogue.CHINESE_ORDINALS[use - 1]
                        : Integer.toString(use);
                name = brand + "(" + shortName + ordinal + "店)";
                chainOutlets++;
                if (o.isNew) {
                    newChainOutlets++;
                }
            } else {
                hours = rnd.pick(category.hours());
                if (category.code().equals(Catalogue.WET_MARKET)) {
                    name = shortName + rnd.pick(category.suffixes());
                } else {
                    name = rnd.pick(Catalogue.SHOP_PREFIXES) + rnd.pick(category.suffixes());
                }
                String candidate = name;
                for (int attempt = 2; !usedNames.add(p.id + "|" + candidate); attempt++) {
                    candidate = name + "(" + attempt + "号店)";
                }
                name = candidate;
            }
            if (o.isNew) {
                newOutlets++;
            }
            int year = !o.isNew ? 0 : o.centre != null && o.centre.renovated() ? o.centre.year()
                    : rnd.between(2022, 2024);
            int area = rnd.between(category.minArea(), category.maxArea());
            categoryCounts.merge(category.code(), 1L, Long::sum);
            out.outlets.set(Outlets.ID, "o-" + pad(o.seq, outletWidth)).set(Outlets.COMMUNITY_ID, p.id)
                    .set(Outlets.COMMERCIAL_CENTER_ID, o.centre == null ? "" : o.centre.id())
                    .set(Outlets.NAME, name).set(Outlets.CATEGORY, category.code()).set(Outlets.BRAND, brand)
                    .set(Outlets.CHAIN, Boolean.toString(o.chain))
                    .set(Outlets.NEW_OR_RENOVATED, Boolean.toString(o.isNew))
                    .set(Outlets.RENOVATED_YEAR, o.isNew ? Integer.toString(year) : "")
                    .set(Outlets.FLOOR_AREA_M2, Integer.toString(area)).set(Outlets.OPENING_HOURS, hours)
                    .set(Outlets.LAT, Geo.degrees(o.latE7)).set(Outlets.LON, Geo.degrees(o.lonE7)).write();
        }

        // ------------------------------------------------------------------------------ helpers

        private String junctionId(long seq) {
            return "j-" + pad(seq + 1, junctionWidth);
        }

        private void extend(long lat, long lon) {
            minLat = Math.min(minLat, lat);
            maxLat = Math.max(maxLat, lat);
            minLon = Math.min(minLon, lon);
            maxLon = Math.max(maxLon, lon);
        }
    }

    /** Largest-remainder apportionment of {@code total} proportionally to {@code weights}. */
    static int[] apportion(int total, double[] weights) {
        double sum = Arrays.stream(weights).sum();
        int[] result = new int[weights.length];
        double[] remainder = new double[weights.length];
        int assigned = 0;
        for (int k = 0; k < weights.length; k++) {
            double exact = total * weights[k] / sum;
            result[k] = (int) Math.floor(exact);
            remainder[k] = exact - result[k];
            assigned += result[k];
        }
        while (assigned < total) {
            int best = 0;
            for (int k = 1; k < weights.length; k++) {
                if (remainder[k] > remainder[best]) {
                    best = k;
                }
            }
            result[best]++;
            remainder[best] = -1;
            assigned++;
        }
        return result;
    }

    static String pad(long value, int width) {
        String s = Long.toString(value);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }

    private DatasetGenerator() {
    }
}
