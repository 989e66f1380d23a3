package cn.nantong.livingcircle.search;

import java.util.List;

import cn.nantong.livingcircle.catalog.ServiceFunction;
import cn.nantong.livingcircle.catalog.Tier;
import cn.nantong.livingcircle.geo.Crs;
import cn.nantong.livingcircle.place.FacilityKind;

/**
 * The GraphQL {@code PlaceFilter} input: every field set must hold (AND), {@code AND}/{@code OR}/{@code NOT} combine
 * nested filters. Compiled to a Cypher predicate by {@link PlaceFilters}.
 */
public record PlaceFilter(List<String> categories, Tier tier, ServiceFunction function, PlaceKind kind,
        List<FacilityKind> facilityKinds, List<String> communityIds, List<String> subdistricts, List<String> districts,
        Boolean chain, List<String> brands, Boolean newOrRenovated, Integer renovatedYear,
        List<String> commercialCenterIds, Boolean inCommercialCenter, BoundingBox boundingBox, Near near,
        String nameContains, List<PlaceFilter> AND, List<PlaceFilter> OR, PlaceFilter NOT) {

    /** Outlet or public facility. */
    public enum PlaceKind {
        OUTLET, FACILITY
    }

    /** A WGS84 latitude/longitude rectangle (not across the antimeridian). */
    public record BoundingBox(Double south, Double west, Double north, Double east) {
    }

    /** Places within {@code withinMeters} in a straight line of {@code point}. */
    public record Near(Point point, Double withinMeters) {
    }

    /** The GraphQL {@code PointInput}, bound here so search does not depend on the reachability feature. */
    public record Point(Double lat, Double lon, Crs crs) {
    }
}
