package cn.nantong.livingcircle.api;

/** A WGS84 coordinate in decimal degrees. */
public record GeoPoint(double lat, double lon) {
}
