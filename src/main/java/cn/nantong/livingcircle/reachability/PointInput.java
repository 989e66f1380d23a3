package cn.nantong.livingcircle.reachability;

import cn.nantong.livingcircle.geo.Crs;

/**
 * A coordinate sent by a client.
 *
 * @param lat latitude in decimal degrees, -90..90
 * @param lon longitude in decimal degrees, -180..180
 * @param crs datum of lat/lon; null means WGS84
 */
public record PointInput(Double lat, Double lon, Crs crs) {

    public static PointInput wgs84(double lat, double lon) {
        return new PointInput(lat, lon, Crs.WGS84);
    }
}
