package cn.nantong.livingcircle.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * The pedestrian walkway graph: junctions (graph nodes with a WGS84 position) joined by segments
 * (walkable stretches with a length in millimetres and an optional polyline shape).
 *
 * <h2>Layout</h2>
 * Everything is stored in primitive arrays indexed by dense ints, never as an object per node or
 * edge: at city scale (200k+ junctions, 500k+ directed edges) object graphs cost several times the
 * memory and, worse, scatter the data that Dijkstra touches in its inner loop across the heap.
 * <ul>
 *   <li>Junctions: {@code lat[j]}, {@code lon[j]}.</li>
 *   <li>Segments: {@code segmentFrom[s]}, {@code segmentTo[s]}, {@code segmentMillimetres[s]}, and
 *       interior shape points in one flat {@code double[]} addressed by {@code shapeStart[s]..shapeStart[s+1]}
 *       (empty for straight segments, so straight segments cost no shape memory).</li>
 *   <li>Adjacency in compressed sparse rows (CSR): the directed edges leaving junction {@code j} are
 *       {@code firstEdge[j] .. firstEdge[j+1]-1} (one sentinel entry at the end), each with
 *       {@code edgeTarget}, {@code edgeMillimetres} and {@code edgeSegment}. Edges of one junction are
 *       contiguous, so relaxing them is a linear scan over three arrays.</li>
 * </ul>
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>Every segment is walkable in both directions (pedestrians ignore one-way streets), so it
 *       yields two directed edges: {@code from -> to} (the <em>forward</em> edge) and {@code to -> from}.</li>
 *   <li>Lengths are integer millimetres: sums along a path are exact and reproducible (no
 *       floating-point drift, equal distances compare equal), and a 32-bit int still covers
 *       2,147 km, far beyond any walk.</li>
 *   <li>Self-loops ({@code from == to}), parallel segments between the same junctions and
 *       zero-length segments are all allowed, since real walkway extracts contain them.</li>
 *   <li>The length is given explicitly and is authoritative for routing; the shape is only used to
 *       place points along the segment (snapping), proportionally to its geometric length.</li>
 * </ul>
 *
 * <p>Instances are immutable and therefore thread-safe once {@link Builder#build()} returns (all
 * fields are final, which also guarantees safe publication).
 */
public final class WalkwayNetwork {

    private final double[] junctionLat;
    private final double[] junctionLon;

    private final int[] segmentFrom;
    private final int[] segmentTo;
    private final int[] segmentMillimetres;
    /** Interior shape points of segment s are {@code shapeCoords[shapeStart[s] .. shapeStart[s+1]-1]}, as lat,lon pairs. */
    private final int[] shapeStart;
    private final double[] shapeCoords;

    // CSR adjacency; package-private so the search can read the arrays directly in its hot loop.
    final int[] firstEdge;
    final int[] edgeTarget;
    final int[] edgeMillimetres;
    final int[] edgeSegment;
    /** The {@code from -> to} edge of each segment, so each segment can be visited exactly once from the edge lists. */
    final int[] segmentForwardEdge;
    private final WalkingSearchPool searches = new WalkingSearchPool(this);

    private WalkwayNetwork(Builder b) {
        int n = b.junctionCount;
        int m = b.segmentCount;
        this.junctionLat = Arrays.copyOf(b.lat, n);
        this.junctionLon = Arrays.copyOf(b.lon, n);
        this.segmentFrom = Arrays.copyOf(b.from, m);
        this.segmentTo = Arrays.copyOf(b.to, m);
        this.segmentMillimetres = Arrays.copyOf(b.millimetres, m);
        this.shapeStart = Arrays.copyOf(b.shapeStart, m + 1);
        this.shapeStart[m] = b.shapeCoordCount;
        this.shapeCoords = Arrays.copyOf(b.shapeCoords, b.shapeCoordCount);
        Adjacency csr = adjacency(n, segmentFrom, segmentTo, segmentMillimetres, null);
        this.firstEdge = csr.first();
        this.edgeTarget = csr.target();
        this.edgeMillimetres = csr.length();
        this.edgeSegment = csr.segment();
        this.segmentForwardEdge = csr.forward();
    }

