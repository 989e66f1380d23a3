package cn.nantong.livingcircle.search;

import java.util.List;

import cn.nantong.livingcircle.api.Connection;
import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.catalog.Tier;
import cn.nantong.livingcircle.place.Place;

/** GraphQL payloads and inputs of the search queries (see {@code schema/search.graphqls}). */
final class SearchTypes {

    private SearchTypes() {
    }

    /** Sort orders of {@code places}; ties are broken by place id. */
    enum PlaceOrder {
        NAME_ASC("NAME", false), NAME_DESC("NAME", true), FLOOR_AREA_ASC("FLOOR_AREA", false),
        FLOOR_AREA_DESC("FLOOR_AREA", true), DISTANCE_ASC("DISTANCE", false);

        final String key;
        final boolean descending;

        PlaceOrder(String key, boolean descending) {
            this.key = key;
            this.descending = descending;
        }
    }

    /**
     * A page of {@code places}; {@code filter} is kept for {@code aggregate}, which runs its own query only when
     * selected.
     */
    record PlaceConnection(int totalCount, List<PlaceEdge> edges, Connection.PageInfo pageInfo,
            PlaceFilters.Predicate filter) {
    }

    record PlaceEdge(String cursor, Place node, Double distanceMeters) {
    }

    record PlaceAggregate(int count, List<CategoryTally> byCategory, List<TierTally> byTier,
            FloorAreaStats floorAreaSquareMeters) {
    }

    record CategoryTally(ServiceCategory category, int count) {
    }

    record TierTally(Tier tier, int count) {
    }

    /** Over the matching places that record a floor area (outlets); all null when none does. */
    record FloorAreaStats(int count, Double min, Double max, Double avg, Double sum) {
    }

    /** Projection of a {@code (:CommercialCenter)}, read from {@link SearchRepository#CENTER_PROJECTION}. */
    record CommercialCenter(String id, String name, boolean newOrRenovated, Integer renovatedYear,
            Double floorAreaSquareMeters, GeoPoint location, String communityId) {
    }

    record CommercialCenterFilter(List<String> communityIds, Boolean newOrRenovated) {
    }

    record BuildingFilter(String nameContains, List<String> communityIds, PlaceFilter.BoundingBox boundingBox) {
    }
}
