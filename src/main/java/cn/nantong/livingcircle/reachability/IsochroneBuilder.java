package cn.nantong.livingcircle.reachability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import cn.nantong.livingcircle.walkway.Attachment;
import cn.nantong.livingcircle.walkway.WalkingSearch;
import cn.nantong.livingcircle.walkway.WalkwayNetwork;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * Builds walking isochrones as areas: the part of the walkway network reached within a bound, buffered.
 *
 * <h2>Algorithm</h2>
 * <ol>
 *   <li>One bounded Dijkstra from the origin up to the largest bound (the caller runs it).</li>
 *   <li>Candidate segments: the origin's segment and every segment with a settled end.</li>
 *   <li>For each candidate segment of length L with end distances dA, dB (unreached = ∞) and bound b, the reached
 *       part is the union of the offset intervals {@code [0, b − dA]} (entered at its from end),
 *       {@code [L − (b − dB), L]} (entered at its to end) and, on the origin's segment at offset o,
 *       {@code [o − b, o + b]}, clipped to {@code [0, L]}. A segment with both ends reached is therefore only
 *       whole when {@code dA + dB + L ≤ 2b}; otherwise its unreached middle is cut out. This is the exact reached
 *       set of a walk along the network, not a convex hull of reached junctions.</li>
 *   <li>Each interval becomes a polyline along the segment's shape (offsets proportional to geometric length, as in
 *       the snapper), in a metric {@link LocalProjection} around the origin.</li>
 *   <li>All pieces are buffered by {@code bufferMeters} at once (JTS buffers a MultiLineString as the union of the
 *       buffers of its parts: round caps and joins, 8 segments per quarter circle). The area is measured in the
 *       same projection.</li>
 * </ol>
 * The buffer stands for the frontage a pedestrian reaches from the walkway (buildings, plots, squares), so the
 * area is "land within roughly {@code bufferMeters} of a walkway reachable in time", not a flood fill.
 */
final class IsochroneBuilder {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final WalkwayNetwork network;
    private final WalkingSearch search;
    private final Attachment origin;
    private final LocalProjection projection;
    private final int[] candidates;

    /**
     * @param search a search already run from {@code origin} with a bound at least as large as any later
     *               {@link #reachedArea} bound
     */
    IsochroneBuilder(WalkingSearch search, Attachment origin, LocalProjection projection) {
        this.network = search.network();
        this.search = search;
        this.origin = origin;
        this.projection = projection;
        BitSet seen = new BitSet(network.segmentCount());
        List<Integer> segments = new ArrayList<>();
        seen.set(origin.segment());
        segments.add(origin.segment());
        for (int i = 0, n = search.settledCount(); i < n; i++) {
            int j = search.settledJunction(i);
            for (int e = network.firstEdge(j), end = network.firstEdge(j + 1); e < end; e++) {
                int s = network.edgeSegment(e);
                if (!seen.get(s)) {
                    seen.set(s);
                    segments.add(s);
                }
            }
        }
        this.candidates = segments.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The reached pieces of the network within {@code boundMillimetres}, as lines in the local projection. */
    Geometry reachedLines(int boundMillimetres) {
        if (boundMillimetres > search.maxMillimetres()) {
            throw new IllegalArgumentException("bound " + boundMillimetres + " exceeds the search's "
                    + search.maxMillimetres());
        }
        List<LineString> lines = new ArrayList<>();
        long b = boundMillimetres;
        for (int s : candidates) {
            long length = network.segmentMillimetres(s);
            long[][] intervals = new long[3][];
            int count = 0;
            int dA = search.junctionDistance(network.segmentFrom(s));
            int dB = search.junctionDistance(network.segmentTo(s));
            if (dA <= b) {
                intervals[count++] = new long[] {0, Math.min(length, b - dA)};
            }
            if (dB <= b) {
                intervals[count++] = new long[] {Math.max(0, length - (b - dB)), length};
            }
            if (s == origin.segment()) {
                long o = origin.offsetMillimetres();
                intervals[count++] = new long[] {Math.max(0, o - b), Math.min(length, o + b)};
            }
            for (long[] piece : merge(intervals, count)) {
                LineString line = piece(s, length, piece[0], piece[1]);
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        return FACTORY.createMultiLineString(lines.toArray(LineString[]::new));
    }

    /** The reached network buffered by {@code bufferMeters}, in the local projection (metres). */
    Geometry reachedArea(int boundMillimetres, double bufferMeters) {
        return reachedLines(boundMillimetres).buffer(bufferMeters);
    }

    LocalProjection projection() {
        return projection;
    }

    private static List<long[]> merge(long[][] intervals, int count) {
        long[][] sorted = Arrays.copyOf(intervals, count);
        Arrays.sort(sorted, (x, y) -> Long.compare(x[0], y[0]));
        List<long[]> merged = new ArrayList<>(count);
        for (long[] interval : sorted) {
            if (!merged.isEmpty() && interval[0] <= merged.get(merged.size() - 1)[1]) {
                long[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], interval[1]);
            } else {
                merged.add(interval.clone());
            }
        }
        return merged;
    }

    /** The part of segment s between offsets {@code from..to} mm as a projected polyline; null if it has no extent. */
    private LineString piece(int s, long length, long from, long to) {
        int points = network.segmentShapePointCount(s);
        Coordinate[] shape = new Coordinate[points];
        double[] cumulative = new double[points];
        for (int i = 0; i < points; i++) {
            shape[i] = projection.project(network.segmentShapeLat(s, i), network.segmentShapeLon(s, i));
            cumulative[i] = i == 0 ? 0.0 : cumulative[i - 1] + shape[i].distance(shape[i - 1]);
        }
        double total = cumulative[points - 1];
        if (!(total > 0.0) || length <= 0 || to <= from) {
            return null;
        }
        double start = total * from / length;
        double end = total * to / length;
        List<Coordinate> coordinates = new ArrayList<>();
        coordinates.add(at(shape, cumulative, start));
        for (int i = 1; i < points - 1; i++) {
            if (cumulative[i] > start && cumulative[i] < end) {
                coordinates.add(shape[i]);
            }
        }
        coordinates.add(at(shape, cumulative, end));
        return FACTORY.createLineString(coordinates.toArray(Coordinate[]::new));
    }

    private static Coordinate at(Coordinate[] shape, double[] cumulative, double distance) {
        for (int i = 1; i < shape.length; i++) {
            if (distance <= cumulative[i] || i == shape.length - 1) {
                double pieceLength = cumulative[i] - cumulative[i - 1];
                double t = pieceLength > 0.0 ? Math.min(1.0, Math.max(0.0, (distance - cumulative[i - 1]) / pieceLength))
                        : 0.0;
                return new Coordinate(shape[i - 1].x + t * (shape[i].x - shape[i - 1].x),
                        shape[i - 1].y + t * (shape[i].y - shape[i - 1].y));
            }
        }
        return shape[shape.length - 1].copy();
    }
}