    /** The junctions and segments of {@code base} (shared: they are immutable) with an adjacency without {@code removed}. */
    private WalkwayNetwork(WalkwayNetwork base, boolean[] removed) {
        this.junctionLat = base.junctionLat;
        this.junctionLon = base.junctionLon;
        this.segmentFrom = base.segmentFrom;
        this.segmentTo = base.segmentTo;
        this.segmentMillimetres = base.segmentMillimetres;
        this.shapeStart = base.shapeStart;
        this.shapeCoords = base.shapeCoords;
        Adjacency csr = adjacency(junctionLat.length, segmentFrom, segmentTo, segmentMillimetres, removed);
        this.firstEdge = csr.first();
        this.edgeTarget = csr.target();
        this.edgeMillimetres = csr.length();
        this.edgeSegment = csr.segment();
        this.segmentForwardEdge = csr.forward();
    }

    /**
     * The same network with the segments marked in {@code removed} out of its adjacency (e.g. every flight of steps,
     * for a step-free walk): a search never walks them and a {@link SegmentSnapper} never snaps onto them
     * ({@link #walkable}), while segment and junction indices, and so attachments, stay those of this network.
     */
    public WalkwayNetwork without(boolean[] removed) {
        if (removed.length != segmentCount()) {
            throw new IllegalArgumentException("one flag per segment: " + removed.length + " for " + segmentCount());
        }
        return new WalkwayNetwork(this, removed.clone());
    }

    /** Whether segment {@code s} is in the adjacency (always, unless this network was made {@link #without} it). */
    public boolean walkable(int s) {
        return segmentForwardEdge[s] >= 0;
    }

    private record Adjacency(int[] first, int[] target, int[] length, int[] segment, int[] forward) {
    }

    /** Counting sort of the directed edges by source junction: O(n + m), no comparisons. */
    private static Adjacency adjacency(int n, int[] segmentFrom, int[] segmentTo, int[] segmentMillimetres,
            boolean[] removed) {
        int m = segmentFrom.length;
        int[] first = new int[n + 1];
        int edges = 0;
        for (int s = 0; s < m; s++) {
            if (removed != null && removed[s]) {
                continue;
            }
            first[segmentFrom[s] + 1]++;
            first[segmentTo[s] + 1]++;
            edges += 2;
        }
        for (int j = 0; j < n; j++) {
            first[j + 1] += first[j];
        }
        int[] target = new int[edges];
        int[] length = new int[edges];
        int[] segment = new int[edges];
        int[] forward = new int[m];
        int[] next = Arrays.copyOf(first, n);
        for (int s = 0; s < m; s++) {
            if (removed != null && removed[s]) {
                forward[s] = -1;
                continue;
            }
            int a = segmentFrom[s];
            int z = segmentTo[s];
            int len = segmentMillimetres[s];
            int e = next[a]++;
            target[e] = z;
            length[e] = len;
            segment[e] = s;
            forward[s] = e;
            e = next[z]++;
            target[e] = a;
            length[e] = len;
            segment[e] = s;
        }
        return new Adjacency(first, target, length, segment, forward);
    }

    /** A builder with default initial capacity. */
    public static Builder builder() {
        return new Builder(1024, 1024);
    }

    /** A builder pre-sized for the expected number of junctions and segments (avoids regrowth at city scale). */
    public static Builder builder(int expectedJunctions, int expectedSegments) {
        return new Builder(Math.max(16, expectedJunctions), Math.max(16, expectedSegments));
    }

    /** The pooled search scratch space of this network; it lives and dies with the network. */
    public WalkingSearchPool searches() {
        return searches;
    }

    public int junctionCount() {
        return junctionLat.length;
    }

    public int segmentCount() {
        return segmentFrom.length;
    }

    /** Number of directed edges: two per walkable segment ({@code 2 * segmentCount()} unless made {@link #without} some). */
    public int edgeCount() {
        return edgeTarget.length;
    }

    public double junctionLat(int j) {
        return junctionLat[j];
    }

    public double junctionLon(int j) {
        return junctionLon[j];
    }

    public int segmentFrom(int s) {
        return segmentFrom[s];
    }

    public int segmentTo(int s) {
        return segmentTo[s];
    }

