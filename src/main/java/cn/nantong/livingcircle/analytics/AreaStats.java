package cn.nantong.livingcircle.analytics;

import java.util.List;

import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.catalog.ServiceFunction;
import cn.nantong.livingcircle.catalog.Tier;
import cn.nantong.livingcircle.place.FacilityKind;

/**
 * Programme figures of an area (the whole city, a district or a subdistrict), summed over its communities. The
 * GraphQL types {@code CityStats} (with {@code districts} and {@code subdistricts}) and {@code AreaStats} both read
 * this record.
 *
 * @param commercialFloorAreaSquareMeters commercial and service floor area: every commercial centre's floor area
 *                                        plus the floor area of outlets outside a centre (outlets inside a centre
 *                                        are part of the centre's area and are not counted twice)
 * @param floorAreaSharePercent           commercial floor area as a percentage of the communities' land area
 *                                        (guidance: at least 10 %)
 * @param floorAreaPerHundredHouseholdsSquareMeters commercial floor area per 100 households (guidance: ≥ 30 m²)
 */
record AreaStats(String id, String name, AreaLevel level, int communityCount, int residents, int households,
        double communityAreaSquareMeters, int outletCount, int chainOutletCount, double brandChainSharePercent,
        int newOrRenovatedOutletCount, int newOrRenovatedChainOutletCount, int commercialCenterCount,
        int newOrRenovatedCommercialCenterCount, double commercialFloorAreaSquareMeters,
        Double floorAreaSharePercent, Double floorAreaPerHundredHouseholdsSquareMeters,
        boolean meetsFloorAreaShareRule, boolean meetsFloorAreaPerHouseholdsRule, List<TierCount> outletsByTier,
        List<FunctionCount> outletsByFunction, List<CategoryCount> outletsByCategory, int facilityCount,
        List<FacilityKindCount> facilitiesByKind, int elderlyCareFacilityCount, int readingSpaceCount,
        int communityServiceCenterCount) {

    // readingSpaceCount: public libraries and reading spaces (LIBRARY facilities); bookstores are in outletsByCategory.

    /** The level of an area in the administrative hierarchy. */
    enum AreaLevel {
        CITY, DISTRICT, SUBDISTRICT
    }

    record TierCount(Tier tier, int outlets) {
    }

    record FunctionCount(ServiceFunction function, int outlets) {
    }

    record CategoryCount(ServiceCategory category, int outlets) {
    }

    record FacilityKindCount(FacilityKind kind, int facilities) {
    }
}
