package cn.nantong.livingcircle.reachability;

import java.util.Map;

/**
 * The area reached on foot within a time limit.
 *
 * @param minutes          the time limit
 * @param areaSquareMeters area of the polygon, computed in a local metric projection
 * @param polygon          a GeoJSON Polygon or MultiPolygon geometry object ([lon, lat] positions)
 * @param originSnapMeters how far the origin (point or building) is from the walkway it starts from, rounded to cm
 */
public record Isochrone(int minutes, double areaSquareMeters, Map<String, Object> polygon, double originSnapMeters) {
}
