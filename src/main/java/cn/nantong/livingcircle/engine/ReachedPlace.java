package cn.nantong.livingcircle.engine;

/**
 * A place found by an in-memory search, before its details are loaded.
 *
 * @param placeId          the place's id
 * @param categoryCode     its service category code
 * @param walkMillimetres  network walking distance from the origin in whole millimetres
 */
public record ReachedPlace(String placeId, String categoryCode, int walkMillimetres) {

    public double walkMeters() {
        return Millimetres.toMeters(walkMillimetres);
    }
}
