package cn.nantong.livingcircle.reachability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.engine.isochrone.LocalProjection;
import cn.nantong.livingcircle.geo.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes projected JTS polygons as RFC 7946 GeoJSON geometry objects (plain maps and lists, serialised by the JSON
 * scalar): positions {@code [lon, lat]} rounded to 7 decimals (about 1 cm), rings closed, exterior rings
 * counter-clockwise and holes clockwise (checked after the datum conversion, so the winding holds in the output
 * coordinates). jts-io's {@code GeoJsonWriter} is not on the classpath (jts-core has no GeoJSON) and would not
 * enforce the winding.
 */
final class GeoJson {

    private static final double SCALE = 1e7;

    private GeoJson() {
    }

    /** A Polygon for one part, a MultiPolygon for several (an empty geometry gives an empty MultiPolygon). */
    static Map<String, Object> polygonal(Geometry projected, LocalProjection projection, Crs crs) {
        List<List<List<List<Double>>>> polygons = new ArrayList<>();
        for (int i = 0; i < projected.getNumGeometries(); i++) {
            Geometry part = projected.getGeometryN(i);
            if (part instanceof Polygon polygon && !polygon.isEmpty()) {
                polygons.add(polygon(polygon, projection, crs));
            }
        }
        Map<String, Object> geoJson = new LinkedHashMap<>();
        if (polygons.size() == 1) {
            geoJson.put("type", "Polygon");
            geoJson.put("coordinates", polygons.get(0));
        } else {
            geoJson.put("type", "MultiPolygon");
            geoJson.put("coordinates", polygons);
        }
        return geoJson;
    }

    /** A LineString through WGS84 points, written in {@code crs}. */
    static Map<String, Object> lineString(List<GeoPoint> wgs84, Crs crs) {
        List<List<Double>> positions = new ArrayList<>(wgs84.size());
        for (GeoPoint p : wgs84) {
            GeoPoint point = crs.fromWgs84(p);
            positions.add(List.of(round(point.lon()), round(point.lat())));
        }
        Map<String, Object> geoJson = new LinkedHashMap<>();
        geoJson.put("type", "LineString");
        geoJson.put("coordinates", positions);
        return geoJson;
    }

    private static List<List<List<Double>>> polygon(Polygon polygon, LocalProjection projection, Crs crs) {
        List<List<List<Double>>> rings = new ArrayList<>();
        rings.add(ring(polygon.getExteriorRing(), projection, crs, true));
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
            rings.add(ring(polygon.getInteriorRingN(h), projection, crs, false));
        }
        return rings;
    }

    private static List<List<Double>> ring(LinearRing ring, LocalProjection projection, Crs crs,
            boolean counterClockwise) {
        Coordinate[] coordinates = ring.getCoordinates();
        List<List<Double>> positions = new ArrayList<>(coordinates.length);
        for (Coordinate xy : coordinates) {
            GeoPoint point = crs.fromWgs84(new GeoPoint(projection.lat(xy), projection.lon(xy)));
            positions.add(List.of(round(point.lon()), round(point.lat())));
        }
        // JTS closes rings; the first and last position are equal before and after rounding.
        if (signedArea(positions) > 0 != counterClockwise) {
            java.util.Collections.reverse(positions);
        }
        return positions;
    }

    /** Shoelace area of a closed ring of [x, y] positions: positive when counter-clockwise. */
    static double signedArea(List<List<Double>> ring) {
        double twice = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            twice += ring.get(i).get(0) * ring.get(i + 1).get(1) - ring.get(i + 1).get(0) * ring.get(i).get(1);
        }
        return twice / 2.0;
    }

    private static double round(double degrees) {
        return Math.round(degrees * SCALE) / SCALE;
    }
}
