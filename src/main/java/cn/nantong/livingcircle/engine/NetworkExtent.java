package cn.nantong.livingcircle.engine;

import java.util.ArrayList;
import java.util.List;

import cn.nantong.livingcircle.engine.isochrone.LocalProjection;
import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The region a walkway network covers at all: the convex hull of every shape point of every segment, widened by
 * {@code bufferMeters} in a local metric projection centred on the network.
 *
 * <p>Why a convex hull and not a buffer of the segments: a buffer by the maximum snap distance is exactly the set of
 * points that snap, so "outside the data" and "too far from a walkway" would be the same answer again. The hull
 * separates them: outside it the dataset says nothing (the sea, another city); inside it the city exists but the
 * point lies in a gap between the surveyed streets. Widening the hull by the maximum snap distance keeps every point
 * that can snap inside it (a point within that distance of a walkway is within it of the hull), so a point that is
 * answered is never called outside the coverage.
 *
 * <p>Immutable and thread-safe (the prepared geometry is only read after construction).
 */
public final class NetworkExtent {

    /** Segments of a quarter circle in the buffer: 16 keeps the widened corners within 0.5 % of round. */
    private static final int QUADRANT_SEGMENTS = 16;

    private final LocalProjection projection;
    private final Geometry outline;
    private final PreparedGeometry prepared;
    private final double minLat;
    private final double minLon;
    private final double maxLat;
    private final double maxLon;

    private NetworkExtent(LocalProjection projection, Geometry outline) {
        this.projection = projection;
        this.outline = outline;
        this.prepared = PreparedGeometryFactory.prepare(outline);
        double south = Double.POSITIVE_INFINITY;
        double west = Double.POSITIVE_INFINITY;
        double north = Double.NEGATIVE_INFINITY;
        double east = Double.NEGATIVE_INFINITY;
        for (Coordinate xy : outline.getCoordinates()) {
            south = Math.min(south, projection.lat(xy));
            north = Math.max(north, projection.lat(xy));
            west = Math.min(west, projection.lon(xy));
            east = Math.max(east, projection.lon(xy));
        }
        this.minLat = south;
        this.minLon = west;
        this.maxLat = north;
        this.maxLon = east;
    }

    /**
     * @throws IllegalArgumentException for a network without segments (it covers nothing)
     */
    public static NetworkExtent of(WalkwayNetwork network, double bufferMeters) {
        if (network.segmentCount() == 0) {
            throw new IllegalArgumentException("a network without segments has no extent");
        }
        double latSum = 0;
        double lonSum = 0;
        long points = 0;
        for (int s = 0; s < network.segmentCount(); s++) {
            for (int i = 0; i < network.segmentShapePointCount(s); i++) {
                latSum += network.segmentShapeLat(s, i);
                lonSum += network.segmentShapeLon(s, i);
                points++;
            }
        }
        LocalProjection projection = new LocalProjection(latSum / points, lonSum / points);
        List<Coordinate> projected = new ArrayList<>();
        for (int s = 0; s < network.segmentCount(); s++) {
            for (int i = 0; i < network.segmentShapePointCount(s); i++) {
                projected.add(projection.project(network.segmentShapeLat(s, i), network.segmentShapeLon(s, i)));
            }
        }
        Geometry hull = new ConvexHull(projected.toArray(Coordinate[]::new), new GeometryFactory()).getConvexHull();
        return new NetworkExtent(projection, hull.buffer(bufferMeters, QUADRANT_SEGMENTS));
    }

    /** Whether the WGS84 point lies inside (or on the boundary of) the outline. */
    public boolean covers(double lat, double lon) {
        return prepared.covers(outline.getFactory().createPoint(projection.project(lat, lon)));
    }

    /** The outline as a polygon in {@link #projection()} metres. */
    public Geometry outline() {
        return outline;
    }

    public LocalProjection projection() {
        return projection;
    }

    public double minLat() {
        return minLat;
    }

    public double minLon() {
        return minLon;
    }

    public double maxLat() {
        return maxLat;
    }

    public double maxLon() {
        return maxLon;
    }
}
