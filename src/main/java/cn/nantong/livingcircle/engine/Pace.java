package cn.nantong.livingcircle.engine;

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
     * The walking distance of a time limit as a limit in whole millimetres ({@link Millimetres#limit}), so every path
     * (precomputed edges, in-memory search, isochrones, coverage) draws the line at the same millimetre.
     */
    public int thresholdMillimetres(double minutes) {
        return Millimetres.limit(meters(minutes));
    }

    /** Whole minutes that fit in a horizon; a tiny epsilon absorbs 20 × 83.333… landing a hair under 1666.67. */
    public int wholeMinutesWithin(double horizonMeters) {
        return (int) Math.floor(minutes(horizonMeters) + 1e-9);
    }
}
