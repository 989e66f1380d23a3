package cn.nantong.livingcircle.geo;

import cn.nantong.livingcircle.api.GeoPoint;

/**
 * GCJ-02 (国测局坐标, the "Mars" datum of Chinese web maps such as AMap/Gaode and Tencent) ↔ WGS84.
 *
 * <h2>Forward (WGS84 → GCJ-02)</h2>
 * The published obfuscation as reimplemented by the open-source eviltransform / coordtransform libraries: a
 * polynomial-plus-sines offset in a pseudo-metric space around (105° E, 35° N), scaled back to degrees on the
 * Krasovsky 1940 ellipsoid (a = 6 378 245 m, e² = 0.00669342162296594323). Points outside China's bounding box
 * (72.004–137.8347° E, 0.8293–55.8271° N) are not shifted, as in those libraries.
 *
 * <h2>Inverse (GCJ-02 → WGS84)</h2>
 * The forward map has no closed-form inverse. It is a shift of a few hundred metres that varies slowly (its
 * Jacobian is within about 10⁻³ of the identity), so the fixed-point iteration {@code w ← g − δ(w)} converges
 * linearly with a factor of about 10⁻³: the first step (the widespread "approximate" inverse) is off by metres,
 * every further step gains three digits. We iterate until the step is below 10⁻¹⁰ degrees (about 0.01 mm) or
 * 10 steps, so forward(inverse(g)) reproduces g to that precision. The box test uses the WGS84 estimate, so
 * points near the box edge are handled consistently with the forward direction.
 */
public final class Gcj02 {

    private static final double KRASOVSKY_A = 6378245.0;
    private static final double KRASOVSKY_EE = 0.00669342162296594323;
    private static final double INVERSE_TOLERANCE_DEGREES = 1e-10;
    private static final int INVERSE_MAX_STEPS = 10;

    private Gcj02() {
    }

    /** Whether the point lies outside the box in which GCJ-02 shifts coordinates. */
    public static boolean outOfChina(double lat, double lon) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    public static GeoPoint fromWgs84(double lat, double lon) {
        if (outOfChina(lat, lon)) {
            return new GeoPoint(lat, lon);
        }
        double[] d = delta(lat, lon);
        return new GeoPoint(lat + d[0], lon + d[1]);
    }

    public static GeoPoint toWgs84(double gcjLat, double gcjLon) {
        if (outOfChina(gcjLat, gcjLon)) {
            return new GeoPoint(gcjLat, gcjLon);
        }
        double lat = gcjLat;
        double lon = gcjLon;
        for (int step = 0; step < INVERSE_MAX_STEPS; step++) {
            if (outOfChina(lat, lon)) {
                break;
            }
            double[] d = delta(lat, lon);
            double nextLat = gcjLat - d[0];
            double nextLon = gcjLon - d[1];
            boolean converged = Math.abs(nextLat - lat) < INVERSE_TOLERANCE_DEGREES
                    && Math.abs(nextLon - lon) < INVERSE_TOLERANCE_DEGREES;
            lat = nextLat;
            lon = nextLon;
            if (converged) {
                break;
            }
        }
        return new GeoPoint(lat, lon);
    }

    /** The GCJ-02 shift {dLat, dLon} in degrees at a WGS84 point. */
    private static double[] delta(double lat, double lon) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = shiftLat(x, y);
        double dLon = shiftLon(x, y);
        double radLat = Math.toRadians(lat);
        double magic = Math.sin(radLat);
        magic = 1 - KRASOVSKY_EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLat, dLon};
    }

    private static double shiftLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double shiftLon(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
