package cn.nantong.livingcircle.engine;

import java.util.Objects;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Snaps a WGS84 point onto the nearest walkway segment: the result is the perpendicular foot on
 * the segment's shape, not the nearest junction (a house in the middle of a block is reached
 * from the middle of its street).
 *
 * <h2>Algorithm</h2>
 * <ul>
 *   <li><b>Index.</b> A JTS {@link STRtree} over the lon/lat envelope of every segment's shape, built
 *       once in the constructor. A query takes the envelope around the point that surely contains
 *       every point within 50 m, then 200 m, ... up to {@code maxMeters}, and examines only segments whose
 *       envelopes intersect it, stopping at the first window that holds a connected segment within its radius.</li>
 *   <li><b>Projection.</b> Each candidate's polyline pieces are projected in a local equirectangular
 *       frame centred on the query point ({@code x = dLon * cos(lat0) * R}, {@code y = dLat * R}, in metres).
 *       Over the few hundred metres of a snap this frame is practically conformal (error well below a
 *       millimetre per metre), so "perpendicular foot" and "distance" mean what they mean on the ground,
 *       which raw degrees would not (a degree of longitude is 15 % shorter than one of latitude at 32°N).
 *       The frame is linear in lat/lon, so the foot is interpolated in lat/lon with the same parameter.</li>
 *   <li><b>Offset.</b> The offset along a polyline is proportional to geometric length: the haversine
 *       length up to the foot divided by the haversine length of the whole shape, times the segment's
 *       authoritative {@code segmentMillimetres}, rounded and clamped to {@code 0..len}. Thus the offset
 *       is always a valid {@link Attachment} even when the stored length differs from the geometry.</li>
 *   <li><b>Ties</b> (e.g. a point exactly on a junction shared by several segments) go to the lowest
 *       segment index, so results are deterministic.</li>
 *   <li><b>Islands.</b> A connected component of the network shorter in total than
 *       {@code minComponentMeters} that is not the network's longest component is an <em>island</em>: a railway
 *       platform, a footway inside a courtyard whose gate is not mapped, a slip road cut off by the extract's
 *       edge. Whoever snaps onto one reaches only that island, although a connected street may lie a few metres
 *       farther. So an island never captures a snap while any other segment lies within {@code maxMeters}: the
 *       point goes to the nearest segment of a component that is not an island, and only a point with nothing
 *       else within reach snaps onto the island. GraphHopper goes further and deletes subnetworks of fewer than
 *       200 edges ({@code prepare.min_network_size}) from its graph; we keep islands, because a building whose only
 *       walkway is one is still better answered from it than refused.</li>
 * </ul>
 *
 * <p>Limitations: the longitude frame does not handle the antimeridian, and the envelope widening
 * degenerates within a few kilometres of the poles; neither matters for Nantong.
 *
 * <p>Thread-safe for queries: the tree is fully built in the constructor (JTS builds under a lock and
 * queries only read afterwards) and the network is immutable.
 */
public final class SegmentSnapper {

    /** Widening of the search envelope: guards against rounding at the envelope edge. */
    private static final double ENVELOPE_SLACK = 1.0 + 1e-9;
    /** Radius of the first search window; each next one is four times wider, up to the caller's maximum. */
    private static final double FIRST_WINDOW_METERS = 50.0;

    private final WalkwayNetwork network;
    private final STRtree tree;
    private final boolean[] onIsland;

    /** A snapper to which every component is as good as another (no islands). */
    public SegmentSnapper(WalkwayNetwork network) {
        this(network, 0.0);
    }

    /**
     * @param minComponentMeters components shorter than this in total (except the longest one) are islands, which
     *                           capture a snap only when nothing else lies within reach; 0 for none
     */
    public SegmentSnapper(WalkwayNetwork network, double minComponentMeters) {
        this.network = Objects.requireNonNull(network, "network");
        if (!(minComponentMeters >= 0.0) || Double.isInfinite(minComponentMeters)) {
            throw new IllegalArgumentException("minComponentMeters must be finite and >= 0: " + minComponentMeters);
        }
        this.onIsland = islands(network, minComponentMeters);
        STRtree t = new STRtree();
        for (int s = 0, m = network.segmentCount(); s < m; s++) {
            if (!network.walkable(s)) {
                continue;
            }
            Envelope envelope = new Envelope();
            for (int i = 0, points = network.segmentShapePointCount(s); i < points; i++) {
                envelope.expandToInclude(network.segmentShapeLon(s, i), network.segmentShapeLat(s, i));
            }
            t.insert(envelope, s);
        }
        t.build();
        this.tree = t;
    }

