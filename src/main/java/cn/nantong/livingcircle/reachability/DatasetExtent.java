package cn.nantong.livingcircle.reachability;

import java.util.List;
import java.util.Map;

/**
 * Where the data is.
 *
 * @param bbox         {@code [west, south, east, north]} in WGS84 degrees (RFC 7946 order)
 * @param outline      a GeoJSON Polygon geometry object
 * @param bufferMeters how far the outline lies outside the hull of the walkways
 */
record DatasetExtent(List<Double> bbox, Map<String, Object> outline, double bufferMeters) {
}
