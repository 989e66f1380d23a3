package cn.nantong.livingcircle.reachability;

/** Where a walk starts; exactly one field is set. */
public record OriginInput(String buildingId) {
}
