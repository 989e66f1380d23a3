package cn.nantong.livingcircle.place;

import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.catalog.ServiceCategory;

/** A commercial outlet (商业网点). */
public record Outlet(String id, String name, ServiceCategory category, GeoPoint location, String brand,
        boolean chain, boolean newOrRenovated, Integer renovatedYear, Double floorAreaSquareMeters,
        String openingHours, String commercialCenterId) implements Place {
}
