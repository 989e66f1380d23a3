package cn.nantong.livingcircle.analytics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.analytics.AnalyticsTypes.CommunityCoverage;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.CoverageDelta;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.GapConnection;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.GapEdge;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.HypotheticalPlaceInput;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.HomeConnection;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.LivableBuildingConnection;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.SiteSuggestion;
import cn.nantong.livingcircle.analytics.CommunityTable.CommunityFilter;
import cn.nantong.livingcircle.analytics.ProgrammeService.LivingCircle;
import cn.nantong.livingcircle.analytics.ProgrammeService.ProgrammeProgress;
import cn.nantong.livingcircle.analytics.PublishedFigureService.PublishedFigureCheck;
import cn.nantong.livingcircle.community.Community;
import cn.nantong.livingcircle.community.CommunityRepository;
import cn.nantong.livingcircle.engine.Pace;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Coverage, gaps, livable buildings, statistics, published figures, programme tracking, site suggestions and what-if. */
@Controller
class AnalyticsController {

    private final CoverageService coverage;
    private final StatsService stats;
    private final PublishedFigureService figures;
    private final ProgrammeService programme;
    private final CommunityRepository communities;
    private final CommunityTable table;

    AnalyticsController(CoverageService coverage, StatsService stats, PublishedFigureService figures,
            ProgrammeService programme, CommunityRepository communities, CommunityTable table) {
        this.table = table;
        this.coverage = coverage;
        this.stats = stats;
        this.figures = figures;
        this.programme = programme;
        this.communities = communities;
    }

    @QueryMapping
    CommunityCoverage coverage(@Argument String communityId, @Argument Pace pace, @Argument OffsetDateTime at) {
        return coverage.coverage(communityId, pace == null ? Pace.ADULT : pace, at);
    }

    /** Batched: a table of communities with their coverage asks for every coverage's community at once. */
    @BatchMapping(typeName = "CommunityCoverage", field = "community")
    Map<CommunityCoverage, Community> coverageCommunity(List<CommunityCoverage> coverages) {
        Map<String, Community> byId = communities.findCommunities(
                coverages.stream().map(CommunityCoverage::communityId).collect(Collectors.toSet()));
        return coverages.stream().filter(c -> byId.containsKey(c.communityId()))
                .collect(Collectors.toMap(Function.identity(), c -> byId.get(c.communityId()), (a, b) -> a));
    }

    @QueryMapping
    GapConnection gaps(@Argument String category, @Argument Integer minutes, @Argument String communityId,
            @Argument CommunityFilter filter, @Argument Pace pace, @Argument Integer first, @Argument String after,
            @Argument OffsetDateTime at) {
        List<String> communityIds = filter == null ? null : table.ids(filter);
        return coverage.gaps(category, minutes, communityId, communityIds, pace == null ? Pace.ADULT : pace, first,
                after, at);
    }

    @QueryMapping
    LivableBuildingConnection livableBuildings(@Argument List<String> categories, @Argument String communityId,
            @Argument Pace pace, @Argument Integer first, @Argument String after) {
        return coverage.livableBuildings(categories, communityId, pace == null ? Pace.ADULT : pace, first, after);
    }

    @QueryMapping
    HomeConnection homes(@Argument List<String> categories, @Argument Integer minutes, @Argument String communityId,
            @Argument Pace pace, @Argument Integer first, @Argument String after) {
        return coverage.homes(categories, minutes, communityId, pace == null ? Pace.ADULT : pace, first, after);
    }

    /** Gap-only fields of {@code BuildingConnection}: null on the other building lists. */
    @SchemaMapping(typeName = "BuildingConnection", field = "residentsAffected")
    Integer residentsAffected(Object connection) {
        return connection instanceof GapConnection gaps ? gaps.residentsAffected() : null;
    }

    @SchemaMapping(typeName = "BuildingConnection", field = "minutes")
    Integer gapMinutes(Object connection) {
        return connection instanceof GapConnection gaps ? gaps.minutes() : null;
    }

    @SchemaMapping(typeName = "BuildingConnection", field = "thresholdWalkMeters")
    Double thresholdWalkMeters(Object connection) {
        return connection instanceof GapConnection gaps ? gaps.thresholdWalkMeters() : null;
    }

    @SchemaMapping(typeName = "BuildingEdge", field = "nearestWalkMeters")
    Integer nearestWalkMeters(Object edge) {
        return edge instanceof GapEdge gap ? gap.nearestWalkMeters() : null;
    }

    @QueryMapping
    AreaStats cityStats() {
        return stats.current().city();
    }

    @SchemaMapping(typeName = "CityStats")
    List<AreaStats> districts(AreaStats city) {
        return stats.current().districts();
    }

    @SchemaMapping(typeName = "CityStats")
    List<AreaStats> subdistricts(AreaStats city) {
        return stats.current().subdistricts();
    }

    @SchemaMapping(typeName = "CityStats")
    AreaStats pilotCommunities(AreaStats city) {
        return stats.current().pilot();
    }

    @QueryMapping
    List<PublishedFigureCheck> publishedFigures() {
        return figures.checks();
    }

    @QueryMapping
    List<SiteSuggestion> siteSuggestions(@Argument String category, @Argument String communityId,
            @Argument Integer count, @Argument Integer minutes, @Argument Pace pace) {
        return coverage.siteSuggestions(category, communityId, count, minutes, pace == null ? Pace.ADULT : pace);
    }

    @QueryMapping
    CoverageDelta whatIf(@Argument List<HypotheticalPlaceInput> add, @Argument List<String> remove,
            @Argument String communityId, @Argument Pace pace) {
        return coverage.whatIf(add, remove, communityId, pace == null ? Pace.ADULT : pace);
    }

    @QueryMapping
    ProgrammeProgress programmeProgress() {
        return programme.progress();
    }

    @QueryMapping
    LivingCircle livingCircle(@Argument String communityId) {
        return programme.byCommunity(List.of(communityId)).get(communityId);
    }

    @BatchMapping(typeName = "LivingCircle", field = "community")
    Map<LivingCircle, Community> community(List<LivingCircle> circles) {
        Map<String, Community> byId = communities.findCommunities(
                circles.stream().map(LivingCircle::communityId).collect(Collectors.toSet()));
        return circles.stream().filter(c -> byId.containsKey(c.communityId()))
                .collect(Collectors.toMap(Function.identity(), c -> byId.get(c.communityId()), (a, b) -> a));
    }

    @BatchMapping(typeName = "Community", field = "livingCircle")
    Map<Community, LivingCircle> livingCircle(List<Community> list) {
        Map<String, LivingCircle> byId = programme.byCommunity(list.stream().map(Community::id).toList());
        return list.stream().filter(c -> byId.containsKey(c.id()))
                .collect(Collectors.toMap(Function.identity(), c -> byId.get(c.id()), (a, b) -> a));
    }
}
