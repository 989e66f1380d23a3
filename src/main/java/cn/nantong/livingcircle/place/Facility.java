package cn.nantong.livingcircle.place;

import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.catalog.ServiceCategory;

/** A public facility (公共服务设施). */
public record Facility(String id, String name, ServiceCategory category, GeoPoint location, FacilityKind kind,
        String openingHours) implements Place {
}
