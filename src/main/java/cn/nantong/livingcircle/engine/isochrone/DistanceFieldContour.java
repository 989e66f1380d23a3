package cn.nantong.livingcircle.engine.isochrone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The set of points closer than {@code radius} metres to a set of polylines (their buffer), as polygons, computed
 * on a raster instead of by geometric union: JTS's buffer nodes and unions thousands of round-capped capsules, which
 * dominated isochrone time (about 50 ms per 5/10/15-minute request on a city network); this takes a few.
 *
 * <h2>Algorithm</h2>
 * <ol>
 *   <li>A grid of square cells of side {@code cell} (c) over the polylines' bounding box, padded by r + 2c so the
 *       outermost grid vertices are always outside. Vertices sit at integer multiples of c in the caller's metric
 *       frame, so grids for different bounds in the same frame coincide: a contour of a larger set of lines is then
 *       never inside the contour of a smaller one (the distance field only decreases vertex by vertex).</li>
 *   <li>Distance field: every vertex within R = r + c of a polyline gets the exact squared Euclidean distance to
 *       the nearest edge; all others keep a cap of (r + 2c)². A vertex next to an inside vertex (distance &lt; r)
 *       is at most c further away, hence always exact. Each edge's capsule is drawn as its band (vertices whose
 *       foot point falls on the edge: about L/c · 2R/c updates) plus a disc at each end, and a junction's disc is
 *       drawn once however many pieces meet there: on street networks the discs were most of the work.</li>
 *   <li>Marching squares at level r: each cell edge with one inside and one outside end holds one boundary point,
 *       linearly interpolated between the end distances (exact along straight stretches of the band, a few
 *       centimetres inside the true arc around caps for c ≤ 8 m, r = 40 m). In each cell a boundary segment runs from
 *       each edge where a counter-clockwise walk round the cell leaves the inside to the edge where it comes back,
 *       so the inside is always on its left; the two saddle cases join the inside corners through the cell centre
 *       when the mean of the four corner distances is below r.</li>
 *   <li>Every boundary point starts one segment and ends another, so following "next" links from any point closes a
 *       ring. Rings with positive signed area are shells (counter-clockwise), the others holes, each given to the
 *       smallest shell containing it. Runs of collinear points (straight streets) are dropped to 1 mm.</li>
 * </ol>
 * Accuracy against an exact buffer: boundary within about c/2 (marching squares cuts the inner corners where
 * bands meet by up to c·√2/2); areas within a fraction of a per cent for c ≤ 6 m. Cost grows with 1/c², so the
 * cell size trades speed against how sharp those corners are.
 *
 * <h2>Scratch memory</h2>
 * The field and link arrays are dense over the grid (about 12 bytes per vertex: 4 MB for a 20-minute isochrone at
 * 6 m cells), so instances are pooled by their owner ({@link Isochrones}, at most one per processor kept) and kept clean: after each
 * contour only the rows' touched ranges are reset, so a call costs in proportion to the reached network, not to its
 * bounding box. An instance is not thread-safe.
 */
final class DistanceFieldContour {

    /** Boundary points never sit exactly on a grid vertex, so distinct rings never touch. */
    private static final double MIN_FRACTION = 1e-3;
    private static final double COLLINEAR_METERS = 1e-3;


    private final GeometryFactory factory;
    /** Squared distances (m²); every entry equals {@link #capSquared} between calls. */
    private float[] squaredDistance = new float[0];
    private float capSquared = Float.NaN;
    /** Per grid row, the first and last column written by the current call (first > last: none). */
    private int[] rowFirst = new int[0];
    private int[] rowLast = new int[0];
    /** For a boundary point's edge id, 1 + the edge id of the point its boundary segment runs to (0: none). */
    private int[] next = new int[0];
    private int[] starts = new int[64];
    private int startCount;

    DistanceFieldContour(GeometryFactory factory) {
        this.factory = factory;
    }

