package cn.nantong.livingcircle.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shortest walk between two points on the network, as the pieces of segments it follows.
 *
 * <p>One bounded {@link WalkingSearch} from the origin, then the path is read back from the distances alone: a
 * junction {@code v} that was not a seed was settled through some edge {@code u → v} with
 * {@code dist(u) + len = dist(v)}, and with whole millimetres that equality is exact, so walking back from the
 * target's entry junction along such edges recovers a shortest path. No predecessor array is kept in the search's hot
 * loop for a question asked once per request. Ties (two equally short ways) go to the first edge in the junction's
 * list, so the answer is repeatable; zero-length walkways (a distance that does not fall) are crossed only to leave
 * a cluster of junctions at the same distance, breadth first.
 */
public final class WalkingRoute {

    /**
     * A stretch of segment {@code segment} walked from offset {@code fromMillimetres} to {@code toMillimetres}
     * (decreasing when walked against the segment's direction).
     */
    public record Leg(int segment, int fromMillimetres, int toMillimetres) {

        public int millimetres() {
            return Math.abs(toMillimetres - fromMillimetres);
        }
    }

    /**
     * A route: its network length and its legs in walking order (empty when origin and target coincide). The legs'
     * lengths add up to {@code millimetres}.
     */
    public record Route(int millimetres, List<Leg> legs) {

        public double meters() {
            return Millimetres.toMeters(millimetres);
        }
    }

    private WalkingRoute() {
    }

    /**
     * The shortest route from {@code origin} to {@code target}, or empty if it is longer than {@code maxMillimetres}
     * or the target lies on a segment out of the network's adjacency ({@link WalkwayNetwork#without}) other than the
     * origin's, which {@link PlaceLocator} would not reach either.
     */
    public static Optional<Route> find(WalkwayNetwork network, Attachment origin, Attachment target,
            int maxMillimetres) {
        network.checkAttachment(target);
        if (!network.walkable(target.segment()) && target.segment() != origin.segment()) {
            return Optional.empty();
        }
        return network.searches().with(search -> {
            search.run(origin, maxMillimetres);
            int total = search.distanceTo(target);
            if (total == Integer.MAX_VALUE) {
                return Optional.empty();
            }
            return Optional.of(new Route(total, legs(network, search, origin, target, total)));
        });
    }

    private static List<Leg> legs(WalkwayNetwork network, WalkingSearch search, Attachment origin, Attachment target,
            int total) {
        int t = target.segment();
        int p = target.offsetMillimetres();
        if (origin.segment() == t && Math.abs(origin.offsetMillimetres() - p) == total) {
            return total == 0 ? List.of() : List.of(new Leg(t, origin.offsetMillimetres(), p));
        }
        List<Leg> reversed = new ArrayList<>();
        int from = network.segmentFrom(t);
        int entry;
        if (reached(search, from) && (long) search.junctionDistance(from) + p == total) {
            entry = from;
            reversed.add(new Leg(t, 0, p));
        } else {
            entry = network.segmentTo(t);
            reversed.add(new Leg(t, network.segmentMillimetres(t), p));
        }
        int v = entry;
        while (!isSeed(network, search, origin, v)) {
            int step = strictPredecessor(network, search, v);
            if (step < 0) {
                // v lies in a cluster of junctions joined by zero-length walkways at the same distance; one of them
                // is a seed or is reached over a longer walkway: move there (zero-length legs add nothing)
                v = clusterExit(network, search, origin, v);
                continue;
            }
            int s = network.edgeSegment(step);
            int u = network.edgeTarget(step);
            // walked u → v along s
            boolean forward = network.segmentFrom(s) == u && network.segmentTo(s) == v;
            int len = network.segmentMillimetres(s);
            reversed.add(forward ? new Leg(s, 0, len) : new Leg(s, len, 0));
            v = u;
        }
        int s = origin.segment();
        int o = origin.offsetMillimetres();
        if (v == network.segmentFrom(s) && search.junctionDistance(v) == o) {
            reversed.add(new Leg(s, o, 0));
        } else {
            reversed.add(new Leg(s, o, network.segmentMillimetres(s)));
        }
        Collections.reverse(reversed);
        List<Leg> legs = new ArrayList<>(reversed.size());
        for (Leg leg : reversed) {
            if (leg.millimetres() > 0) {
                legs.add(leg);
            }
        }
        return List.copyOf(legs);
    }

    /** An edge {@code u → v} of positive length with {@code dist(u) + len = dist(v)}, the first in v's list; -1 if none. */
    private static int strictPredecessor(WalkwayNetwork network, WalkingSearch search, int v) {
        int dv = search.junctionDistance(v);
        for (int e = network.firstEdge(v), end = network.firstEdge(v + 1); e < end; e++) {
            int u = network.edgeTarget(e);
            int w = network.edgeMillimetres(e);
            if (w > 0 && reached(search, u) && (long) search.junctionDistance(u) + w == dv) {
                return e;
            }
        }
        return -1;
    }

    /**
     * Breadth first over the zero-length walkways around {@code v} (all at v's distance): the first junction that is
     * a seed or has a {@link #strictPredecessor}. One exists, since Dijkstra reached the cluster from somewhere.
     */
    private static int clusterExit(WalkwayNetwork network, WalkingSearch search, Attachment origin, int v) {
        int dv = search.junctionDistance(v);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        Set<Integer> seen = new HashSet<>();
        queue.add(v);
        seen.add(v);
        while (!queue.isEmpty()) {
            int j = queue.poll();
            if (j != v && (isSeed(network, search, origin, j) || strictPredecessor(network, search, j) >= 0)) {
                return j;
            }
            for (int e = network.firstEdge(j), end = network.firstEdge(j + 1); e < end; e++) {
                int u = network.edgeTarget(e);
                if (network.edgeMillimetres(e) == 0 && search.junctionDistance(u) == dv && seen.add(u)) {
                    queue.add(u);
                }
            }
        }
        throw new IllegalStateException("no way back from junction " + v);
    }

