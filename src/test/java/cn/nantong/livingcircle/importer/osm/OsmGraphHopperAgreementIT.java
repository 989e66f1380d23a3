package cn.nantong.livingcircle.importer.osm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.Geo;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.engine.WalkingSearch;
import cn.nantong.livingcircle.engine.WalkwayNetwork;
import cn.nantong.livingcircle.network.CityNetworkService;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.json.Statement;
import com.graphhopper.reader.osm.OSMReader;
import com.graphhopper.routing.OSMReaderConfig;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.ev.VehicleAccess;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.util.EncodingManager;
import com.graphhopper.routing.util.OSMParsers;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.util.parsers.FootAccessParser;
import com.graphhopper.routing.util.parsers.OSMRoadClassParser;
import com.graphhopper.routing.weighting.TurnCostProvider;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.routing.weighting.custom.CustomModelParser;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.LocationIndexTree;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.PMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our walking engine on an imported OSM file against an independent one: GraphHopper 10.2 reading the same Krems
 * extract into its own graph with its own foot access rules ({@code FootAccessParser}).
 *
 * <p>GraphHopper's weighting is a custom model: priority 0 where {@code foot_access} is false, constant speed
 * 5 km/h, distance influence 0, so its weight is distance / (5 km/h) and its shortest-weight tree is a
 * shortest-distance tree. Distances are compared, which is the same as comparing times at our 5 km/h (our minutes are
 * metres / 83.33 by definition).
 *
 * <p>Both engines start from the same points: each origin is a seeded random point snapped onto OUR network, each
 * place is our attachment point on its walkway; GraphHopper snaps those points again (kept only within 1 m). What can
 * still differ is modelling: GraphHopper honours {@code oneway} on steps, admits trunk roads and bridleways without
 * sidewalks, blocks fence/wall barrier nodes, keeps the islands we drop; and a place a few metres inside a limit in one
 * engine can be outside in the other. Tolerance: places within ±2 % of the 10- or 15-minute limit in either engine
 * are left out of the set comparison; at least 99.5 % of the remaining (origin, place) pairs must agree, the median
 * relative distance difference of commonly reached places must stay under 0.1 % and the maximum under 3 %.
 *
 * <p>Measured (100 origins × 100 Krems places): 10 min 9,896 pairs compared, 0 disagree, 104 in the band; 15 min
 * 9,872 compared, 1 disagrees, 128 in the band; over 2,629 commonly reached pairs farther than 50 m the distance
 * differs by median 0.0024 %, p95 0.015 %, max 0.05 % (GraphHopper's earth radius is 6,371,000 m, ours 6,371,008.8 m,
 * and it stores way geometry simplified).
 *
 * <p>GraphHopper's reader and weighting are wired by hand instead of through the {@code GraphHopper} facade: the
 * facade stores its encoded-value configuration with a Jackson 2 constant ({@code PropertyNamingStrategy.SNAKE_CASE})
 * that the Jackson 2 version on this application's classpath no longer has.
 */
@OsmApplicationIT
class OsmGraphHopperAgreementIT {

    static final Path KREMS = Path.of("../shared/data/osm_krems_graphhopper.osm.gz");
    static final int ORIGINS = 100;
    static final double BOUNDARY_BAND = 0.02;

    @Autowired
    OsmImporter importer;

    @Autowired
    CityNetworkService networks;

    /** A file, the box its places lie in and the box origins are drawn from ({minLat, maxLat, minLon, maxLon}). */
    record Extract(String name, Path file, double[] places, double[] origins, long seed) {
    }

