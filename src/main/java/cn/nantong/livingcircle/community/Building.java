package cn.nantong.livingcircle.community;

import cn.nantong.livingcircle.api.GeoPoint;

/** Projection of a {@code (:Building)}; {@code communityId} feeds the batched {@code community} field. */
public record Building(String id, String name, Integer households, Integer residents, GeoPoint location,
        String communityId) {
}
