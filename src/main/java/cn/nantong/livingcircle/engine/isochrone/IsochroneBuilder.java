package cn.nantong.livingcircle.engine.isochrone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.WalkingSearch;
import cn.nantong.livingcircle.engine.WalkwayNetwork;
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
 *   <li>The area within {@code bufferMeters} of all pieces is traced on a raster ({@link DistanceFieldContour}):
 *       a distance field on a grid of {@code cellMeters} cells, contoured by marching squares. This replaces JTS's
 *       {@code buffer}, whose noding and union of thousands of capsules took about 50 ms per request on a city
 *       network; the boundary stays within about half a cell of the exact buffer. The area is measured in the
 *       same projection.</li>
 * </ol>
 * The buffer stands for the frontage a pedestrian reaches from the walkway (buildings, plots, squares), so the
 * area is "land within roughly {@code bufferMeters} of a walkway reachable in time", not a flood fill.
 */
public final class IsochroneBuilder {

    /** Default raster cell for {@link #reachedArea(int, double)}; see {@link IsochroneSettings#cellMeters()}. */
    public static final double DEFAULT_CELL_METERS = 6.0;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final WalkwayNetwork network;
    private final WalkingSearch search;
    private final Attachment origin;
    private final LocalProjection projection;
    private final int[] candidates;
    /** Projected shapes of the candidates, built on first use and shared by every bound of the request. */
    private final Shape[] shapes;

    /**
     * @param search a search already run from {@code origin} with a bound at least as large as any later
     *               {@link #reachedArea} bound
     */
    public IsochroneBuilder(WalkingSearch search, Attachment origin, LocalProjection projection) {
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
        this.shapes = new Shape[candidates.length];
    }

    /** The reached pieces of the network within {@code boundMillimetres}, as lines in the local projection. */
    public Geometry reachedLines(int boundMillimetres) {
        List<double[]> pieces = reachedPieces(boundMillimetres);
        LineString[] lines = new LineString[pieces.size()];
        for (int p = 0; p < lines.length; p++) {
            double[] xy = pieces.get(p);
            Coordinate[] coordinates = new Coordinate[xy.length / 2];
            for (int k = 0; k < coordinates.length; k++) {
                coordinates[k] = new Coordinate(xy[2 * k], xy[2 * k + 1]);
            }
            lines[p] = FACTORY.createLineString(coordinates);
        }
        return FACTORY.createMultiLineString(lines);
    }

    /**
     * The points within {@code bufferMeters} of the reached network, in the local projection (metres), traced on a
     * raster of {@value #DEFAULT_CELL_METERS} m cells.
     */
    public Geometry reachedArea(int boundMillimetres, double bufferMeters) {
        return reachedArea(boundMillimetres, bufferMeters, DEFAULT_CELL_METERS);
    }

    /**
     * The points within {@code bufferMeters} of the reached network, in the local projection (metres): the contour of
     * a distance field on a raster of {@code cellMeters} cells ({@link DistanceFieldContour}), boundary within about
     * half a cell of the exact buffer.
     */
    public Geometry reachedArea(int boundMillimetres, double bufferMeters, double cellMeters) {
        return reachedArea(boundMillimetres, bufferMeters, cellMeters, new DistanceFieldContour(FACTORY));
    }

    /** The same on the caller's (pooled) contour scratch space. */
    Geometry reachedArea(int boundMillimetres, double bufferMeters, double cellMeters, DistanceFieldContour contour) {
        return contour.contour(reachedPieces(boundMillimetres), bufferMeters, cellMeters);
    }

    public LocalProjection projection() {
        return projection;
    }

    /** Each reached piece as a projected polyline {@code [x0, y0, x1, y1, ...]}. */
    private List<double[]> reachedPieces(int boundMillimetres) {
        if (boundMillimetres > search.maxMillimetres()) {
            throw new IllegalArgumentException("bound " + boundMillimetres + " exceeds the search's "
                    + search.maxMillimetres());
        }
        List<double[]> lines = new ArrayList<>();
        long b = boundMillimetres;
        long[][] intervals = new long[3][];
        for (int c = 0; c < candidates.length; c++) {
            int s = candidates[c];
            long length = network.segmentMillimetres(s);
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
            if (count == 0) {
                continue;
            }
            if (shapes[c] == null) {
                shapes[c] = shape(s);
            }
            Shape shape = shapes[c];
            for (long[] piece : merge(intervals, count)) {
                double[] line = piece(shape, length, piece[0], piece[1]);
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        return lines;
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

    /** A segment's shape projected, with cumulative geometric lengths (metres). */
    private record Shape(double[] x, double[] y, double[] cumulative) {
    }

    private Shape shape(int s) {
        int points = network.segmentShapePointCount(s);
        double[] x = new double[points];
        double[] y = new double[points];
        double[] cumulative = new double[points];
        for (int i = 0; i < points; i++) {
            Coordinate xy = projection.project(network.segmentShapeLat(s, i), network.segmentShapeLon(s, i));
            x[i] = xy.x;
            y[i] = xy.y;
            double dx = i == 0 ? 0.0 : x[i] - x[i - 1];
            double dy = i == 0 ? 0.0 : y[i] - y[i - 1];
            // sqrt, not Math.hypot: hypot's overflow care costs more than the whole projection here
            cumulative[i] = i == 0 ? 0.0 : cumulative[i - 1] + Math.sqrt(dx * dx + dy * dy);
        }
        return new Shape(x, y, cumulative);
    }

    /**
     * The part of a segment between offsets {@code from..to} mm as a projected polyline {@code [x0, y0, ...]}; null
     * if it has no extent.
     */
    private static double[] piece(Shape shape, long length, long from, long to) {
        double[] cumulative = shape.cumulative();
        int points = cumulative.length;
        double total = cumulative[points - 1];
        if (!(total > 0.0) || length <= 0 || to <= from) {
            return null;
        }
        double start = total * from / length;
        double end = total * to / length;
        double[] xy = new double[2 * points + 4];
        int n = at(shape, start, xy, 0);
        for (int i = 1; i < points - 1; i++) {
            if (cumulative[i] > start && cumulative[i] < end) {
                xy[n++] = shape.x()[i];
                xy[n++] = shape.y()[i];
            }
        }
        n = at(shape, end, xy, n);
        return Arrays.copyOf(xy, n);
    }

    /** Writes the point {@code distance} metres along the shape at {@code xy[n]}; returns the new length. */
    private static int at(Shape shape, double distance, double[] xy, int n) {
        double[] cumulative = shape.cumulative();
        double[] x = shape.x();
        double[] y = shape.y();
        for (int i = 1; i < x.length; i++) {
            if (distance <= cumulative[i] || i == x.length - 1) {
                double pieceLength = cumulative[i] - cumulative[i - 1];
                double t = pieceLength > 0.0 ? Math.min(1.0, Math.max(0.0, (distance - cumulative[i - 1]) / pieceLength))
                        : 0.0;
                xy[n] = x[i - 1] + t * (x[i] - x[i - 1]);
                xy[n + 1] = y[i - 1] + t * (y[i] - y[i - 1]);
                return n + 2;
            }
        }
        xy[n] = x[x.length - 1];
        xy[n + 1] = y[y.length - 1];
        return n + 2;
    }
}