    static final Extract KREMS_EXTRACT = new Extract("Krems", KREMS, new double[] {48.3, 48.5, 15.5, 15.8},
            new double[] {48.395, 48.415, 15.590, 15.640}, 20260415L);
    static final Extract MONACO_EXTRACT = new Extract("Monaco", OsmImportIT.MONACO,
            new double[] {43.70, 43.77, 7.39, 7.45}, new double[] {43.727, 43.749, 7.413, 7.436}, 20261203L);
    static final Extract HAIDIAN_EXTRACT = new Extract("Haidian", OsmImportIT.HAIDIAN,
            new double[] {39.99, 40.02, 116.33, 116.37}, new double[] {39.998, 40.008, 116.345, 116.359}, 20261204L);

    @Test
    void placesReachedWithin10And15MinutesAgreeWithGraphHopperOnKrems() throws java.io.IOException {
        Agreements krems = agreement(KREMS_EXTRACT);
        Agreement foot = krems.footProfile();
        assertThat(foot.placesCompared()).as("Krems places GraphHopper snaps within 1 m of our attachment point")
                .isGreaterThanOrEqualTo(foot.placesInBox() * 9 / 10).isPositive();
        assertThat(foot.compared()[1]).isGreaterThan(5_000);
        assertThat(foot.bandAgreement()[0]).isGreaterThanOrEqualTo(0.995);
        assertThat(foot.bandAgreement()[1]).isGreaterThanOrEqualTo(0.995);
        assertThat(foot.medianRelativeDifference()).isLessThan(0.001);
        // Krems' trunk roads (B3, B37) are walkable for GraphHopper and, without a sidewalk, not for us: with them
        // closed in GraphHopper too, the goals hold
        Agreement sameRules = krems.withoutTrunkRoads();
        assertThat(sameRules.maxRelativeDifference()).isLessThan(0.03);
        assertGoals(sameRules);
    }

    @Test
    void placesReachedWithin10And15MinutesAgreeWithGraphHopperOnMonaco() throws java.io.IOException {
        Agreements monaco = agreement(MONACO_EXTRACT);
        assertThat(monaco.footProfile().placesCompared()).isGreaterThanOrEqualTo(
                monaco.footProfile().placesInBox() * 9 / 10).isPositive();
        assertGoals(monaco.footProfile());
        assertGoals(monaco.withoutTrunkRoads());
    }

    @Test
    void placesReachedWithin10And15MinutesAgreeWithGraphHopperOnHaidian() throws java.io.IOException {
        Agreements haidian = agreement(HAIDIAN_EXTRACT);
        assertThat(haidian.footProfile().placesCompared()).isGreaterThanOrEqualTo(
                haidian.footProfile().placesInBox() * 9 / 10).isPositive();
        assertGoals(haidian.footProfile());
        assertGoals(haidian.withoutTrunkRoads());
    }

    /** The goals: mean Jaccard of the reached sets at least 0.98, at least 99 % of distances within tolerance. */
    private static void assertGoals(Agreement a) {
        for (int t = 0; t < 2; t++) {
            assertThat(a.meanJaccard()[t]).as("%s mean Jaccard at %d min", a.name(), LIMIT_MINUTES[t])
                    .isGreaterThanOrEqualTo(0.98);
            assertThat(a.withinTolerance()[t]).as("%s share within 3 %% or 15 m at %d min", a.name(), LIMIT_MINUTES[t])
                    .isGreaterThanOrEqualTo(0.99);
        }
    }

    static final int[] LIMIT_MINUTES = {10, 15};

    /**
     * @param meanJaccard     per limit: mean over origins of |ours ∩ theirs| / |ours ∪ theirs| of the places reached
     * @param withinTolerance per limit: share of the places both reach whose distances differ by at most 3 % or 15 m
     * @param bandAgreement   per limit: share of (origin, place) pairs outside the ±2 % band on which both agree
     */
    record Agreement(String name, int origins, int placesCompared, int placesInBox, int[] compared,
            double[] meanJaccard, double[] withinTolerance, double[] bandAgreement, double medianRelativeDifference,
            double maxRelativeDifference) {
    }

    /** GraphHopper's foot profile as it is, and with trunk roads closed as our rules close those without a sidewalk. */
    record Agreements(Agreement footProfile, Agreement withoutTrunkRoads) {
    }

