package cn.nantong.livingcircle.reachability;

/**
 * Where a walk starts; exactly one field is set (checked by {@link Origins}).
 *
 * @param buildingId start at this building's entrance (its stored attachment to the walkway network)
 * @param point      start at any coordinate, snapped onto the nearest walkway
 */
public record OriginInput(String buildingId, PointInput point) {

    public static OriginInput building(String buildingId) {
        return new OriginInput(buildingId, null);
    }

    public static OriginInput point(PointInput point) {
        return new OriginInput(null, point);
    }
}
