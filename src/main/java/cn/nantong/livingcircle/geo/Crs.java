package cn.nantong.livingcircle.geo;

import cn.nantong.livingcircle.api.GeoPoint;

/** Coordinate reference system of coordinates a client sends or wants back; the graph itself stores WGS84. */
public enum Crs {
    /** WGS84, the datum of GPS and OpenStreetMap: no conversion. */
    WGS84,
    /** GCJ-02, the datum of AMap/Gaode, Tencent and other maps published in China. */
    GCJ02;

    /** This CRS's coordinates of a WGS84 point. */
    public GeoPoint fromWgs84(GeoPoint wgs84) {
        return this == GCJ02 ? Gcj02.fromWgs84(wgs84.lat(), wgs84.lon()) : wgs84;
    }

    /** WGS84 coordinates of a point given in this CRS. */
    public GeoPoint toWgs84(double lat, double lon) {
        return this == GCJ02 ? Gcj02.toWgs84(lat, lon) : new GeoPoint(lat, lon);
    }

    /** {@code crs}, or WGS84 when the argument was omitted. */
    public static Crs orDefault(Crs crs) {
        return crs == null ? WGS84 : crs;
    }
}
