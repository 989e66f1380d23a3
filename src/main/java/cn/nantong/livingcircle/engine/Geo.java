package cn.nantong.livingcircle.engine;

/**
 * Small spherical-earth helpers for WGS84 latitude/longitude in degrees.
 *
 * <p>A sphere is accurate enough for walking distances of a few kilometres: the error against
 * the ellipsoid is below 0.5 %, far less than the uncertainty of open walkway data. The radius
 * is the IUGG mean earth radius, the usual choice for haversine.
 */
public final class Geo {

    /** IUGG mean radius of the WGS84 ellipsoid, in metres. */
    public static final double MEAN_EARTH_RADIUS_METERS = 6_371_008.8;

    /** Metres per degree of latitude (and of longitude on the equator) on the mean sphere. */
    public static final double METERS_PER_DEGREE = MEAN_EARTH_RADIUS_METERS * Math.PI / 180.0;

    private Geo() {
    }

    /**
     * Great-circle distance in metres between two WGS84 points given in degrees.
     *
     * <p>Haversine rather than the spherical law of cosines because it stays well conditioned
     * for the very short distances (metres) this API deals with.
     */
    public static double haversineMeters(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double sinHalfDPhi = Math.sin((phi2 - phi1) * 0.5);
        double sinHalfDLambda = Math.sin(Math.toRadians(lon2 - lon1) * 0.5);
        double h = sinHalfDPhi * sinHalfDPhi
                + Math.cos(phi1) * Math.cos(phi2) * sinHalfDLambda * sinHalfDLambda;
        // Rounding can push h a hair above 1 for antipodal points; asin would then return NaN.
        return 2.0 * MEAN_EARTH_RADIUS_METERS * Math.asin(Math.sqrt(Math.min(1.0, h)));
    }
}
