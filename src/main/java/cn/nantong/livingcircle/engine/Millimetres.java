package cn.nantong.livingcircle.engine;

/**
 * The one conversion between metres (the unit of the graph, the API and the configuration) and the whole
 * millimetres the engine sums, so every path (precomputed edges, in-memory search, isochrones, coverage) draws the
 * same line.
 *
 * <p><b>The rule:</b> a <em>length</em> (a walkway, an offset along it, a distance read back from the graph) is
 * stored to the nearest millimetre, half up ({@link #of}); a <em>limit</em> (a time or distance bound that distances
 * are compared against) becomes the largest whole millimetre not beyond it ({@link #limit}). Both describe the same
 * quantisation: since every distance is a whole number of millimetres, {@code d <= limit(m)} holds exactly when
 * {@code d <= m} in millimetres, so a place exactly at the limit is within and one a fraction of a millimetre beyond
 * is not. Integers keep sums exact (floating-point or decimetre sums drift by up to 0.65 m over a 15-minute path).
 */
public final class Millimetres {

    /** Absorbs binary noise in exact products such as 5 × 83.333… × 1000 landing a hair under a whole number. */
    private static final double EPSILON = 1e-6;

    private Millimetres() {
    }

    /** A length in metres to the nearest whole millimetre (half up). */
    public static int of(double meters) {
        return Math.toIntExact(Math.round(meters * 1000.0));
    }

    /** A limit in metres as the largest whole millimetre not beyond it. */
    public static int limit(double meters) {
        return Math.toIntExact((long) Math.floor(meters * 1000.0 + EPSILON));
    }

    /** Whole millimetres back to metres (exact: every int of millimetres is a double of metres to 1e-9 m). */
    public static double toMeters(long millimetres) {
        return millimetres / 1000.0;
    }

    /** Whole metres for display, rounded half up. */
    public static int wholeMeters(long millimetres) {
        return Math.toIntExact(Math.round(millimetres / 1000.0));
    }
}
