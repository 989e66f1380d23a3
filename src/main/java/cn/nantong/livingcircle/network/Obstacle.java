package cn.nantong.livingcircle.network;

/** What a walk can be asked to avoid. */
public enum Obstacle {
    /** Flights of steps: walkways of kind {@code steps} (OSM {@code highway=steps}). */
    STEPS
}