    /** Whether junction {@code j} got its distance straight from the origin, by walking along the origin's segment. */
    private static boolean isSeed(WalkwayNetwork network, WalkingSearch search, Attachment origin, int j) {
        int s = origin.segment();
        int d = search.junctionDistance(j);
        return (j == network.segmentFrom(s) && d == origin.offsetMillimetres())
                || (j == network.segmentTo(s) && d == network.segmentMillimetres(s) - origin.offsetMillimetres());
    }

    private static boolean reached(WalkingSearch search, int j) {
        return search.junctionDistance(j) != Integer.MAX_VALUE;
    }

    /**
     * The polyline of a route as {@code [lat0, lon0, lat1, lon1, ...]}: from the origin's point on its segment to
     * the target's, through every shape point in between, consecutive duplicates dropped. A point at an offset is
     * placed along the segment's shape proportionally to great-circle length, as {@link SegmentSnapper} measures
     * offsets, so the line starts exactly at a snapped origin's foot.
     */
    public static double[] polyline(WalkwayNetwork network, Route route, Attachment origin) {
        List<double[]> points = new ArrayList<>();
        if (route.legs().isEmpty()) {
            points.add(pointAt(network, origin.segment(), origin.offsetMillimetres()));
        }
        for (Leg leg : route.legs()) {
            appendLeg(network, leg, points);
        }
        double[] flat = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            flat[2 * i] = points.get(i)[0];
            flat[2 * i + 1] = points.get(i)[1];
        }
        return flat;
    }

    private static void appendLeg(WalkwayNetwork network, Leg leg, List<double[]> points) {
        int s = leg.segment();
        double[] cumulative = cumulativeMeters(network, s);
        int len = network.segmentMillimetres(s);
        double total = cumulative[cumulative.length - 1];
        double a = len == 0 ? 0.0 : total * leg.fromMillimetres() / len;
        double b = len == 0 ? 0.0 : total * leg.toMillimetres() / len;
        add(points, pointAlong(network, s, cumulative, a));
        int n = cumulative.length;
        if (a <= b) {
            for (int i = 1; i < n - 1; i++) {
                if (cumulative[i] > a && cumulative[i] < b) {
                    add(points, new double[] {network.segmentShapeLat(s, i), network.segmentShapeLon(s, i)});
                }
            }
        } else {
            for (int i = n - 2; i >= 1; i--) {
                if (cumulative[i] < a && cumulative[i] > b) {
                    add(points, new double[] {network.segmentShapeLat(s, i), network.segmentShapeLon(s, i)});
                }
            }
        }
        add(points, pointAlong(network, s, cumulative, b));
    }

    private static void add(List<double[]> points, double[] point) {
        if (points.isEmpty()) {
            points.add(point);
            return;
        }
        double[] last = points.get(points.size() - 1);
        if (last[0] != point[0] || last[1] != point[1]) {
            points.add(point);
        }
    }

    /** WGS84 position {@code offsetMillimetres} along segment {@code s}, as {@code {lat, lon}}. */
    public static double[] pointAt(WalkwayNetwork network, int s, int offsetMillimetres) {
        double[] cumulative = cumulativeMeters(network, s);
        int len = network.segmentMillimetres(s);
        double total = cumulative[cumulative.length - 1];
        return pointAlong(network, s, cumulative, len == 0 ? 0.0 : total * offsetMillimetres / len);
    }

    private static double[] cumulativeMeters(WalkwayNetwork network, int s) {
        int n = network.segmentShapePointCount(s);
        double[] cumulative = new double[n];
        for (int i = 1; i < n; i++) {
            cumulative[i] = cumulative[i - 1] + Geo.haversineMeters(network.segmentShapeLat(s, i - 1),
                    network.segmentShapeLon(s, i - 1), network.segmentShapeLat(s, i), network.segmentShapeLon(s, i));
        }
        return cumulative;
    }

    private static double[] pointAlong(WalkwayNetwork network, int s, double[] cumulative, double meters) {
        int n = cumulative.length;
        if (meters <= 0.0 || !(cumulative[n - 1] > 0.0)) {
            return new double[] {network.segmentShapeLat(s, 0), network.segmentShapeLon(s, 0)};
        }
        for (int i = 1; i < n; i++) {
            if (meters <= cumulative[i]) {
                double piece = cumulative[i] - cumulative[i - 1];
                double f = piece > 0.0 ? (meters - cumulative[i - 1]) / piece : 0.0;
                if (f >= 1.0) {
                    return new double[] {network.segmentShapeLat(s, i), network.segmentShapeLon(s, i)};
                }
                double lat = network.segmentShapeLat(s, i - 1);
                double lon = network.segmentShapeLon(s, i - 1);
                return new double[] {lat + f * (network.segmentShapeLat(s, i) - lat),
                        lon + f * (network.segmentShapeLon(s, i) - lon)};
            }
        }
        return new double[] {network.segmentShapeLat(s, n - 1), network.segmentShapeLon(s, n - 1)};
    }
}