    public int segmentMillimetres(int s) {
        return segmentMillimetres[s];
    }

    /** Number of shape points of segment s including both ends; 2 for a straight segment. */
    public int segmentShapePointCount(int s) {
        return 2 + (shapeStart[s + 1] - shapeStart[s]) / 2;
    }

    /** Latitude of shape point {@code i} (0 = from junction, {@code segmentShapePointCount(s)-1} = to junction). */
    public double segmentShapeLat(int s, int i) {
        return shapeCoordinate(s, i, 0);
    }

    /** Longitude of shape point {@code i} (0 = from junction, {@code segmentShapePointCount(s)-1} = to junction). */
    public double segmentShapeLon(int s, int i) {
        return shapeCoordinate(s, i, 1);
    }

    private double shapeCoordinate(int s, int i, int latOrLon) {
        int interior = (shapeStart[s + 1] - shapeStart[s]) / 2;
        if (i < 0 || i > interior + 1) {
            throw new IndexOutOfBoundsException("shape point " + i + " of segment " + s);
        }
        if (i == 0) {
            int j = segmentFrom[s];
            return latOrLon == 0 ? junctionLat[j] : junctionLon[j];
        }
        if (i == interior + 1) {
            int j = segmentTo[s];
            return latOrLon == 0 ? junctionLat[j] : junctionLon[j];
        }
        return shapeCoords[shapeStart[s] + 2 * (i - 1) + latOrLon];
    }

    /**
     * The segment's geometry as {@code [lat0, lon0, lat1, lon1, ...]} including both ends (a straight
     * segment has 2 points). The end points are the junction positions. Returns a fresh copy.
     */
    public double[] segmentShape(int s) {
        int count = segmentShapePointCount(s);
        double[] shape = new double[2 * count];
        int a = segmentFrom[s];
        int z = segmentTo[s];
        shape[0] = junctionLat[a];
        shape[1] = junctionLon[a];
        System.arraycopy(shapeCoords, shapeStart[s], shape, 2, shapeStart[s + 1] - shapeStart[s]);
        shape[shape.length - 2] = junctionLat[z];
        shape[shape.length - 1] = junctionLon[z];
        return shape;
    }

    /** Index of the first directed edge leaving junction j; the edges are {@code firstEdge(j) .. firstEdge(j+1)-1}. */
    public int firstEdge(int j) {
        return firstEdge[j];
    }

    public int edgeTarget(int e) {
        return edgeTarget[e];
    }

    public int edgeMillimetres(int e) {
        return edgeMillimetres[e];
    }

    public int edgeSegment(int e) {
        return edgeSegment[e];
    }

    /** Throws if {@code a} does not denote a point on a segment of this network. */
    void checkAttachment(Attachment a) {
        Objects.requireNonNull(a, "attachment");
        int s = a.segment();
        if (s >= segmentFrom.length) {
            throw new IllegalArgumentException("segment " + s + " out of range 0.." + (segmentFrom.length - 1));
        }
        if (a.offsetMillimetres() > segmentMillimetres[s]) {
            throw new IllegalArgumentException("offset " + a.offsetMillimetres() + " mm beyond the end of segment "
                    + s + " (" + segmentMillimetres[s] + " mm)");
        }
    }

    /**
     * Collects junctions and segments, then freezes them into an immutable {@link WalkwayNetwork}.
     * Not thread-safe. {@link #build()} copies the data, so the builder may keep growing afterwards.
     */
    public static final class Builder {
        private double[] lat;
        private double[] lon;
        private int junctionCount;

        private int[] from;
        private int[] to;
        private int[] millimetres;
        private int[] shapeStart;
        private int segmentCount;

        private double[] shapeCoords = new double[64];
        private int shapeCoordCount;

        private Builder(int junctionCapacity, int segmentCapacity) {
            lat = new double[junctionCapacity];
            lon = new double[junctionCapacity];
            from = new int[segmentCapacity];
            to = new int[segmentCapacity];
            millimetres = new int[segmentCapacity];
            shapeStart = new int[segmentCapacity + 1];
        }