    public WalkwayNetwork network() {
        return network;
    }

    /** Whether segment {@code s} lies on an island (see the class comment). */
    public boolean onIsland(int s) {
        return onIsland[s];
    }

    private static boolean[] islands(WalkwayNetwork network, double minComponentMeters) {
        int segments = network.segmentCount();
        boolean[] island = new boolean[segments];
        if (minComponentMeters == 0.0 || segments == 0) {
            return island;
        }
        int[] parent = new int[network.junctionCount()];
        for (int j = 0; j < parent.length; j++) {
            parent[j] = j;
        }
        for (int s = 0; s < segments; s++) {
            if (!network.walkable(s)) {
                continue;
            }
            int a = root(parent, network.segmentFrom(s));
            int b = root(parent, network.segmentTo(s));
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        long[] millimetres = new long[parent.length];
        for (int s = 0; s < segments; s++) {
            if (network.walkable(s)) {
                millimetres[root(parent, network.segmentFrom(s))] += network.segmentMillimetres(s);
            }
        }
        int longest = 0;
        for (int j = 1; j < parent.length; j++) {
            if (millimetres[j] > millimetres[longest]) {
                longest = j;
            }
        }
        double minMillimetres = Millimetres.of(minComponentMeters);
        for (int s = 0; s < segments; s++) {
            int r = root(parent, network.segmentFrom(s));
            island[s] = r != longest && millimetres[r] < minMillimetres;
        }
        return island;
    }

    private static int root(int[] parent, int j) {
        while (parent[j] != j) {
            parent[j] = parent[parent[j]];
            j = parent[j];
        }
        return j;
    }

    /**
     * The nearest point on any segment within {@code maxMeters} of ({@code lat}, {@code lon}), or empty
     * if no segment is that close.
     */
    public Optional<Snap> snap(double lat, double lon, double maxMeters) {
        if (!(lat >= -90.0 && lat <= 90.0) || !(lon >= -180.0 && lon <= 180.0)) {
            throw new IllegalArgumentException("point out of range: " + lat + "," + lon);
        }
        if (!(maxMeters >= 0.0) || Double.isInfinite(maxMeters)) {
            throw new IllegalArgumentException("maxMeters must be finite and >= 0: " + maxMeters);
        }
        double metersPerDegreeLat = Geo.METERS_PER_DEGREE;
        // Floor on cos(lat) keeps the longitude window finite near the poles.
        double cosLat = Math.max(Math.cos(Math.toRadians(lat)), 1e-6);
        double metersPerDegreeLon = Geo.METERS_PER_DEGREE * cosLat;
        // Most points lie a few metres from a walkway, and the work grows with the window's area: look close first
        // and widen only when nothing connected is that close. A connected segment found within the window's radius
        // is the nearest one overall, since every segment at most that far has an envelope meeting the window; the
        // last window is the whole maxMeters, where islands are considered as they always were.
        for (double radius = Math.min(FIRST_WINDOW_METERS, maxMeters); ; radius = Math.min(radius * 4, maxMeters)) {
            double dLat = radius / metersPerDegreeLat * ENVELOPE_SLACK;
            double dLon = radius / metersPerDegreeLon * ENVELOPE_SLACK;
            Envelope window = new Envelope(lon - dLon, lon + dLon, lat - dLat, lat + dLat);
            Nearest connected = new Nearest(lat, lon, metersPerDegreeLat, metersPerDegreeLon);
            Nearest island = new Nearest(lat, lon, metersPerDegreeLat, metersPerDegreeLon);
            tree.query(window, item -> {
                int s = (Integer) item;
                (onIsland[s] ? island : connected).consider(s);
            });
            if (radius >= maxMeters) {
                Optional<Snap> snap = connected.snap(maxMeters);
                return snap.isPresent() ? snap : island.snap(maxMeters);
            }
            if (connected.squaredMeters <= radius * radius) {
                return connected.snap(maxMeters);
            }
        }
    }

    /** Offset in mm of the point at parameter t on piece {@code piece} of segment s, proportional to geometric length. */
    private int offsetOf(int s, int piece, double t) {
        int len = network.segmentMillimetres(s);
        int points = network.segmentShapePointCount(s);
        double total = 0.0;
        double before = 0.0;
        for (int i = 0; i + 1 < points; i++) {
            double l = Geo.haversineMeters(network.segmentShapeLat(s, i), network.segmentShapeLon(s, i),
                    network.segmentShapeLat(s, i + 1), network.segmentShapeLon(s, i + 1));
            if (i < piece) {
                before += l;
            } else if (i == piece) {
                before += t * l;
            }
            total += l;
        }
        if (!(total > 0.0)) {
            return 0; // degenerate shape (all points equal): every point of it is the from junction
        }
        long offset = Math.round(before / total * len);
        return (int) Math.max(0, Math.min(len, offset));
    }

    /** Mutable accumulator for one query (lives on the querying thread only). */
    private final class Nearest {
        private final double lat0;
        private final double lon0;
        private final double kx;
        private final double ky;
        int segment = -1;
        int piece;
        double t;
        double squaredMeters = Double.POSITIVE_INFINITY;
        double footLat;
        double footLon;

        Nearest(double lat0, double lon0, double metersPerDegreeLat, double metersPerDegreeLon) {
            this.lat0 = lat0;
            this.lon0 = lon0;
            this.kx = metersPerDegreeLon;
            this.ky = metersPerDegreeLat;
        }

        Optional<Snap> snap(double maxMeters) {
            if (segment < 0) {
                return Optional.empty();
            }
            // Report the great-circle distance so it agrees with Geo everywhere else in the API.
            double distance = Geo.haversineMeters(lat0, lon0, footLat, footLon);
            if (distance > maxMeters) {
                // The window is a square around a circle: its corners hold candidates up to 1.41 * maxMeters away.
                return Optional.empty();
            }
            return Optional.of(new Snap(new Attachment(segment, offsetOf(segment, piece, t)), distance, footLat,
                    footLon));
        }

        void consider(int s) {
            int points = network.segmentShapePointCount(s);
            double aLat = network.segmentShapeLat(s, 0);
            double aLon = network.segmentShapeLon(s, 0);
            double ax = (aLon - lon0) * kx;
            double ay = (aLat - lat0) * ky;
            for (int i = 0; i + 1 < points; i++) {
                double bLat = network.segmentShapeLat(s, i + 1);
                double bLon = network.segmentShapeLon(s, i + 1);
                double bx = (bLon - lon0) * kx;
                double by = (bLat - lat0) * ky;
                // Foot of the perpendicular from the origin (the query point) onto A-B, clamped to the piece.
                double dx = bx - ax;
                double dy = by - ay;
                double lengthSquared = dx * dx + dy * dy;
                double u = lengthSquared > 0.0 ? -(ax * dx + ay * dy) / lengthSquared : 0.0;
                if (u < 0.0) {
                    u = 0.0;
                } else if (u > 1.0) {
                    u = 1.0;
                }
                double fx = ax + u * dx;
                double fy = ay + u * dy;
                double d2 = fx * fx + fy * fy;
                if (d2 < squaredMeters || (d2 == squaredMeters && s < segment)) {
                    squaredMeters = d2;
                    segment = s;
                    piece = i;
                    t = u;
                    footLat = aLat + u * (bLat - aLat);
                    footLon = aLon + u * (bLon - aLon);
                }
                ax = bx;
                ay = by;
                aLat = bLat;
                aLon = bLon;
            }
        }
    }

    /**
     * A snapped point: where it attaches to the network, how far the query point was from it (great
     * circle, metres), and the position of the projected point itself.
     */
    public record Snap(Attachment attachment, double distanceMeters, double lat, double lon) {
    }
}
