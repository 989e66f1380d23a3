package cn.nantong.livingcircle.network;

/** What a walk can be asked to avoid. */
public enum Obstacle {
    /**
     * Flights of steps and raised kerbs: walkways of kind {@code steps} (OSM {@code highway=steps}) and walkways
     * through a {@code barrier=kerb} node whose {@code kerb} height is not lowered, flush or no.
     */
    STEPS
}
