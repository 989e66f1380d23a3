package cn.nantong.livingcircle.reachability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.Geo;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.engine.WalkingSearch;
import cn.nantong.livingcircle.engine.WalkwayNetwork;
import cn.nantong.livingcircle.engine.isochrone.IsochroneContours;
import cn.nantong.livingcircle.engine.isochrone.IsochroneSettings;
import cn.nantong.livingcircle.importer.osm.OsmWalkwayNetworks;
import com.graphhopper.isochrone.algorithm.ContourBuilder;
import com.graphhopper.isochrone.algorithm.JTSTriangulator;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.isochrone.algorithm.Triangulator;
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
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.Graph;
import com.graphhopper.storage.index.LocationIndexTree;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.PMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Any-point search and isochrones on the three real OpenStreetMap extracts in {@code ../shared/data} (Beijing
 * Haidian, Monaco, Krems; ODbL, © OpenStreetMap contributors): our walking engine against (a) GraphHopper 10.2 and
 * (b) a compact array search, a plain Dijkstra over int CSR arrays with a binary heap written here as the reference.
 * Same origins on every side, single thread, in-process, snap and search timed separately. Run
 * {@code scripts/bench-routing-osm.sh}; not part of the test run.
 *
 * <ul>
 *   <li><b>Our network</b> is what an import of the file into an empty graph writes, built by the importer's own
 *       planning phases without Neo4j or Spring ({@link OsmWalkwayNetworks}); the snapper is the server's
 *       ({@code circle.walking.min-snap-component-meters} 3,000 m, max snap 500 m).</li>
 *   <li><b>Any-point search</b>, 15 minutes (1,250 m): ours = {@link SegmentSnapper#snap} then
 *       {@link WalkingSearch#run} (no place listing: the others have no places). The compact array search starts
 *       from the same snapped point (both segment ends seeded), on its own CSR copy of the same network, so it has
 *       no snap of its own. GraphHopper = {@code LocationIndexTree.findClosest}, then {@code QueryGraph.create} (its
 *       way of starting mid-edge) and {@code ShortestPathTree} with a 1,250 m distance limit.</li>
 *   <li><b>Isochrones</b> 5, 10, 15 min: ours = snap, search to 15 min, then the contour
 *       ({@code IsochroneBuilder} + distance-field contour, 40 m band, 6 m cells, on one reused raster as the pooled
 *       service does: {@link IsochroneContours}). GraphHopper = what {@code /isochrone?buckets=3} runs:
 *       snap, query graph, {@code ShortestPathTree} to the limit + margin inside {@code JTSTriangulator.triangulate},
 *       Delaunay triangulation, {@code ContourBuilder.computeIsoline} per bucket and the main connected component;
 *       twice, as {@code time_limit=900} (margin max(14 %, 200 s)) and as {@code distance_limit=1250} (margin max(14 %,
 *       2 km)). Its "search" is the tree's {@code search} call (timed inside, with the site collection GraphHopper
 *       does in its callback), its "contour" the rest.</li>
 * </ul>
 * GraphHopper reads the same file with its own foot access rules ({@code FootAccessParser}), speed pinned to 5 km/h,
 * distance influence 0 (as in {@code OsmGraphHopperAgreementIT}), so its networks differ from ours by modelling
 * (trunk roads, barriers, kept islands): the settled sets are compared and printed, exactly for ours vs the compact
 * search (same network: they must be identical), approximately for GraphHopper.
 *
 * <p>Arguments: {@code [origins=300] [rounds=5] [isochroneRounds=3] [markdownOut]}. Each round runs every method over
 * every origin (method order reversed every other round); two warm-up rounds (one for isochrones) come first.
 */
public final class OsmRoutingBenchmark {

    private static final double MAX_SNAP_METERS = 500;
    private static final double MIN_SNAP_COMPONENT_METERS = 3_000;
    private static final double MIN_ISLAND_METERS = 500;
    /** An origin is a random point of the network's box within this distance of a walkway on both networks. */
    private static final double ORIGIN_MAX_SNAP_METERS = 100;
    private static final int REACH_MM = Pace.ADULT.thresholdMillimetres(15);
    private static final int[] ISO_MM = {Pace.ADULT.thresholdMillimetres(5), Pace.ADULT.thresholdMillimetres(10),
            Pace.ADULT.thresholdMillimetres(15)};
    /** The service's defaults (circle.isochrone.buffer-meters, cell-meters); -Dbench.cellMeters tries another cell. */
    private static final IsochroneSettings ISO_SETTINGS = new IsochroneSettings(40,
            Double.parseDouble(System.getProperty("bench.cellMeters", "6")));

    private record ExtractFile(String name, Path file, long seed) {
    }

    private static final List<ExtractFile> EXTRACTS = List.of(
            new ExtractFile("Beijing Haidian", Path.of("../shared/data/osm_beijing_haidian_cau.osm"), 20261204L),
            new ExtractFile("Monaco", Path.of("../shared/data/osm_monaco_graphhopper.osm.gz"), 20261203L),
            new ExtractFile("Krems", Path.of("../shared/data/osm_krems_graphhopper.osm.gz"), 20260415L));

    private OsmRoutingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int origins = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int isoRounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path out = Path.of(args.length > 3 ? args[3] : "target/bench/routing-osm.body.md");
        StringBuilder md = new StringBuilder();
        List<Verdict> verdicts = new ArrayList<>();
        boolean allIdentical = true;
        md.append(String.format(Locale.ROOT, """
                Settings: %d origins per extract, %d measured rounds of every search (%d warm-up), %d of every \
                isochrone (1 warm-up); single thread; JVM %s %s, %d processors visible, max heap %,d MB. Times are \
                per query (per origin and round), in microseconds.

                """, origins, rounds, 2, isoRounds, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20));
        StringBuilder sections = new StringBuilder();
        for (ExtractFile x : EXTRACTS) {
            long start = System.nanoTime();
            Result r = measure(x, origins, rounds, isoRounds);
            System.out.printf(Locale.ROOT, "%s measured in %.1f s%n", x.name(), (System.nanoTime() - start) / 1e9);
            sections.append(r.section());
            verdicts.addAll(r.verdicts());
            allIdentical &= r.identical();
        }
        md.append("### Goals\n\n");
        md.append("Ratios of per-query medians and of per-query means; on a shared machine the means also carry "
                + "the time the thread was preempted by other processes, the medians hardly.\n\n");
        md.append("| extract | goal | ratio of medians | verdict on medians | ratio of means | verdict on means |\n");
        md.append("|---|---|---:|---|---:|---|\n");
        for (Verdict v : verdicts) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %s | %.2f | %s |%n", v.extract(), v.goal(),
                    v.medianRatio(), v.onMedians(), v.meanRatio(), v.onMeans()));
        }
        md.append('\n').append(sections);
        System.out.print(md);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md.toString());
        if (!allIdentical) {
            System.err.println("ours and the compact array search did NOT settle identical sets on every origin");
            System.exit(1);
        }
    }

    private record Verdict(String extract, String goal, double medianRatio, String onMedians, double meanRatio,
            String onMeans) {
    }

    private record Result(String section, List<Verdict> verdicts, boolean identical) {
    }

    // ------------------------------------------------------------------------------------------------ one extract

    private static Result measure(ExtractFile x, int originCount, int rounds, int isoRounds) {
        // ours
        OsmWalkwayNetworks.Built built = OsmWalkwayNetworks.fromExtract(x.file(), MIN_ISLAND_METERS);
        WalkwayNetwork network = built.network();
        long snapperStart = System.nanoTime();
        SegmentSnapper snapper = new SegmentSnapper(network, MIN_SNAP_COMPONENT_METERS);
        long oursBuildMillis = built.millis() + (System.nanoTime() - snapperStart) / 1_000_000;
        WalkingSearch search = new WalkingSearch(network);
        CompactArraySearch compact = new CompactArraySearch(network);
        IsochroneContours contours = new IsochroneContours(ISO_SETTINGS);

        // GraphHopper on the same file
        long ghStart = System.nanoTime();
        BooleanEncodedValue footAccess = VehicleAccess.create("foot");
        EncodingManager encoding = EncodingManager.start().add(footAccess).build();
        BaseGraph graph = new BaseGraph.Builder(encoding).create();
        OSMReader reader = new OSMReader(graph,
                new OSMParsers().addWayTagParser(new FootAccessParser(encoding, new PMap())), new OSMReaderConfig());
        reader.setFile(x.file().toFile());
        try {
            reader.readGraph();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        graph.freeze();
        LocationIndexTree index = new LocationIndexTree(graph, graph.getDirectory());
        index.prepareIndex();
        long ghBuildMillis = (System.nanoTime() - ghStart) / 1_000_000;
        int ghNodes = graph.getNodes();
        int ghEdges = graph.getEdges();
        Weighting weighting = RoutingBenchmark.footAtFiveKmh(encoding);
        EdgeFilter walkable = edge -> edge.get(footAccess) || edge.getReverse(footAccess);
        JTSTriangulator triangulator = new JTSTriangulator(new RouterConfig());

        // origins: random points of our network's box, near a walkway on both networks
        RoutingBenchmark.Box box = RoutingBenchmark.junctionBox(network);
        double minLat = box.minLat(), maxLat = box.maxLat(), minLon = box.minLon(), maxLon = box.maxLon();
        Random random = new Random(x.seed());
        double[] lat = new double[originCount];
        double[] lon = new double[originCount];
        int tried = 0;
        int ghRefused = 0;
        for (int n = 0; n < originCount; ) {
            if (++tried > 1_000_000) {
                throw new IllegalStateException(x.name() + ": found only " + n + " origins near a walkway");
            }
            double la = minLat + random.nextDouble() * (maxLat - minLat);
            double lo = minLon + random.nextDouble() * (maxLon - minLon);
            if (snapper.snap(la, lo, ORIGIN_MAX_SNAP_METERS).isEmpty()) {
                continue;
            }
            Snap theirs = index.findClosest(la, lo, walkable);
            if (!theirs.isValid() || theirs.getQueryDistance() > ORIGIN_MAX_SNAP_METERS) {
                continue;
            }
            try {
                // /isochrone refuses an origin whose tree is too small to triangulate ("Too few points found")
                ghIsochroneGeometry(la, lo, true, graph, index, walkable, weighting, triangulator);
                ghIsochroneGeometry(la, lo, false, graph, index, walkable, weighting, triangulator);
            } catch (IllegalArgumentException e) {
                ghRefused++;
                continue;
            }
            lat[n] = la;
            lon[n] = lo;
            n++;
        }
        Attachment[] attachments = new Attachment[originCount];
        for (int i = 0; i < originCount; i++) {
            attachments[i] = snapper.snap(lat[i], lon[i], MAX_SNAP_METERS).orElseThrow().attachment();
        }

        Bench b = new Bench(originCount);
        Phases oursReach = new Phases("snap", "search");
        Phases compactReach = new Phases("search");
        Phases ghReach = new Phases("snap", "query graph", "tree");
        Phases oursIso = new Phases("snap", "search", "contour");
        Phases ghIsoTime = new Phases("snap", "query graph", "search", "contour");
        Phases ghIsoDistance = new Phases("snap", "query graph", "search", "contour");

        List<Runnable> searches = List.of(
                () -> b.pass(oursReach, i -> {
                    long t0 = System.nanoTime();
                    SegmentSnapper.Snap snap = snapper.snap(lat[i], lon[i], MAX_SNAP_METERS).orElseThrow();
                    long t1 = System.nanoTime();
                    search.run(snap.attachment(), REACH_MM);
                    long t2 = System.nanoTime();
                    b.sink += search.settledCount();
                    return new long[] {t1 - t0, t2 - t1};
                }),
                () -> b.pass(compactReach, i -> {
                    long t0 = System.nanoTime();
                    int settled = compact.run(attachments[i].segment(), attachments[i].offsetMillimetres(), REACH_MM);
                    long t1 = System.nanoTime();
                    b.sink += settled;
                    return new long[] {t1 - t0};
                }),
                () -> b.pass(ghReach, i -> {
                    long t0 = System.nanoTime();
                    Snap snap = index.findClosest(lat[i], lon[i], walkable);
                    long t1 = System.nanoTime();
                    QueryGraph queryGraph = QueryGraph.create(graph, snap);
                    long t2 = System.nanoTime();
                    ShortestPathTree tree = new ShortestPathTree(queryGraph, queryGraph.wrapWeighting(weighting), false,
                            TraversalMode.NODE_BASED);
                    tree.setDistanceLimit(REACH_MM / 1000.0);
                    LabelCounter counter = new LabelCounter(REACH_MM / 1000.0);
                    tree.search(snap.getClosestNode(), counter);
                    long t3 = System.nanoTime();
                    b.sink += counter.within;
                    return new long[] {t1 - t0, t2 - t1, t3 - t2};
                }));
        List<Runnable> isochrones = List.of(
                () -> b.pass(oursIso, i -> {
                    long t0 = System.nanoTime();
                    Attachment origin = snapper.snap(lat[i], lon[i], MAX_SNAP_METERS).orElseThrow().attachment();
                    long t1 = System.nanoTime();
                    search.run(origin, ISO_MM[ISO_MM.length - 1]);
                    long t2 = System.nanoTime();
                    List<Geometry> areas = contours.areas(search, origin, ISO_MM);
                    long t3 = System.nanoTime();
                    b.sink += areas.get(areas.size() - 1).getNumPoints();
                    return new long[] {t1 - t0, t2 - t1, t3 - t2};
                }),
                () -> b.pass(ghIsoTime, i -> ghIsochrone(lat[i], lon[i], true, graph, index, walkable, weighting,
                        triangulator, b)),
                () -> b.pass(ghIsoDistance, i -> ghIsochrone(lat[i], lon[i], false, graph, index, walkable, weighting,
                        triangulator, b)));

        for (int w = 0; w < 2; w++) {
            b.measuring = false;
            searches.forEach(Runnable::run);
        }
        b.measuring = true;
        for (int r = 0; r < rounds; r++) {
            runInOrder(searches, r);
        }
        b.measuring = false;
        isochrones.forEach(Runnable::run);
        b.measuring = true;
        for (int r = 0; r < isoRounds; r++) {
            runInOrder(isochrones, r);
        }

        // ---- checks, untimed: same settled sets (ours vs compact), comparable ones (ours vs GraphHopper)
        int identical = 0;
        String firstMismatch = null;
        double oursSettled = 0, oursMax = 0, ghWithin = 0, ghMax = 0, snapsWithin1m = 0;
        for (int i = 0; i < originCount; i++) {
            search.run(attachments[i], REACH_MM);
            int count = search.settledCount();
            long sum = 0;
            int max = 0;
            for (int k = 0; k < count; k++) {
                int d = search.junctionDistance(search.settledJunction(k));
                sum += d;
                max = Math.max(max, d);
            }
            int compactCount = compact.run(attachments[i].segment(), attachments[i].offsetMillimetres(), REACH_MM);
            if (compactCount == count && compact.distanceSum() == sum && compact.maxDistance() == max
                    && compact.sameDistancesAs(search)) {
                identical++;
            } else if (firstMismatch == null) {
                firstMismatch = String.format(Locale.ROOT, "origin %d: ours %d junctions (max %d mm, sum %d), "
                        + "compact %d (max %d mm, sum %d)", i, count, max, sum, compactCount, compact.maxDistance(),
                        compact.distanceSum());
            }
            oursSettled += count;
            oursMax += max / 1000.0;

            Snap snap = index.findClosest(lat[i], lon[i], walkable);
            QueryGraph queryGraph = QueryGraph.create(graph, snap);
            ShortestPathTree tree = new ShortestPathTree(queryGraph, queryGraph.wrapWeighting(weighting), false,
                    TraversalMode.NODE_BASED);
            tree.setDistanceLimit(REACH_MM / 1000.0);
            LabelCounter counter = new LabelCounter(REACH_MM / 1000.0);
            tree.search(snap.getClosestNode(), counter);
            ghWithin += counter.within;
            ghMax += counter.max;
            SegmentSnapper.Snap ours = snapper.snap(lat[i], lon[i], MAX_SNAP_METERS).orElseThrow();
            if (Geo.haversineMeters(ours.lat(), ours.lon(), snap.getSnappedPoint().lat,
                    snap.getSnappedPoint().lon) <= 1.0) {
                snapsWithin1m++;
            }
        }
        // isochrone context: mean settled sizes and 15-minute areas
        double oursArea = 0, ghTimeArea = 0, ghDistanceArea = 0, ghTimeSites = 0, ghDistanceSites = 0;
        for (int i = 0; i < originCount; i++) {
            search.run(attachments[i], ISO_MM[ISO_MM.length - 1]);
            List<Geometry> areas = contours.areas(search, attachments[i], ISO_MM);
            oursArea += areas.get(areas.size() - 1).getArea();
            GhIsochrone t = ghIsochroneGeometry(lat[i], lon[i], true, graph, index, walkable, weighting, triangulator);
            GhIsochrone d = ghIsochroneGeometry(lat[i], lon[i], false, graph, index, walkable, weighting, triangulator);
            ghTimeArea += t.squareMeters();
            ghDistanceArea += d.squareMeters();
            ghTimeSites += t.labels();
            ghDistanceSites += d.labels();
        }
        index.close();
        graph.close();
        System.out.printf(Locale.ROOT, "%s: checksum %d%n", x.name(), b.sink);

        // ---- the section
        Samples oursSnap = oursReach.phase(0), oursSearch = oursReach.phase(1), oursTotal = oursReach.total();
        Samples compactSearch = compactReach.phase(0);
        Samples ghSnap = ghReach.phase(0), ghQuery = ghReach.phase(1), ghTree = ghReach.phase(2);
        Samples ghTreeWithQuery = ghReach.sum(1, 2), ghTotal = ghReach.total();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, """
                ### %s (`%s`)

                Ours: %,d junctions, %,d walkway segments (%,d walkable ways of %,d; %d islands with %d segments \
                dropped under %.0f m), built in %,d ms. GraphHopper: %,d nodes, %,d edges, built in %,d ms. \
                Origins: %d random points (seed %d) in our network's box %.4f–%.4f N, %.4f–%.4f E, each within %.0f m \
                of a walkway on both networks (%,d points drawn; %d near a walkway passed over because \
                GraphHopper's isochrone refuses them).

                | any-point search, 15 min (1,250 m) | median | mean | p90 |
                |---|---:|---:|---:|
                """, x.name(), x.file().getFileName(), network.junctionCount(), network.segmentCount(),
                built.walkableWays(), built.osmWays(), built.islandsDropped(), built.walkwaysDropped(),
                MIN_ISLAND_METERS, oursBuildMillis, ghNodes, ghEdges, ghBuildMillis, originCount,
                x.seed(), minLat, maxLat, minLon, maxLon, ORIGIN_MAX_SNAP_METERS, tried, ghRefused));
        row(s, "ours: snap (`SegmentSnapper`)", oursSnap);
        row(s, "ours: search (`WalkingSearch`)", oursSearch);
        row(s, "**ours: any-point total** (snap + search)", oursTotal);
        row(s, "compact array search (same snapped origin)", compactSearch);
        row(s, "GraphHopper: snap (`LocationIndexTree`)", ghSnap);
        row(s, "GraphHopper: query graph (`QueryGraph.create`)", ghQuery);
        row(s, "GraphHopper: tree (`ShortestPathTree`, 1,250 m)", ghTree);
        row(s, "GraphHopper: query graph + tree", ghTreeWithQuery);
        row(s, "**GraphHopper: total** (snap + query graph + tree)", ghTotal);
        s.append(String.format(Locale.ROOT, """

                Settled-set checks (untimed, same origins): ours and the compact array search settle **identical \
                sets on %d of %d origins** (junction count, every junction's distance, maximum and sum)%s; mean \
                junctions settled %.1f, mean farthest %.1f m. GraphHopper (its own graph of the same file) settles \
                %.1f nodes within 1,250 m on average, farthest %.1f m; its snapped point lies within 1 m of ours for \
                %.1f %% of the origins.

                | isochrones 5, 10, 15 min (median / mean) | snap | search | contour | total |
                |---|---:|---:|---:|---:|
                """, identical, originCount, firstMismatch == null ? "" : " — **MISMATCH**, first: " + firstMismatch,
                oursSettled / originCount, oursMax / originCount, ghWithin / originCount, ghMax / originCount,
                100.0 * snapsWithin1m / originCount));
        isoRow(s, "ours (search to 15 min, 40 m band, " + fmtCell() + " m cells)", oursIso.phase(0), oursIso.phase(1),
                oursIso.phase(2), oursIso.total());
        isoRow(s, "GraphHopper `/isochrone?time_limit=900&buckets=3` (tree to 900 s + 200 s)", ghIsoTime.sum(0, 1),
                ghIsoTime.phase(2), ghIsoTime.phase(3), ghIsoTime.total());
        isoRow(s, "GraphHopper `/isochrone?distance_limit=1250&buckets=3` (tree to 1,250 m + 2 km)",
                ghIsoDistance.sum(0, 1), ghIsoDistance.phase(2), ghIsoDistance.phase(3), ghIsoDistance.total());
        s.append(String.format(Locale.ROOT, """

                GraphHopper's snap column includes its query graph. Mean 15-minute area: ours %,.0f m² (the 40 m \
                band around the exactly reached walkways); GraphHopper's main polygon %,.0f m² (time limit) and \
                %,.0f m² (distance limit), from %.0f and %.0f tree nodes per origin.

                """, oursArea / originCount, ghTimeArea / originCount, ghDistanceArea / originCount,
                ghTimeSites / originCount, ghDistanceSites / originCount));

        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(atMost(x.name(), "our search ≤ 1.3 × compact array search", oursSearch, compactSearch, 1.3));
        verdicts.add(atLeast(x.name(), "GraphHopper query graph + tree ≥ 2 × our search", ghTreeWithQuery,
                oursSearch, 2.0));
        verdicts.add(atLeast(x.name(), "GraphHopper snap + query graph + tree ≥ 2 × our snap + search", ghTotal,
                oursTotal, 2.0));
        verdicts.add(atLeast(x.name(), "GraphHopper isochrones (time_limit) ≥ 1.5 × ours, totals", ghIsoTime.total(),
                oursIso.total(), 1.5));
        verdicts.add(atLeast(x.name(), "GraphHopper isochrones (distance_limit) ≥ 1.5 × ours, totals",
                ghIsoDistance.total(), oursIso.total(), 1.5));
        verdicts.add(info(x.name(), "isochrone search alone: GraphHopper (time_limit) ÷ ours", ghIsoTime.phase(2),
                oursIso.phase(1)));
        verdicts.add(info(x.name(), "isochrone contour alone: GraphHopper (time_limit) ÷ ours", ghIsoTime.phase(3),
                oursIso.phase(2)));
        return new Result(s.toString(), verdicts, identical == originCount);
    }

    private static void runInOrder(List<Runnable> methods, int round) {
        if (round % 2 == 0) {
            methods.forEach(Runnable::run);
        } else {
            for (int m = methods.size() - 1; m >= 0; m--) {
                methods.get(m).run();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ GraphHopper

    /** A tree that times its own search: inside {@code JTSTriangulator.triangulate} that is the isochrone's search. */
    private static final class TimedTree extends ShortestPathTree {
        long searchNanos;

        TimedTree(Graph graph, Weighting weighting) {
            super(graph, weighting, false, TraversalMode.NODE_BASED);
        }

        @Override
        public void search(int from, Consumer<IsoLabel> consumer) {
            long start = System.nanoTime();
            super.search(from, consumer);
            searchNanos = System.nanoTime() - start;
        }
    }

    private static final class LabelCounter implements Consumer<ShortestPathTree.IsoLabel> {
        private final double limit;
        int within;
        double max;

        LabelCounter(double limit) {
            this.limit = limit;
        }

        @Override
        public void accept(ShortestPathTree.IsoLabel label) {
            if (label.distance <= limit) {
                within++;
                max = Math.max(max, label.distance);
            }
        }
    }

    private record GhIsochrone(List<Polygon> polygons, TimedTree tree, long[] nanos) {
        double squareMeters() {
            if (polygons.isEmpty()) {
                return 0;
            }
            Polygon last = polygons.get(polygons.size() - 1);
            double lat = last.getCentroid().getY();
            double metersPerDegree = Math.PI / 180 * 6_371_008.8;
            return last.getArea() * metersPerDegree * metersPerDegree * Math.cos(Math.toRadians(lat));
        }

        int labels() {
            return tree.getVisitedNodes();
        }
    }

    /** Snap, query graph, search, contour: as {@code IsochroneResource} with {@code buckets=3}. */
    private static long[] ghIsochrone(double lat, double lon, boolean timeLimit, BaseGraph graph,
            LocationIndexTree index, EdgeFilter walkable, Weighting weighting, JTSTriangulator triangulator, Bench b) {
        GhIsochrone iso = ghIsochroneGeometry(lat, lon, timeLimit, graph, index, walkable, weighting, triangulator);
        b.sink += iso.polygons().size();
        return iso.nanos();
    }

    private static GhIsochrone ghIsochroneGeometry(double lat, double lon, boolean timeLimit, BaseGraph graph,
            LocationIndexTree index, EdgeFilter walkable, Weighting weighting, JTSTriangulator triangulator) {
        long t0 = System.nanoTime();
        Snap snap = index.findClosest(lat, lon, walkable);
        long t1 = System.nanoTime();
        QueryGraph queryGraph = QueryGraph.create(graph, snap);
        long t2 = System.nanoTime();
        TimedTree tree = new TimedTree(queryGraph, queryGraph.wrapWeighting(weighting));
        double limit;
        ToDoubleFunction<ShortestPathTree.IsoLabel> fz;
        if (timeLimit) {
            limit = 15 * 60 * 1000.0;
            tree.setTimeLimit(limit + Math.max(limit * 0.14, 200_000));
            fz = label -> label.time;
        } else {
            limit = REACH_MM / 1000.0;
            tree.setDistanceLimit(limit + Math.max(limit * 0.14, 2_000));
            fz = label -> label.distance;
        }
        Triangulator.Result result = triangulator.triangulate(snap, queryGraph, tree, fz, 0);
        ContourBuilder contourBuilder = new ContourBuilder(result.triangulation);
        List<Polygon> polygons = new ArrayList<>(3);
        Point centre = null;
        for (int bucket = 1; bucket <= 3; bucket++) {
            MultiPolygon isoline = contourBuilder.computeIsoline(limit / 3 * bucket, result.seedEdges);
            if (!isoline.isEmpty()) {
                if (centre == null) {
                    centre = isoline.getFactory().createPoint(new Coordinate(lon, lat));
                }
                Polygon main = mainConnectedComponent(isoline, centre);
                polygons.add(isoline.getFactory().createPolygon((LinearRing) main.getExteriorRing()));
            }
        }
        long t3 = System.nanoTime();
        long search = tree.searchNanos;
        return new GhIsochrone(polygons, tree, new long[] {t1 - t0, t2 - t1, search, t3 - t2 - search});
    }

    /** {@code IsochroneResource.heuristicallyFindMainConnectedComponent}: the polygon holding the point, else the largest. */
    private static Polygon mainConnectedComponent(MultiPolygon multiPolygon, Point point) {
        int maxPoints = 0;
        Polygon maxPolygon = null;
        for (int j = 0; j < multiPolygon.getNumGeometries(); j++) {
            Polygon polygon = (Polygon) multiPolygon.getGeometryN(j);
            if (polygon.contains(point)) {
                return polygon;
            }
            if (polygon.getNumPoints() > maxPoints) {
                maxPoints = polygon.getNumPoints();
                maxPolygon = polygon;
            }
        }
        return maxPolygon;
    }

    // ------------------------------------------------------------------------------------------------ the reference

    /**
     * The reference "compact array search": a plain bounded Dijkstra over its own int CSR arrays (built here from the
     * network's segments), a binary min-heap of packed {@code (distance << 32 | junction)} longs with lazy deletion
     * (a junction is pushed again when its distance improves; stale entries are skipped when popped), distances reset
     * through a touched list. Seeded like ours: both ends of the origin's segment.
     */
    static final class CompactArraySearch {
        private final int[] first;
        private final int[] target;
        private final int[] weight;
        private final int[] segmentFrom;
        private final int[] segmentTo;
        private final int[] segmentLength;
        private final int[] distance;
        private final int[] touched;
        private final long[] heap;
        private int touchedCount;
        private int size;
        private long distanceSum;
        private int maxDistance;

        CompactArraySearch(WalkwayNetwork network) {
            int n = network.junctionCount();
            int m = network.segmentCount();
            segmentFrom = new int[m];
            segmentTo = new int[m];
            segmentLength = new int[m];
            first = new int[n + 1];
            for (int s = 0; s < m; s++) {
                segmentFrom[s] = network.segmentFrom(s);
                segmentTo[s] = network.segmentTo(s);
                segmentLength[s] = network.segmentMillimetres(s);
                first[segmentFrom[s] + 1]++;
                first[segmentTo[s] + 1]++;
            }
            for (int j = 0; j < n; j++) {
                first[j + 1] += first[j];
            }
            target = new int[2 * m];
            weight = new int[2 * m];
            int[] next = Arrays.copyOf(first, n);
            for (int s = 0; s < m; s++) {
                int e = next[segmentFrom[s]]++;
                target[e] = segmentTo[s];
                weight[e] = segmentLength[s];
                e = next[segmentTo[s]]++;
                target[e] = segmentFrom[s];
                weight[e] = segmentLength[s];
            }
            distance = new int[n];
            Arrays.fill(distance, Integer.MAX_VALUE);
            touched = new int[n];
            heap = new long[2 * m + 2];
        }

        /** Settles every junction within {@code bound} mm of (segment, offset); returns how many. */
        int run(int segment, int offset, int bound) {
            for (int i = 0; i < touchedCount; i++) {
                distance[touched[i]] = Integer.MAX_VALUE;
            }
            touchedCount = 0;
            size = 0;
            distanceSum = 0;
            maxDistance = 0;
            relax(segmentFrom[segment], offset, bound);
            relax(segmentTo[segment], segmentLength[segment] - offset, bound);
            int settled = 0;
            final int[] first = this.first;
            final int[] target = this.target;
            final int[] weight = this.weight;
            final int[] distance = this.distance;
            while (size > 0) {
                long top = pop();
                int d = (int) (top >>> 32);
                int u = (int) top;
                if (d != distance[u]) {
                    continue; // stale
                }
                settled++;
                distanceSum += d;
                maxDistance = d;
                int slack = bound - d;
                for (int e = first[u], end = first[u + 1]; e < end; e++) {
                    int w = weight[e];
                    if (w <= slack) {
                        int v = target[e];
                        int dv = d + w;
                        if (dv < distance[v]) {
                            if (distance[v] == Integer.MAX_VALUE) {
                                touched[touchedCount++] = v;
                            }
                            distance[v] = dv;
                            push(((long) dv << 32) | v);
                        }
                    }
                }
            }
            return settled;
        }

        long distanceSum() {
            return distanceSum;
        }

        int maxDistance() {
            return maxDistance;
        }

        /** Whether every junction has the same distance (or is unreached) in both searches' last runs. */
        boolean sameDistancesAs(WalkingSearch search) {
            for (int j = 0; j < distance.length; j++) {
                if (distance[j] != search.junctionDistance(j)) {
                    return false;
                }
            }
            return true;
        }

        private void relax(int junction, int d, int bound) {
            if (d <= bound && d < distance[junction]) {
                if (distance[junction] == Integer.MAX_VALUE) {
                    touched[touchedCount++] = junction;
                }
                distance[junction] = d;
                push(((long) d << 32) | junction);
            }
        }

        private void push(long key) {
            int pos = size++;
            final long[] heap = this.heap;
            while (pos > 0) {
                int parent = (pos - 1) >>> 1;
                long p = heap[parent];
                if (p <= key) {
                    break;
                }
                heap[pos] = p;
                pos = parent;
            }
            heap[pos] = key;
        }

        private long pop() {
            final long[] heap = this.heap;
            long top = heap[0];
            int n = --size;
            if (n > 0) {
                long key = heap[n];
                int pos = 0;
                int half = n >>> 1;
                while (pos < half) {
                    int child = 2 * pos + 1;
                    long c = heap[child];
                    int right = child + 1;
                    if (right < n && heap[right] < c) {
                        child = right;
                        c = heap[right];
                    }
                    if (key <= c) {
                        break;
                    }
                    heap[pos] = c;
                    pos = child;
                }
                heap[pos] = key;
            }
            return top;
        }
    }

    // ------------------------------------------------------------------------------------------------ timing

    private interface Query {
        /** Runs origin i and returns the nanoseconds of each phase. */
        long[] run(int i);
    }

    private static final class Bench {
        final int origins;
        boolean measuring;
        long sink;

        Bench(int origins) {
            this.origins = origins;
        }

        void pass(Phases phases, Query query) {
            // untimed: each method starts on a clean young generation instead of paying for another's garbage
            System.gc();
            for (int i = 0; i < origins; i++) {
                long[] nanos = query.run(i);
                if (measuring) {
                    phases.add(nanos);
                }
            }
        }
    }

    /** Per-query nanoseconds of each phase of one method. */
    private static final class Phases {
        private final Samples[] phases;
        private final Samples total = new Samples();
        private final List<long[]> rows = new ArrayList<>();

        Phases(String... names) {
            phases = new Samples[names.length];
            for (int p = 0; p < names.length; p++) {
                phases[p] = new Samples();
            }
        }

        void add(long[] nanos) {
            long sum = 0;
            for (int p = 0; p < nanos.length; p++) {
                phases[p].add(nanos[p]);
                sum += nanos[p];
            }
            total.add(sum);
            rows.add(nanos);
        }

        Samples phase(int p) {
            return phases[p];
        }

        Samples total() {
            return total;
        }

        /** Per query, the sum of phases {@code from..to}. */
        Samples sum(int from, int to) {
            Samples s = new Samples();
            for (long[] row : rows) {
                long sum = 0;
                for (int p = from; p <= to; p++) {
                    sum += row[p];
                }
                s.add(sum);
            }
            return s;
        }
    }

    private static final class Samples {
        private long[] values = new long[1024];
        private int count;
        private long[] sorted;

        void add(long nanos) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = nanos;
            sorted = null;
        }

        double meanMicros() {
            double sum = 0;
            for (int i = 0; i < count; i++) {
                sum += values[i];
            }
            return sum / count / 1e3;
        }

        double percentileMicros(double p) {
            if (sorted == null) {
                sorted = Arrays.copyOf(values, count);
                Arrays.sort(sorted);
            }
            return sorted[Math.max(0, (int) Math.ceil(p / 100 * count) - 1)] / 1e3;
        }

        double medianMicros() {
            return percentileMicros(50);
        }
    }

    // ------------------------------------------------------------------------------------------------ report

    private static void row(StringBuilder s, String label, Samples samples) {
        s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", label, micros(samples.medianMicros()),
                micros(samples.meanMicros()), micros(samples.percentileMicros(90))));
    }

    private static void isoRow(StringBuilder s, String label, Samples snap, Samples search, Samples contour,
            Samples total) {
        s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", label, pair(snap), pair(search),
                pair(contour), pair(total)));
    }

    private static String pair(Samples samples) {
        return micros(samples.medianMicros()) + " / " + micros(samples.meanMicros());
    }

    private static String micros(double us) {
        return us >= 100 ? String.format(Locale.ROOT, "%,.0f µs", us) : String.format(Locale.ROOT, "%.1f µs", us);
    }

    /** Goal: ours ≤ cap × reference (a slowdown cap). */
    private static Verdict atMost(String extract, String goal, Samples ours, Samples reference, double cap) {
        double mean = ours.meanMicros() / reference.meanMicros();
        double median = ours.medianMicros() / reference.medianMicros();
        return new Verdict(extract, goal, median, capVerdict(median, cap), mean, capVerdict(mean, cap));
    }

    private static String capVerdict(double ratio, double cap) {
        return ratio <= cap
                ? String.format(Locale.ROOT, "**met** (%.2f under the %.1f cap)", cap - ratio, cap)
                : String.format(Locale.ROOT, "**missed** by %.2f (%.0f %% over the %.1f cap)", ratio - cap,
                        (ratio / cap - 1) * 100, cap);
    }

    /** Goal: theirs ≥ factor × ours (a speed-up). */
    private static Verdict atLeast(String extract, String goal, Samples theirs, Samples ours, double factor) {
        double mean = theirs.meanMicros() / ours.meanMicros();
        double median = theirs.medianMicros() / ours.medianMicros();
        return new Verdict(extract, goal, median, speedUpVerdict(median, factor), mean, speedUpVerdict(mean, factor));
    }

    private static String speedUpVerdict(double ratio, double factor) {
        return ratio >= factor
                ? String.format(Locale.ROOT, "**met** (%.2f above %.1f ×)", ratio - factor, factor)
                : String.format(Locale.ROOT, "**missed** by %.2f (%.0f %% short of %.1f ×)", factor - ratio,
                        (1 - ratio / factor) * 100, factor);
    }

    private static Verdict info(String extract, String what, Samples theirs, Samples ours) {
        return new Verdict(extract, what, theirs.medianMicros() / ours.medianMicros(), "(no goal)",
                theirs.meanMicros() / ours.meanMicros(), "(no goal)");
    }

    private static String fmtCell() {
        double cell = ISO_SETTINGS.cellMeters();
        return cell == Math.rint(cell) ? String.valueOf((long) cell) : String.valueOf(cell);
    }
}