    private Agreements agreement(Extract extract) throws java.io.IOException {
        OsmImportSummary summary = importer.importFile(extract.file());
        System.out.println("OSM import summary: " + summary);
        CityNetwork city = networks.current();
        WalkwayNetwork network = city.network();

        BooleanEncodedValue footAccess = VehicleAccess.create("foot");
        EnumEncodedValue<RoadClass> roadClass = RoadClass.create();
        EncodingManager encoding = EncodingManager.start().add(footAccess).add(roadClass).build();
        BaseGraph graph = new BaseGraph.Builder(encoding).create();
        OSMReader reader = new OSMReader(graph, new OSMParsers()
                .addWayTagParser(new FootAccessParser(encoding, new PMap()))
                .addWayTagParser(new OSMRoadClassParser(roadClass)), new OSMReaderConfig());
        reader.setFile(extract.file().toFile());
        reader.readGraph();
        graph.freeze();
        LocationIndexTree index = new LocationIndexTree(graph, graph.getDirectory());
        index.prepareIndex();
        Weighting foot = CustomModelParser.createWeighting(encoding, TurnCostProvider.NO_TURN_COST_PROVIDER,
                new CustomModel()
                        .addToPriority(Statement.If("!foot_access", Statement.Op.MULTIPLY, "0"))
                        .addToSpeed(Statement.If("true", Statement.Op.LIMIT, "5"))
                        .setDistanceInfluence(0d));
        Weighting footWithoutTrunk = CustomModelParser.createWeighting(encoding,
                TurnCostProvider.NO_TURN_COST_PROVIDER, new CustomModel()
                        .addToPriority(Statement.If("!foot_access || road_class == TRUNK", Statement.Op.MULTIPLY, "0"))
                        .addToSpeed(Statement.If("true", Statement.Op.LIMIT, "5"))
                        .setDistanceInfluence(0d));
        EdgeFilter walkable = edge -> edge.get(footAccess) || edge.getReverse(footAccess);
        EdgeFilter walkableWithoutTrunk = edge -> walkable.accept(edge) && edge.get(roadClass) != RoadClass.TRUNK;
        try {
            return new Agreements(compare(extract, "foot profile", city, network, graph, index, foot, walkable),
                    compare(extract, "foot profile without trunk roads", city, network, graph, index,
                            footWithoutTrunk, walkableWithoutTrunk));
        } finally {
            index.close();
            graph.close();
        }
    }

