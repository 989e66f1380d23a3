package cn.nantong.livingcircle.walkway;

/** Walking pace; only a unit: a search in minutes is a search in metres up to minutes × metres per minute. */
public enum Pace {
    /** 5.0 km/h. */
    ADULT(5.0),
    /** 3.6 km/h. */
    ELDERLY(3.6);

    private final double kilometersPerHour;

    Pace(double kilometersPerHour) {
        this.kilometersPerHour = kilometersPerHour;
    }

    public double metersPerMinute() {
        return kilometersPerHour * 1000.0 / 60.0;
    }

    public double meters(double minutes) {
        return minutes * metersPerMinute();
    }

    public double minutes(double meters) {
        return meters / metersPerMinute();
    }

    /**
     * The walking distance of a time limit in whole millimetres, rounded down, so every path (precomputed edges,
     * in-memory search, coverage) draws the line at the same millimetre: a place exactly at the limit is within,
     * one a fraction of a millimetre beyond is not. The epsilon absorbs binary noise in exact products.
     */
    public int thresholdMillimetres(double minutes) {
        return (int) Math.floor(meters(minutes) * 1000.0 + 1e-6);
    }

    /** Whole minutes that fit in a horizon; a tiny epsilon absorbs 20 × 83.333… landing a hair under 1666.67. */
    public int wholeMinutesWithin(double horizonMeters) {
        return (int) Math.floor(minutes(horizonMeters) + 1e-9);
    }
}
