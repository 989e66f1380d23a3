package cn.nantong.livingcircle.analytics;

import java.util.List;

import cn.nantong.livingcircle.api.Connection;
import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.community.Building;
import cn.nantong.livingcircle.engine.Pace;

/** GraphQL payloads and inputs of the coverage queries (see {@code schema/analytics.graphqls}). */
final class AnalyticsTypes {

    private AnalyticsTypes() {
    }

    record CommunityCoverage(String communityId, Pace pace, int buildingCount, int residents,
            double completenessScore, List<CategoryCoverage> categories, List<ServiceCategory> missingBasicCategories,
            double missingThresholdPercent) {
    }

    record CategoryCoverage(ServiceCategory category, int targetMinutes, double targetWalkMeters,
            int buildingsWithinTarget, double buildingsWithinTargetPercent, int residentsWithinTarget,
            double residentsWithinTargetPercent, Integer medianNearestWalkMeters, Integer p90NearestWalkMeters,
            int unreachableBuildings) {
    }

    /** A {@code gaps} page: the GraphQL {@code BuildingConnection} with its gap-only fields filled. */
    record GapConnection(int totalCount, int residentsAffected, int minutes, double thresholdWalkMeters,
            List<GapEdge> edges, Connection.PageInfo pageInfo) {
    }

    /** A {@code gaps} edge: the GraphQL {@code BuildingEdge} with the distance to the nearest place. */
    record GapEdge(String cursor, Building node, Integer nearestWalkMeters) {
    }

    /** A {@code livableBuildings} page; counts over all pages, {@code considered} over the whole scope. */
    record LivableBuildingConnection(int totalCount, int residents, int buildingsConsidered, int residentsConsidered,
            Pace pace, List<LivableCategory> categories, List<LivableEdge> edges, Connection.PageInfo pageInfo) {
    }

    record LivableCategory(ServiceCategory category, int targetMinutes, double targetWalkMeters) {
    }

    /** A {@code livableBuildings} edge: the GraphQL {@code BuildingEdge} without gap fields. */
    record LivableEdge(String cursor, Building node) {
    }

    /** A {@code homes} page; counts over all pages, {@code considered} over the whole scope. */
    record HomeConnection(int totalCount, int residents, int buildingsConsidered, int residentsConsidered, Pace pace,
            List<LivableCategory> categories, List<HomeEdge> edges, Connection.PageInfo pageInfo) {
    }

    /** A building of {@code homes}, with the worst of its walks and every walk in the order the categories came. */
    record HomeEdge(String cursor, Building node, int worstWalkMeters, double worstWalkMinutes, List<HomeWalk> walks) {
    }

    /** The walk from a building to the nearest place of one category. */
    record HomeWalk(ServiceCategory category, int walkMeters, double walkMinutes) {
    }

    record SiteSuggestion(int rank, GeoPoint location, String walkwayId, int residentsGained, int buildingsGained,
            int cumulativeResidentsGained, List<String> buildingIds) {
    }

    record HypotheticalPlaceInput(String category, Double lat, Double lon) {
    }

    record CoverageDelta(String communityId, Pace pace, double completenessBefore, double completenessAfter,
            List<CategoryDelta> categories) {
    }

    record CategoryDelta(ServiceCategory category, int targetMinutes, int residentsWithinTargetBefore,
            int residentsWithinTargetAfter, double residentsWithinTargetPercentBefore,
            double residentsWithinTargetPercentAfter, int buildingsWithinTargetBefore,
            int buildingsWithinTargetAfter) {
    }
}