    private Agreement compare(Extract extract, String profile, CityNetwork city, WalkwayNetwork network,
            BaseGraph baseGraph, LocationIndexTree index, Weighting weighting, EdgeFilter filter) {
        // this extract's places only (other ITs may have imported other cities into the same database)
        double[] box = extract.places();
        List<Integer> places = new ArrayList<>();
        List<Snap> placeSnaps = new ArrayList<>();
        int inBox = 0;
        for (int p = 0; p < city.placeCount(); p++) {
            double[] point = pointOn(network, city.placeAttachment(p).segment(),
                    city.placeAttachment(p).offsetMillimetres());
            if (point[0] < box[0] || point[0] > box[1] || point[1] < box[2] || point[1] > box[3]) {
                continue;
            }
            inBox++;
            Snap snap = index.findClosest(point[0], point[1], filter);
            if (snap.isValid() && snap.getQueryDistance() < 1.0) {
                places.add(p);
                placeSnaps.add(snap);
            }
        }
        Random random = new Random(extract.seed());
        double[] o = extract.origins();
        List<SegmentSnapper.Snap> origins = new ArrayList<>();
        List<Snap> originSnaps = new ArrayList<>();
        while (origins.size() < ORIGINS) {
            double lat = o[0] + random.nextDouble() * (o[1] - o[0]);
            double lon = o[2] + random.nextDouble() * (o[3] - o[2]);
            var ours = city.snapper().snap(lat, lon, 50);
            if (ours.isEmpty()) {
                continue;
            }
            Snap theirs = index.findClosest(ours.get().lat(), ours.get().lon(), filter);
            if (theirs.isValid() && theirs.getQueryDistance() < 1.0) {
                origins.add(ours.get());
                originSnaps.add(theirs);
            }
        }
        List<Snap> all = new ArrayList<>(placeSnaps);
        all.addAll(originSnaps);
        QueryGraph graph = QueryGraph.create(baseGraph, all);
        Weighting queryWeighting = graph.wrapWeighting(weighting);

        int limit15 = Millimetres.limit(Pace.ADULT.meters(15));
        double[] limitsMeters = {Pace.ADULT.meters(10), Pace.ADULT.meters(15)};
        int[] compared = new int[2];
        int[] disagreements = new int[2];
        int[] excluded = new int[2];
        double[] jaccardSum = new double[2];
        int[] bothReached = new int[2];
        int[] withinTolerance = new int[2];
        List<Double> relativeDifferences = new ArrayList<>();
        Map<Integer, double[]> worstByPlace = new HashMap<>();
        WalkingSearch search = new WalkingSearch(network);
        for (int k = 0; k < origins.size(); k++) {
            search.run(origins.get(k).attachment(), limit15 * 2);
            Map<Integer, Double> ours = new HashMap<>();
            city.places().forEachWithin(search, limit15 * 2, (place, mm) -> ours.put(place, Millimetres.toMeters(mm)));

            ShortestPathTree tree = new ShortestPathTree(graph, queryWeighting, false, TraversalMode.NODE_BASED);
            tree.setDistanceLimit(limitsMeters[1] * 2);
            Map<Integer, Double> nodeDistance = new HashMap<>();
            tree.search(originSnaps.get(k).getClosestNode(), label -> nodeDistance.merge(label.node, label.distance,
                    Math::min));

            int[] union = new int[2];
            int[] intersection = new int[2];
            for (int i = 0; i < places.size(); i++) {
                int place = places.get(i);
                double ourMeters = ours.getOrDefault(place, Double.POSITIVE_INFINITY);
                double theirMeters = nodeDistance.getOrDefault(placeSnaps.get(i).getClosestNode(),
                        Double.POSITIVE_INFINITY);
                for (int t = 0; t < 2; t++) {
                    double limit = limitsMeters[t];
                    boolean ourReach = ourMeters <= limit;
                    boolean theirReach = theirMeters <= limit;
                    union[t] += ourReach || theirReach ? 1 : 0;
                    intersection[t] += ourReach && theirReach ? 1 : 0;
                    if (ourReach && theirReach) {
                        bothReached[t]++;
                        if (Math.abs(ourMeters - theirMeters) <= Math.max(0.03 * theirMeters, 15.0)) {
                            withinTolerance[t]++;
                        }
                    }
                    if (Math.abs(ourMeters - limit) <= BOUNDARY_BAND * limit
                            || Math.abs(theirMeters - limit) <= BOUNDARY_BAND * limit) {
                        excluded[t]++;
                        continue;
                    }
                    compared[t]++;
                    if (ourReach != theirReach) {
                        disagreements[t]++;
                    }
                }
                if (ourMeters <= limitsMeters[1] && theirMeters <= limitsMeters[1] && theirMeters > 50) {
                    relativeDifferences.add(Math.abs(ourMeters - theirMeters) / theirMeters);
                }
                double gap = Math.abs(Math.min(ourMeters, 5000) - Math.min(theirMeters, 5000));
                if (Math.min(ourMeters, theirMeters) <= limitsMeters[1]
                        && gap > worstByPlace.getOrDefault(place, new double[] {0})[0]) {
                    worstByPlace.put(place, new double[] {gap, ourMeters, theirMeters, k});
                }
            }
            for (int t = 0; t < 2; t++) {
                jaccardSum[t] += union[t] == 0 ? 1.0 : (double) intersection[t] / union[t];
            }
        }
        double[] sorted = relativeDifferences.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        double p95 = sorted.length == 0 ? 0 : sorted[(int) (sorted.length * 0.95)];
        double max = sorted.length == 0 ? 0 : sorted[sorted.length - 1];
        double[] meanJaccard = {jaccardSum[0] / origins.size(), jaccardSum[1] / origins.size()};
        double[] tolerance = {bothReached[0] == 0 ? 1 : (double) withinTolerance[0] / bothReached[0],
                bothReached[1] == 0 ? 1 : (double) withinTolerance[1] / bothReached[1]};
        double[] band = {1.0 - (double) disagreements[0] / Math.max(1, compared[0]),
                1.0 - (double) disagreements[1] / Math.max(1, compared[1])};
        System.out.printf("GraphHopper (%s) agreement on %s: %d origins, %d of %d places; 10 min: mean Jaccard %.4f, "
                        + "%.2f %% of %d common distances within 3 %% or 15 m, band agreement %.3f %% (%d compared, %d "
                        + "disagree, %d in the ±2 %% band); 15 min: mean Jaccard %.4f, %.2f %% of %d within tolerance, "
                        + "band agreement %.3f %% (%d compared, %d disagree, %d in the band); distance difference over "
                        + "%d commonly reached pairs (> 50 m): median %.4f %%, p95 %.3f %%, max %.2f %%%n",
                profile, extract.name(), origins.size(), places.size(), inBox, meanJaccard[0], tolerance[0] * 100,
                bothReached[0], band[0] * 100, compared[0], disagreements[0], excluded[0], meanJaccard[1],
                tolerance[1] * 100, bothReached[1], band[1] * 100, compared[1], disagreements[1], excluded[1],
                sorted.length, median * 100, p95 * 100, max * 100);
        // the places whose distances differ most, to tell modelling differences from errors
        worstByPlace.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0])).limit(8)
                .forEach(e -> System.out.printf("  %s: %s on walkway %s (%s), ours %.1f m, GraphHopper's %.1f m%n",
                        extract.name(), city.placeIds()[e.getKey()], city.walkwayIds()[city.placeAttachment(e.getKey())
                                .segment()], city.walkwayKinds()[city.placeAttachment(e.getKey()).segment()],
                        e.getValue()[1], e.getValue()[2]));
        return new Agreement(extract.name() + " (" + profile + ")", origins.size(), places.size(), inBox, compared, meanJaccard, tolerance,
                band, median, max);
    }

    /** The WGS84 point at {@code offsetMillimetres} along segment s, proportional to its geometric length. */
    static double[] pointOn(WalkwayNetwork network, int s, int offsetMillimetres) {
        int points = network.segmentShapePointCount(s);
        double[] pieces = new double[points - 1];
        double total = 0;
        for (int i = 0; i + 1 < points; i++) {
            pieces[i] = Geo.haversineMeters(network.segmentShapeLat(s, i), network.segmentShapeLon(s, i),
                    network.segmentShapeLat(s, i + 1), network.segmentShapeLon(s, i + 1));
            total += pieces[i];
        }
        int length = network.segmentMillimetres(s);
        double target = length == 0 ? 0 : total * offsetMillimetres / length;
        for (int i = 0; i + 1 < points; i++) {
            if (target <= pieces[i] || i == points - 2) {
                double f = pieces[i] == 0 ? 0 : Math.min(1, target / pieces[i]);
                return new double[] {
                        network.segmentShapeLat(s, i) + f * (network.segmentShapeLat(s, i + 1) - network.segmentShapeLat(s, i)),
                        network.segmentShapeLon(s, i) + f * (network.segmentShapeLon(s, i + 1) - network.segmentShapeLon(s, i))};
            }
            target -= pieces[i];
        }
        return new double[] {network.segmentShapeLat(s, 0), network.segmentShapeLon(s, 0)};
    }
}
