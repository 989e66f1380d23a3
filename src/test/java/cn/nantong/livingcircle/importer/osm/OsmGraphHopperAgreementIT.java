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
import com.graphhopper.routing.ev.VehicleAccess;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.util.EncodingManager;
import com.graphhopper.routing.util.OSMParsers;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.util.parsers.FootAccessParser;
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

    @Test
    void placesReachedWithin10And15MinutesAgreeWithGraphHopper() throws java.io.IOException {
        OsmImportSummary summary = importer.importFile(KREMS);
        System.out.println("OSM import summary: " + summary);
        CityNetwork city = networks.current();
        WalkwayNetwork network = city.network();

        BooleanEncodedValue footAccess = VehicleAccess.create("foot");
        EncodingManager encoding = EncodingManager.start().add(footAccess).build();
        BaseGraph graph = new BaseGraph.Builder(encoding).create();
        OSMReader reader = new OSMReader(graph,
                new OSMParsers().addWayTagParser(new FootAccessParser(encoding, new PMap())), new OSMReaderConfig());
        reader.setFile(KREMS.toFile());
        reader.readGraph();
        graph.freeze();
        LocationIndexTree index = new LocationIndexTree(graph, graph.getDirectory());
        index.prepareIndex();
        Weighting weighting = CustomModelParser.createWeighting(encoding, TurnCostProvider.NO_TURN_COST_PROVIDER,
                new CustomModel()
                        .addToPriority(Statement.If("!foot_access", Statement.Op.MULTIPLY, "0"))
                        .addToSpeed(Statement.If("true", Statement.Op.LIMIT, "5"))
                        .setDistanceInfluence(0d));
        EdgeFilter walkable = edge -> edge.get(footAccess) || edge.getReverse(footAccess);
        try {
            compare(city, network, graph, index, weighting, walkable);
        } finally {
            index.close();
            graph.close();
        }
    }

    private void compare(CityNetwork city, WalkwayNetwork network, BaseGraph baseGraph, LocationIndexTree index,
            Weighting weighting, EdgeFilter filter) {
        // Krems places only (other ITs may have imported other cities into the same database).
        List<Integer> places = new ArrayList<>();
        List<Snap> placeSnaps = new ArrayList<>();
        int kremsPlaces = 0;
        for (int p = 0; p < city.placeCount(); p++) {
            double[] point = pointOn(network, city.placeAttachment(p).segment(),
                    city.placeAttachment(p).offsetMillimetres());
            if (point[0] < 48.3 || point[0] > 48.5 || point[1] < 15.5 || point[1] > 15.8) {
                continue;
            }
            kremsPlaces++;
            Snap snap = index.findClosest(point[0], point[1], filter);
            if (snap.isValid() && snap.getQueryDistance() < 1.0) {
                places.add(p);
                placeSnaps.add(snap);
            }
        }
        Random random = new Random(20260415L);
        List<SegmentSnapper.Snap> origins = new ArrayList<>();
        List<Snap> originSnaps = new ArrayList<>();
        while (origins.size() < ORIGINS) {
            double lat = 48.395 + random.nextDouble() * 0.020;
            double lon = 15.590 + random.nextDouble() * 0.050;
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
        List<Double> relativeDifferences = new ArrayList<>();
        WalkingSearch search = new WalkingSearch(network);
        for (int o = 0; o < origins.size(); o++) {
            search.run(origins.get(o).attachment(), limit15 * 2);
            Map<Integer, Double> ours = new HashMap<>();
            city.places().forEachWithin(search, limit15 * 2, (place, mm) -> ours.put(place, Millimetres.toMeters(mm)));

            ShortestPathTree tree = new ShortestPathTree(graph, queryWeighting, false, TraversalMode.NODE_BASED);
            tree.setDistanceLimit(limitsMeters[1] * 2);
            Map<Integer, Double> nodeDistance = new HashMap<>();
            tree.search(originSnaps.get(o).getClosestNode(), label -> nodeDistance.merge(label.node, label.distance,
                    Math::min));

            for (int i = 0; i < places.size(); i++) {
                int place = places.get(i);
                double ourMeters = ours.getOrDefault(place, Double.POSITIVE_INFINITY);
                double theirMeters = nodeDistance.getOrDefault(placeSnaps.get(i).getClosestNode(),
                        Double.POSITIVE_INFINITY);
                for (int t = 0; t < 2; t++) {
                    double limit = limitsMeters[t];
                    if (Math.abs(ourMeters - limit) <= BOUNDARY_BAND * limit
                            || Math.abs(theirMeters - limit) <= BOUNDARY_BAND * limit) {
                        excluded[t]++;
                        continue;
                    }
                    compared[t]++;
                    if ((ourMeters <= limit) != (theirMeters <= limit)) {
                        disagreements[t]++;
                    }
                }
                if (ourMeters <= limitsMeters[1] && theirMeters <= limitsMeters[1] && theirMeters > 50) {
                    relativeDifferences.add(Math.abs(ourMeters - theirMeters) / theirMeters);
                }
            }
        }
        double[] sorted = relativeDifferences.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted[sorted.length / 2];
        double p95 = sorted[(int) (sorted.length * 0.95)];
        double max = sorted[sorted.length - 1];
        double agreement10 = 1.0 - (double) disagreements[0] / compared[0];
        double agreement15 = 1.0 - (double) disagreements[1] / compared[1];
        System.out.printf("GraphHopper agreement on Krems: %d origins, %d of %d places; 10 min: %d pairs compared, %d "
                        + "disagree (%.3f %% agree), %d in the ±2 %% band; 15 min: %d compared, %d disagree (%.3f %% "
                        + "agree), %d in the band; distance difference over %d commonly reached pairs (> 50 m): "
                        + "median %.4f %%, p95 %.3f %%, max %.2f %%%n", origins.size(), places.size(), kremsPlaces, compared[0],
                disagreements[0], agreement10 * 100, excluded[0], compared[1], disagreements[1], agreement15 * 100,
                excluded[1], sorted.length, median * 100, p95 * 100, max * 100);

        assertThat(places.size()).as("Krems places GraphHopper snaps within 1 m of our attachment point")
                .isGreaterThanOrEqualTo(kremsPlaces * 9 / 10).isPositive();
        assertThat(compared[1]).isGreaterThan(5_000);
        assertThat(agreement10).isGreaterThanOrEqualTo(0.995);
        assertThat(agreement15).isGreaterThanOrEqualTo(0.995);
        assertThat(median).isLessThan(0.001);
        assertThat(max).isLessThan(0.03);
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