        /** Adds a junction at a WGS84 position (degrees) and returns its dense index {@code 0..n-1}. */
        public int addJunction(double lat, double lon) {
            if (!(lat >= -90.0 && lat <= 90.0)) {
                throw new IllegalArgumentException("latitude out of range: " + lat);
            }
            if (!(lon >= -180.0 && lon <= 180.0)) {
                throw new IllegalArgumentException("longitude out of range: " + lon);
            }
            if (junctionCount == this.lat.length) {
                int capacity = grow(junctionCount);
                this.lat = Arrays.copyOf(this.lat, capacity);
                this.lon = Arrays.copyOf(this.lon, capacity);
            }
            this.lat[junctionCount] = lat;
            this.lon[junctionCount] = lon;
            return junctionCount++;
        }

        /** Adds a straight segment with an explicit length and returns its dense index. */
        public int addSegment(int fromJunction, int toJunction, int lengthMillimetres) {
            return addSegment(fromJunction, toJunction, null, lengthMillimetres);
        }

        /**
         * Adds a segment and returns its dense index.
         *
         * @param shapeLatLon the polyline {@code [lat0, lon0, lat1, lon1, ...]} including both ends,
         *     running from {@code fromJunction} to {@code toJunction}; {@code null} means straight. Only
         *     the interior points are stored: the ends are, by definition, the junction positions,
         *     which keeps snapped points and junctions consistent even if the source data's end
         *     coordinates differ in the last decimal.
         * @param lengthMillimetres walking length, authoritative for routing (may differ from the
         *     geometric length of the shape, e.g. for stairs or when measured on the ellipsoid)
         */
        public int addSegment(int fromJunction, int toJunction, double[] shapeLatLon, int lengthMillimetres) {
            checkJunction(fromJunction);
            checkJunction(toJunction);
            if (lengthMillimetres < 0) {
                throw new IllegalArgumentException("segment length must be >= 0 mm: " + lengthMillimetres);
            }
            int interiorCoords = 0;
            if (shapeLatLon != null) {
                if (shapeLatLon.length < 4 || shapeLatLon.length % 2 != 0) {
                    throw new IllegalArgumentException(
                            "shape must hold at least 2 lat/lon pairs, got " + shapeLatLon.length + " values");
                }
                for (int i = 2; i < shapeLatLon.length - 2; i += 2) {
                    double la = shapeLatLon[i];
                    double lo = shapeLatLon[i + 1];
                    if (!(la >= -90.0 && la <= 90.0 && lo >= -180.0 && lo <= 180.0)) {
                        throw new IllegalArgumentException("shape point out of range: " + la + "," + lo);
                    }
                }
                interiorCoords = shapeLatLon.length - 4;
            }
            if (segmentCount == from.length) {
                int capacity = grow(segmentCount);
                from = Arrays.copyOf(from, capacity);
                to = Arrays.copyOf(to, capacity);
                millimetres = Arrays.copyOf(millimetres, capacity);
                shapeStart = Arrays.copyOf(shapeStart, capacity + 1);
            }
            if (shapeCoordCount + interiorCoords > shapeCoords.length) {
                shapeCoords = Arrays.copyOf(shapeCoords, Math.max(grow(shapeCoords.length), shapeCoordCount + interiorCoords));
            }
            if (interiorCoords > 0) {
                System.arraycopy(shapeLatLon, 2, shapeCoords, shapeCoordCount, interiorCoords);
            }
            from[segmentCount] = fromJunction;
            to[segmentCount] = toJunction;
            millimetres[segmentCount] = lengthMillimetres;
            shapeStart[segmentCount] = shapeCoordCount;
            shapeCoordCount += interiorCoords;
            return segmentCount++;
        }

        public int junctionCount() {
            return junctionCount;
        }

        public int segmentCount() {
            return segmentCount;
        }

        /** Freezes the current content into an immutable network (the builder stays usable). */
        public WalkwayNetwork build() {
            return new WalkwayNetwork(this);
        }

        private void checkJunction(int j) {
            if (j < 0 || j >= junctionCount) {
                throw new IllegalArgumentException("unknown junction " + j + " (have " + junctionCount + ")");
            }
        }

        private static int grow(int size) {
            long capacity = Math.max(16L, size + (size >> 1) + 1L);
            if (capacity > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("walkway network too large");
            }
            return (int) capacity;
        }
    }
}
