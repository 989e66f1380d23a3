package cn.nantong.livingcircle.reachability;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;

import cn.nantong.livingcircle.analytics.CoverageBenchmark;
import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.Geo;
import cn.nantong.livingcircle.engine.NetworkReach;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.engine.WalkingSearch;
import cn.nantong.livingcircle.engine.WalkwayNetwork;
import cn.nantong.livingcircle.engine.isochrone.IsochroneBuilder;
import cn.nantong.livingcircle.engine.isochrone.LocalProjection;
import com.graphhopper.isochrone.algorithm.ContourBuilder;
import com.graphhopper.isochrone.algorithm.JTSTriangulator;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.isochrone.algorithm.Triangulator;
import com.graphhopper.json.Statement;
import com.graphhopper.reader.osm.OSMReader;
import com.graphhopper.routing.OSMReaderConfig;
import com.graphhopper.routing.RouterConfig;
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
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Any-point reachability and isochrones on the largest network we have (the city-scale synthetic dataset, 215k
 * junctions), our engine and GraphHopper 10.2 side by side in one JVM, same origins, single-threaded, in-process
 * (no HTTP on either side). Run {@code scripts/bench-routing.sh}; not part of the test run.
 *
 * <ul>
 *   <li><b>reach</b>: snap a point, walk 15 minutes (1,250 m). Ours: {@code SegmentSnapper} + bounded search + every
 *       place within the bound, sorted ({@link NetworkReach#placesWithin}). GraphHopper: {@code LocationIndexTree}
 *       snap + {@code QueryGraph} + {@code ShortestPathTree} with a 1,250 m distance limit (no places: it has none).</li>
 *   <li><b>isochrone</b>: 5, 10 and 15-minute polygons. Ours: search + exact reached pieces, their 40 m band traced
 *       as a distance-field contour ({@link IsochroneBuilder}), with areas. GraphHopper: what its /isochrone endpoint runs — shortest-path tree
 *       to limit + max(14 %, 2 km), JTS Delaunay triangulation, contour per limit.</li>
 * </ul>
 * The network is written as OSM XML (junction = node, walkway = {@code highway=footway} way) so GraphHopper reads
 * the very same graph; its foot model is pinned to 5 km/h and distances are compared.
 */
public final class RoutingBenchmark {

    private RoutingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/city-data");
        int origins = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        CityNetwork city = CoverageBenchmark.load(dir, Path.of("neo4j/migrations/V0002__Seed_service_categories.cypher"));
        WalkwayNetwork network = city.network();
        Path osm = dir.resolve("city-network.osm");
        if (!Files.exists(osm)) {
            writeOsm(network, osm);
        }

        BooleanEncodedValue footAccess = VehicleAccess.create("foot");
        EncodingManager encoding = EncodingManager.start().add(footAccess).build();
        BaseGraph graph = new BaseGraph.Builder(encoding).create();
        long importStart = System.nanoTime();
        OSMReader reader = new OSMReader(graph,
                new OSMParsers().addWayTagParser(new FootAccessParser(encoding, new PMap())), new OSMReaderConfig());
        reader.setFile(osm.toFile());
        reader.readGraph();
        graph.freeze();
        LocationIndexTree index = new LocationIndexTree(graph, graph.getDirectory());
        index.prepareIndex();
        long importMillis = (System.nanoTime() - importStart) / 1_000_000;
        Weighting weighting = footAtFiveKmh(encoding);
        EdgeFilter walkable = edge -> edge.get(footAccess) || edge.getReverse(footAccess);
        JTSTriangulator triangulator = new JTSTriangulator(new RouterConfig());

        Box box = junctionBox(network);
        double minLat = box.minLat(), maxLat = box.maxLat(), minLon = box.minLon(), maxLon = box.maxLon();
        Random random = new Random(42);
        List<double[]> points = new ArrayList<>();
        while (points.size() < origins) {
            double lat = minLat + random.nextDouble() * (maxLat - minLat);
            double lon = minLon + random.nextDouble() * (maxLon - minLon);
            if (city.snapper().snap(lat, lon, 200).isPresent() && index.findClosest(lat, lon, walkable).isValid()) {
                points.add(new double[] {lat, lon});
            }
        }
        // buildings: origins where residents are (dense compounds); points: anywhere in the region (often sparse)
        List<double[]> entrances = new ArrayList<>();
        Random pick = new Random(7);
        while (entrances.size() < origins) {
            Attachment at = city.buildingAttachments()[pick.nextInt(city.buildingCount())];
            entrances.add(pointOn(network, at));
        }
        String report = String.format(Locale.ROOT, """
                Routing benchmark: city-scale synthetic network (%,d junctions, %,d walkway segments, %,d places),
                single thread, in-process, JDK %s; GraphHopper graph built in %,d ms
                """, network.junctionCount(), network.segmentCount(), city.placeCount(),
                System.getProperty("java.version"), importMillis)
                + measure("building entrances", entrances, city, graph, index, weighting, walkable, triangulator)
                + measure("random points in the region", points, city, graph, index, weighting, walkable, triangulator);
        System.out.print(report);
        Path out = Path.of("target", "bench", "routing.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        index.close();
        graph.close();
    }

    private static String measure(String label, List<double[]> points, CityNetwork city, BaseGraph graph,
            LocationIndexTree index, Weighting weighting, EdgeFilter walkable, JTSTriangulator triangulator) {
        WalkwayNetwork network = city.network();
        int reachMm = (int) Math.round(Pace.ADULT.meters(15) * 1000);
        int[] isoMm = {(int) Math.round(Pace.ADULT.meters(5) * 1000), (int) Math.round(Pace.ADULT.meters(10) * 1000), reachMm};
        WalkingSearch search = new WalkingSearch(network);
        long[] checksum = new long[4];

        List<LongSupplier> ours = new ArrayList<>();
        List<LongSupplier> theirs = new ArrayList<>();
        List<LongSupplier> oursIso = new ArrayList<>();
        List<LongSupplier> theirsIso = new ArrayList<>();
        for (double[] p : points) {
            ours.add(() -> {
                SegmentSnapper.Snap snap = city.snapper().snap(p[0], p[1], 500).orElseThrow();
                return NetworkReach.placesWithin(city, snap.attachment(), reachMm, place -> true).size();
            });
            theirs.add(() -> {
                Snap snap = index.findClosest(p[0], p[1], walkable);
                QueryGraph queryGraph = QueryGraph.create(graph, snap);
                ShortestPathTree tree = new ShortestPathTree(queryGraph, queryGraph.wrapWeighting(weighting), false,
                        TraversalMode.NODE_BASED);
                tree.setDistanceLimit(reachMm / 1000.0);
                long[] count = {0};
                tree.search(snap.getClosestNode(), settled -> count[0]++);
                return count[0];
            });
            oursIso.add(() -> {
                Attachment origin = city.snapper().snap(p[0], p[1], 500).orElseThrow().attachment();
                search.run(origin, reachMm);
                int from = network.segmentFrom(origin.segment());
                IsochroneBuilder builder = new IsochroneBuilder(search, origin,
                        new LocalProjection(network.junctionLat(from), network.junctionLon(from)));
                long area = 0;
                for (int bound : isoMm) {
                    Geometry polygon = builder.reachedArea(bound, 40);
                    area += (long) polygon.getArea();
                }
                return area;
            });
            theirsIso.add(() -> {
                Snap snap = index.findClosest(p[0], p[1], walkable);
                QueryGraph queryGraph = QueryGraph.create(graph, snap);
                ShortestPathTree tree = new ShortestPathTree(queryGraph, queryGraph.wrapWeighting(weighting), false,
                        TraversalMode.NODE_BASED);
                double limit = reachMm / 1000.0;
                tree.setDistanceLimit(limit + Math.max(limit * 0.14, 2_000));
                Triangulator.Result result = triangulator.triangulate(snap, queryGraph, tree, settled -> settled.distance, 0);
                ContourBuilder contours = new ContourBuilder(result.triangulation);
                long vertices = 0;
                for (int bound : isoMm) {
                    MultiPolygon polygon = contours.computeIsoline(bound / 1000.0, result.seedEdges);
                    vertices += polygon.getNumPoints();
                }
                return vertices;
            });
        }
        // warm-up: the JIT sees every path before anything is timed
        for (int round = 0; round < 2; round++) {
            checksum[0] += run(ours).checksum;
            checksum[1] += run(theirs).checksum;
            checksum[2] += run(oursIso.subList(0, Math.min(60, points.size()))).checksum;
            checksum[3] += run(theirsIso.subList(0, Math.min(60, points.size()))).checksum;
        }
        Timing reachOurs = run(ours);
        Timing reachTheirs = run(theirs);
        Timing isoOurs = run(oursIso);
        Timing isoTheirs = run(theirsIso);

        return String.format(Locale.ROOT, """
                %s (%d origins)
                                                   median     p90        mean     ratio GH/ours (mean)
                reach 15 min, ours (+places)     %7.3f ms %7.3f ms %7.3f ms
                reach 15 min, GraphHopper SPT    %7.3f ms %7.3f ms %7.3f ms   %.2f
                isochrone 5/10/15, ours          %7.3f ms %7.3f ms %7.3f ms
                isochrone 5/10/15, GraphHopper   %7.3f ms %7.3f ms %7.3f ms   %.2f
                (mean places reached by ours within 15 min: %.1f; mean nodes settled by GraphHopper: %.1f)
                """, label, points.size(),
                reachOurs.median(), reachOurs.p90(), reachOurs.mean(),
                reachTheirs.median(), reachTheirs.p90(), reachTheirs.mean(), reachTheirs.mean() / reachOurs.mean(),
                isoOurs.median(), isoOurs.p90(), isoOurs.mean(),
                isoTheirs.median(), isoTheirs.p90(), isoTheirs.mean(), isoTheirs.mean() / isoOurs.mean(),
                reachOurs.checksum / (double) points.size(), reachTheirs.checksum / (double) points.size());
    }

    /** The WGS84 point at an attachment on a straight or shaped segment (offset proportional to length). */
    private static double[] pointOn(WalkwayNetwork network, Attachment at) {
        double f = network.segmentMillimetres(at.segment()) == 0 ? 0
                : at.offsetMillimetres() / (double) network.segmentMillimetres(at.segment());
        int n = network.segmentShapePointCount(at.segment());
        double[] cumulative = new double[n];
        for (int i = 1; i < n; i++) {
            cumulative[i] = cumulative[i - 1] + cn.nantong.livingcircle.engine.Geo.haversineMeters(
                    network.segmentShapeLat(at.segment(), i - 1), network.segmentShapeLon(at.segment(), i - 1),
                    network.segmentShapeLat(at.segment(), i), network.segmentShapeLon(at.segment(), i));
        }
        double target = f * cumulative[n - 1];
        for (int i = 1; i < n; i++) {
            if (target <= cumulative[i] || i == n - 1) {
                double piece = cumulative[i] - cumulative[i - 1];
                double t = piece == 0 ? 0 : (target - cumulative[i - 1]) / piece;
                return new double[] {
                        network.segmentShapeLat(at.segment(), i - 1) + t * (network.segmentShapeLat(at.segment(), i)
                                - network.segmentShapeLat(at.segment(), i - 1)),
                        network.segmentShapeLon(at.segment(), i - 1) + t * (network.segmentShapeLon(at.segment(), i)
                                - network.segmentShapeLon(at.segment(), i - 1))};
            }
        }
        return new double[] {network.junctionLat(network.segmentFrom(at.segment())),
                network.junctionLon(network.segmentFrom(at.segment()))};
    }

    private static Timing run(List<LongSupplier> tasks) {
        long[] nanos = new long[tasks.size()];
        long checksum = 0;
        for (int i = 0; i < tasks.size(); i++) {
            long start = System.nanoTime();
            checksum += tasks.get(i).getAsLong();
            nanos[i] = System.nanoTime() - start;
        }
        return new Timing(nanos, checksum);
    }

    private record Timing(long[] nanos, long checksum) {
        double median() {
            return percentile(50);
        }

        double p90() {
            return percentile(90);
        }

        double mean() {
            return Arrays.stream(nanos).average().orElse(0) / 1e6;
        }

        private double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
        }
    }

    /** The network as OSM XML: every junction a node, every walkway a footway (shape points as extra nodes). */
    static void writeOsm(WalkwayNetwork network, Path file) throws IOException {
        long[] firstShapeNode = new long[network.segmentCount()];
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\" generator=\"living-circle benchmark\">\n");
            for (int j = 0; j < network.junctionCount(); j++) {
                node(out, j + 1L, network.junctionLat(j), network.junctionLon(j));
            }
            long nextNode = network.junctionCount() + 1L;
            for (int s = 0; s < network.segmentCount(); s++) {
                firstShapeNode[s] = nextNode;
                for (int i = 1; i + 1 < network.segmentShapePointCount(s); i++) {
                    node(out, nextNode++, network.segmentShapeLat(s, i), network.segmentShapeLon(s, i));
                }
            }
            StringBuilder way = new StringBuilder();
            for (int s = 0; s < network.segmentCount(); s++) {
                way.setLength(0);
                way.append("<way id=\"").append(s + 1).append("\" version=\"1\"><nd ref=\"")
                        .append(network.segmentFrom(s) + 1).append("\"/>");
                for (int i = 1; i + 1 < network.segmentShapePointCount(s); i++) {
                    way.append("<nd ref=\"").append(firstShapeNode[s] + i - 1).append("\"/>");
                }
                way.append("<nd ref=\"").append(network.segmentTo(s) + 1)
                        .append("\"/><tag k=\"highway\" v=\"footway\"/></way>\n");
                out.write(way.toString());
            }
            out.write("</osm>\n");
        }
    }

    private static void node(BufferedWriter out, long id, double lat, double lon) throws IOException {
        out.write(String.format(Locale.ROOT, "<node id=\"%d\" version=\"1\" lat=\"%.7f\" lon=\"%.7f\"/>\n", id, lat, lon));
    }

    /**
     * GraphHopper's foot profile as every comparison here pins it: foot access only, at most 5 km/h (our adult
     * pace), shortest distance (no distance influence).
     */
    static Weighting footAtFiveKmh(EncodingManager encoding) {
        return CustomModelParser.createWeighting(encoding, TurnCostProvider.NO_TURN_COST_PROVIDER,
                new CustomModel().addToPriority(Statement.If("!foot_access", Statement.Op.MULTIPLY, "0"))
                        .addToSpeed(Statement.If("true", Statement.Op.LIMIT, "5")).setDistanceInfluence(0d));
    }

    /** The box of a network's junctions, where the benchmarks draw their random origins. */
    record Box(double minLat, double maxLat, double minLon, double maxLon) {
    }

    static Box junctionBox(WalkwayNetwork network) {
        double minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE, minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE;
        for (int j = 0; j < network.junctionCount(); j++) {
            minLat = Math.min(minLat, network.junctionLat(j));
            maxLat = Math.max(maxLat, network.junctionLat(j));
            minLon = Math.min(minLon, network.junctionLon(j));
            maxLon = Math.max(maxLon, network.junctionLon(j));
        }
        return new Box(minLat, maxLat, minLon, maxLon);
    }
}
