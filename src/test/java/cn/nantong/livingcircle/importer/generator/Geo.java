package cn.nantong.livingcircle.importer.generator;

/**
 * Coordinates and lengths. Everything goes through {@link StrictMath} and integer rounding so the
 * output is bit-for-bit reproducible on any JVM.
 */
final class Geo {

    /** Mean Earth radius (IUGG), metres; used for walkway lengths. */
    static final double EARTH_RADIUS_M = 6_371_008.8;

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L};

    private Geo() {
    }

    /**
     * A local planar frame: x metres east and y metres north of an origin, after rotating the local
     * axes by {@code rotationRad} (counter-clockwise). Adequate for clusters a few kilometres across.
     */
    record Frame(double originLat, double originLon, double rotationRad, double cos, double sin,
                 double metresPerDegLat, double metresPerDegLon) {

        static Frame of(double originLat, double originLon, double rotationRad) {
            double phi = StrictMath.toRadians(originLat);
            double mLat = 111_132.92 - 559.82 * StrictMath.cos(2 * phi) + 1.175 * StrictMath.cos(4 * phi)
                    - 0.0023 * StrictMath.cos(6 * phi);
            double mLon = 111_412.84 * StrictMath.cos(phi) - 93.5 * StrictMath.cos(3 * phi)
                    + 0.118 * StrictMath.cos(5 * phi);
            return new Frame(originLat, originLon, rotationRad, StrictMath.cos(rotationRad),
                    StrictMath.sin(rotationRad), mLat, mLon);
        }

        /** Latitude of local point (x, y) in units of 1e-7 degree. */
        long latE7(double x, double y) {
            double north = x * sin + y * cos;
            return Math.round((originLat + north / metresPerDegLat) * 1e7);
        }

        /** Longitude of local point (x, y) in units of 1e-7 degree. */
        long lonE7(double x, double y) {
            double east = x * cos - y * sin;
            return Math.round((originLon + east / metresPerDegLon) * 1e7);
        }
    }

    /** Great-circle (haversine) distance in metres between two points given in 1e-7 degrees. */
    static double haversineMetres(long latE7a, long lonE7a, long latE7b, long lonE7b) {
        double phi1 = StrictMath.toRadians(latE7a / 1e7);
        double phi2 = StrictMath.toRadians(latE7b / 1e7);
        double dPhi = phi2 - phi1;
        double dLambda = StrictMath.toRadians((lonE7b - lonE7a) / 1e7);
        double s1 = StrictMath.sin(dPhi / 2);
        double s2 = StrictMath.sin(dLambda / 2);
        double a = s1 * s1 + StrictMath.cos(phi1) * StrictMath.cos(phi2) * s2 * s2;
        return 2 * EARTH_RADIUS_M * StrictMath.asin(StrictMath.sqrt(Math.min(1.0, a)));
    }

    /** Formats {@code scaled / 10^decimals} with exactly {@code decimals} digits after the point. */
    static String fixed(long scaled, int decimals) {
        long pow = POW10[decimals];
        long abs = Math.abs(scaled);
        StringBuilder sb = new StringBuilder(24);
        if (scaled < 0) {
            sb.append('-');
        }
        sb.append(abs / pow).append('.');
        String fraction = Long.toString(abs % pow);
        for (int i = fraction.length(); i < decimals; i++) {
            sb.append('0');
        }
        return sb.append(fraction).toString();
    }

    static String degrees(long e7) {
        return fixed(e7, 7);
    }

    /** Metres rounded to millimetres, three decimals. */
    static String metres(double value) {
        return fixed(Math.round(value * 1000), 3);
    }
}
