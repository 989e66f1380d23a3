package cn.nantong.livingcircle.place;

import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.catalog.ServiceCategory;

/** Somewhere a resident goes for a service; the GraphQL type is resolved from the record's class name. */
public sealed interface Place permits Outlet, Facility {
    String id();

    String name();

    ServiceCategory category();

    GeoPoint location();

    /** The OSM {@code opening_hours} value as stored, null when unknown. */
    String openingHours();
}