    /**
     * The points within {@code radius} of the polylines, each given as {@code [x0, y0, x1, y1, ...]} in metres; an
     * empty MultiPolygon when there are none.
     */
    Geometry contour(List<double[]> polylines, double radius, double cell) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] line : polylines) {
            for (int k = 0; k < line.length; k += 2) {
                minX = Math.min(minX, line[k]);
                maxX = Math.max(maxX, line[k]);
                minY = Math.min(minY, line[k + 1]);
                maxY = Math.max(maxY, line[k + 1]);
            }
        }
        if (polylines.isEmpty()) {
            return factory.createMultiPolygon();
        }
        double pad = radius + 2 * cell;
        long i0 = (long) Math.floor((minX - pad) / cell);
        long j0 = (long) Math.floor((minY - pad) / cell);
        long columns = (long) Math.ceil((maxX + pad) / cell) - i0 + 1;
        long rows = (long) Math.ceil((maxY + pad) / cell) - j0 + 1;
        if (columns * rows > 100_000_000L) {
            throw new IllegalArgumentException("isochrone raster of " + columns + " x " + rows + " cells is too large");
        }
        Grid grid = new Grid(i0 * cell, j0 * cell, cell, (int) columns, (int) rows, radius);
        prepare(grid);
        // Each capsule = the band beside its edge (0 ≤ t ≤ 1) + discs at its ends; a junction's disc is shared by
        // every piece meeting there, so it is drawn once.
        Set<Point> ends = new HashSet<>();
        for (double[] line : polylines) {
            for (int k = 0; k < line.length; k += 2) {
                ends.add(new Point(line[k], line[k + 1]));
            }
            for (int k = 0; k + 3 < line.length; k += 2) {
                band(grid, line[k], line[k + 1], line[k + 2], line[k + 3]);
            }
        }
        for (Point end : ends) {
            disc(grid, end.x(), end.y());
        }
        march(grid);
        List<double[]> rings = rings(grid);
        clean(grid);
        return polygons(rings);
    }

    private record Grid(double x0, double y0, double cell, int columns, int rows, double radius) {
    }

    private void prepare(Grid grid) {
        int vertices = grid.columns() * grid.rows();
        double cap = grid.radius() + 2 * grid.cell();
        float capped = (float) (cap * cap);
        if (squaredDistance.length < vertices) {
            int size = Math.max(vertices, squaredDistance.length * 3 / 2);
            squaredDistance = new float[size];
            next = new int[2 * size];
            Arrays.fill(squaredDistance, capped);
        } else if (capped != capSquared) {
            Arrays.fill(squaredDistance, capped);
        }
        capSquared = capped;
        if (rowFirst.length < grid.rows()) {
            rowFirst = new int[Math.max(grid.rows(), rowFirst.length * 3 / 2)];
            rowLast = new int[rowFirst.length];
        }
        Arrays.fill(rowFirst, 0, grid.rows(), Integer.MAX_VALUE);
        Arrays.fill(rowLast, 0, grid.rows(), -1);
        startCount = 0;
    }

    /** Restores the cap on every vertex this call wrote. */
    private void clean(Grid grid) {
        for (int j = 0; j < grid.rows(); j++) {
            if (rowFirst[j] <= rowLast[j]) {
                int row = j * grid.columns();
                Arrays.fill(squaredDistance, row + rowFirst[j], row + rowLast[j] + 1, capSquared);
            }
        }
    }

    private record Point(double x, double y) {
    }

    /**
     * Lowers the squared distance of every vertex within r + c of the edge a-b whose foot point lies on the edge
     * (0 ≤ t ≤ 1, give or take rounding: t is clamped anyway).
     */
    private void band(Grid grid, double ax, double ay, double bx, double by) {
        double c = grid.cell();
        double reach = grid.radius() + c;
        int columns = grid.columns();
        // in grid units from here on: vertex (i, j) at (i, j)
        ax = (ax - grid.x0()) / c;
        ay = (ay - grid.y0()) / c;
        bx = (bx - grid.x0()) / c;
        by = (by - grid.y0()) / c;
        double r = reach / c;
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        if (!(lengthSquared > 0)) {
            return;
        }
        double inverse = 1.0 / lengthSquared;
        double halfWidth = Math.abs(dy) > 1e-9 ? r * Math.sqrt(lengthSquared) / Math.abs(dy) : Double.POSITIVE_INFINITY;
        double left = Math.min(ax, bx) - r;
        double right = Math.max(ax, bx) + r;
        int jFrom = Math.max(0, (int) Math.ceil(Math.min(ay, by) - r));
        int jTo = Math.min(grid.rows() - 1, (int) Math.floor(Math.max(ay, by) + r));
        float[] field = squaredDistance;
        double scale = c * c;
        for (int j = jFrom; j <= jTo; j++) {
            double lo = left;
            double hi = right;
            if (halfWidth != Double.POSITIVE_INFINITY) {
                // the band |perpendicular distance| ≤ r around the edge's line crosses row j in this x interval
                double xLine = ax + (j - ay) * dx / dy;
                lo = Math.max(lo, xLine - halfWidth);
                hi = Math.min(hi, xLine + halfWidth);
            }
            double py = j - ay;
            if (Math.abs(dx) > 1e-9) {
                // the slab 0 ≤ t ≤ 1 crosses row j between the feet of the perpendiculars at a and at b
                double atA = ax - py * dy / dx;
                double atB = ax + (lengthSquared - py * dy) / dx;
                lo = Math.max(lo, Math.min(atA, atB) - 1e-6);
                hi = Math.min(hi, Math.max(atA, atB) + 1e-6);
            } else {
                double t = py * dy * inverse;
                if (t < -1e-6 || t > 1 + 1e-6) {
                    continue;
                }
            }
            int iFrom = Math.max(0, (int) Math.ceil(lo));
            int iTo = Math.min(columns - 1, (int) Math.floor(hi));
            if (iFrom > iTo) {
                continue;
            }
            rowFirst[j] = Math.min(rowFirst[j], iFrom);
            rowLast[j] = Math.max(rowLast[j], iTo);
            double px = iFrom - ax;
            // t, the edge parameter of the vertex's foot point, grows by dx / |ab|² per column
            double t = (px * dx + py * dy) * inverse;
            double tStep = dx * inverse;
            int end = j * columns + iTo;
            for (int v = j * columns + iFrom; v <= end; v++, px += 1.0, t += tStep) {
                double clamped = t < 0 ? 0 : (t > 1 ? 1 : t);
                double ex = px - clamped * dx;
                double ey = py - clamped * dy;
                field[v] = Math.min(field[v], (float) ((ex * ex + ey * ey) * scale));
            }
        }
    }

    /** Lowers the squared distance of every vertex within r + c of the point p. */
    private void disc(Grid grid, double px, double py) {
        double c = grid.cell();
        double r = (grid.radius() + c) / c;
        int columns = grid.columns();
        px = (px - grid.x0()) / c;
        py = (py - grid.y0()) / c;
        int jFrom = Math.max(0, (int) Math.ceil(py - r));
        int jTo = Math.min(grid.rows() - 1, (int) Math.floor(py + r));
        float[] field = squaredDistance;
        double scale = c * c;
        for (int j = jFrom; j <= jTo; j++) {
            double ey = j - py;
            double half = Math.sqrt(Math.max(0, r * r - ey * ey));
            int iFrom = Math.max(0, (int) Math.ceil(px - half));
            int iTo = Math.min(columns - 1, (int) Math.floor(px + half));
            if (iFrom > iTo) {
                continue;
            }
            rowFirst[j] = Math.min(rowFirst[j], iFrom);
            rowLast[j] = Math.max(rowLast[j], iTo);
            double ex = iFrom - px;
            int end = j * columns + iTo;
            for (int v = j * columns + iFrom; v <= end; v++, ex += 1.0) {
                field[v] = Math.min(field[v], (float) ((ex * ex + ey * ey) * scale));
            }
        }
    }

    /**
     * Records one directed boundary segment per crossing pair. Corners counter-clockwise: 0 (i, j), 1 (i+1, j),
     * 2 (i+1, j+1), 3 (i, j+1); cell edge k joins corner k to corner k+1.
     */
    private void march(Grid grid) {
        int columns = grid.columns();
        float[] field = squaredDistance;
        float level = (float) (grid.radius() * grid.radius());
        for (int j = 0; j + 1 < grid.rows(); j++) {
            // a cell with no written corner is wholly outside
            int first = Math.max(0, Math.min(rowFirst[j], rowFirst[j + 1]) - 1);
            int last = Math.min(columns - 2, Math.max(rowLast[j], rowLast[j + 1]));
            if (first > last) {
                continue;
            }
            int v = j * columns + first;
            // corner bits: 1 (i, j), 2 (i+1, j), 4 (i+1, j+1), 8 (i, j+1); the right corners of one cell are the
            // left corners of the next
            int left = (field[v] < level ? 1 : 0) | (field[v + columns] < level ? 8 : 0);
            for (int i = first; i <= last; i++, v++) {
                int right = (field[v + 1] < level ? 2 : 0) | (field[v + 1 + columns] < level ? 4 : 0);
                int mask = left | right;
                if (mask != 0 && mask != 15) {
                    cell(grid, v, mask);
                }
                left = (right & 2) >> 1 | (right & 4) << 1;
            }
        }
    }

    /** The boundary segments of the mixed cell whose corner 0 is vertex v. */
    private void cell(Grid grid, int v, int mask) {
        int columns = grid.columns();
        int[] edge = {
            2 * v,                  // horizontal edge from corner 0
            2 * (v + 1) + 1,        // vertical edge from corner 1
            2 * (v + columns),      // horizontal edge from corner 3
            2 * v + 1               // vertical edge from corner 0
        };
        boolean saddle = mask == 5 || mask == 10;
        boolean centreInside = saddle && centreInside(squaredDistance, v, columns, grid.radius());
        for (int k = 0; k < 4; k++) {
            if (inside(mask, k) && !inside(mask, k + 1)) {
                int target = -1;
                for (int step = 1; step < 4 && target < 0; step++) {
                    int m = saddle && !centreInside ? (k - step) & 3 : (k + step) & 3;
                    if (!inside(mask, m) && inside(mask, m + 1)) {
                        target = m;
                    }
                }
                link(edge[k], edge[target]);
            }
        }
    }

    private static boolean inside(int mask, int corner) {
        return (mask & (1 << (corner & 3))) != 0;
    }

    private static boolean centreInside(float[] field, int v, int columns, double radius) {
        double sum = Math.sqrt(field[v]) + Math.sqrt(field[v + 1]) + Math.sqrt(field[v + 1 + columns])
                + Math.sqrt(field[v + columns]);
        return sum / 4 < radius;
    }

    private void link(int from, int to) {
        next[from] = to + 1;
        if (startCount == starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[startCount++] = from;
    }

    /** Follows the links into closed rings, clearing them on the way (which also resets the scratch array). */
    private List<double[]> rings(Grid grid) {
        List<double[]> rings = new ArrayList<>();
        double[] xy = new double[64];
        for (int s = 0; s < startCount; s++) {
            int start = starts[s];
            if (next[start] == 0) {
                continue;
            }
            int n = 0;
            int e = start;
            do {
                if (n + 4 > xy.length) {
                    xy = Arrays.copyOf(xy, xy.length * 2);
                }
                n = point(grid, e, xy, n);
                int following = next[e] - 1;
                next[e] = 0;
                e = following;
            } while (e != start);
            rings.add(withoutCollinear(xy, n));
        }
        return rings;
    }

    /** Appends the boundary point on edge {@code e} at {@code xy[n]}; returns the new length. */
    private int point(Grid grid, int e, double[] xy, int n) {
        int a = e >> 1;
        boolean vertical = (e & 1) != 0;
        int b = vertical ? a + grid.columns() : a + 1;
        double da = Math.sqrt(squaredDistance[a]);
        double db = Math.sqrt(squaredDistance[b]);
        double t = (grid.radius() - da) / (db - da);
        t = Math.max(MIN_FRACTION, Math.min(1 - MIN_FRACTION, t));
        int i = a % grid.columns();
        int j = a / grid.columns();
        double x = grid.x0() + (vertical ? i : i + t) * grid.cell();
        double y = grid.y0() + (vertical ? j + t : j) * grid.cell();
        xy[n] = x;
        xy[n + 1] = y;
        return n + 2;
    }

    /** The ring as JTS coordinates, closed, without points lying on the line through their kept neighbours. */
    private static double[] withoutCollinear(double[] xy, int n) {
        int points = n / 2;
        double[] kept = new double[n + 2];
        int k = 0;
        kept[k++] = xy[0];
        kept[k++] = xy[1];
        for (int p = 1; p < points; p++) {
            double x = xy[2 * p];
            double y = xy[2 * p + 1];
            int q = (p + 1) % points;
            double lx = kept[k - 2];
            double ly = kept[k - 1];
            double nx = xy[2 * q] - lx;
            double ny = xy[2 * q + 1] - ly;
            double length = Math.sqrt(nx * nx + ny * ny);
            double offLine = length > 0 ? Math.abs((x - lx) * ny - (y - ly) * nx) / length : Double.POSITIVE_INFINITY;
            if (offLine > COLLINEAR_METERS) {
                kept[k++] = x;
                kept[k++] = y;
            }
        }
        kept[k++] = xy[0];
        kept[k++] = xy[1];
        return Arrays.copyOf(kept, k);
    }

    private Geometry polygons(List<double[]> rings) {
        List<Coordinate[]> shells = new ArrayList<>();
        List<Double> shellAreas = new ArrayList<>();
        List<Coordinate[]> holes = new ArrayList<>();
        for (double[] ring : rings) {
            if (ring.length < 8) {
                continue;
            }
            Coordinate[] coordinates = new Coordinate[ring.length / 2];
            for (int p = 0; p < coordinates.length; p++) {
                coordinates[p] = new Coordinate(ring[2 * p], ring[2 * p + 1]);
            }
            double area = signedArea(ring);
            if (area > 0) {
                shells.add(coordinates);
                shellAreas.add(area);
            } else if (area < 0) {
                holes.add(coordinates);
            }
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<Envelope> envelopes = new ArrayList<>();
        for (Coordinate[] shell : shells) {
            holesOf.add(new ArrayList<>());
            Envelope envelope = new Envelope();
            for (Coordinate c : shell) {
                envelope.expandToInclude(c);
            }
            envelopes.add(envelope);
        }
        for (Coordinate[] hole : holes) {
            int owner = shells.size() == 1 ? 0 : -1;
            for (int s = 0; s < shells.size() && shells.size() > 1; s++) {
                if (envelopes.get(s).contains(hole[0]) && PointLocation.isInRing(hole[0], shells.get(s))
                        && (owner < 0 || shellAreas.get(s) < shellAreas.get(owner))) {
                    owner = s;
                }
            }
            if (owner >= 0) {
                holesOf.get(owner).add(factory.createLinearRing(hole));
            }
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int s = 0; s < shells.size(); s++) {
            polygons[s] = factory.createPolygon(factory.createLinearRing(shells.get(s)),
                    holesOf.get(s).toArray(LinearRing[]::new));
        }
        return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    }

    /** Shoelace area of a closed ring {@code [x0, y0, ..., x0, y0]}: positive when counter-clockwise. */
    private static double signedArea(double[] ring) {
        double twice = 0;
        double x0 = ring[0];
        double y0 = ring[1];
        for (int k = 0; k + 3 < ring.length; k += 2) {
            twice += (ring[k] - x0) * (ring[k + 3] - y0) - (ring[k + 2] - x0) * (ring[k + 1] - y0);
        }
        return twice / 2;
    }
}
