package cn.nantong.livingcircle.analytics;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.analytics.AnalyticsTypes.CategoryCoverage;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.CategoryDelta;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.CommunityCoverage;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.CoverageDelta;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.GapConnection;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.GapEdge;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.HypotheticalPlaceInput;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.LivableBuildingConnection;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.LivableCategory;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.LivableEdge;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.HomeConnection;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.HomeEdge;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.HomeWalk;
import cn.nantong.livingcircle.analytics.AnalyticsTypes.SiteSuggestion;
import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.api.Connection;
import cn.nantong.livingcircle.api.Cursor;
import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.api.PageRequest;
import cn.nantong.livingcircle.catalog.CategoryCatalog;
import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.catalog.Tier;
import cn.nantong.livingcircle.community.Building;
import cn.nantong.livingcircle.community.CommunityRepository;
import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.hours.OpeningHoursService;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.engine.coverage.CoverageAnalysis.CategoryResult;
import cn.nantong.livingcircle.engine.coverage.CoverageAnalysis.Target;
import cn.nantong.livingcircle.engine.coverage.CoverageAnalysis;
import cn.nantong.livingcircle.engine.coverage.CoverageIndex;
import cn.nantong.livingcircle.engine.coverage.CoverageMath.CategoryFigures;
import cn.nantong.livingcircle.engine.coverage.CoverageMath;
import cn.nantong.livingcircle.engine.coverage.SiteSelector;
import cn.nantong.livingcircle.metrics.CircleMetrics;
import cn.nantong.livingcircle.metrics.CircleMetrics.Origin;
import cn.nantong.livingcircle.metrics.CircleMetrics.SearchKind;
import cn.nantong.livingcircle.metrics.CircleMetrics.VersionedCache;
import cn.nantong.livingcircle.network.CityNetworkService;
import cn.nantong.livingcircle.network.NetworkExtents;
import cn.nantong.livingcircle.network.WalkingProperties;
import org.springframework.stereotype.Service;

/**
 * Coverage, gaps, site suggestions and what-if for the API: validates arguments, keeps one {@link CoverageIndex}
 * per data version (the nearest-place distances of every building, computed lazily one category at a time and
 * dropped when {@link CityNetwork#version()} changes) and turns results into GraphQL payloads.
 */
@Service
class CoverageService {

    static final String GAP_CURSOR = "gap";
    static final String LIVABLE_CURSOR = "livable";
    static final String HOMES_CURSOR = "homes";
    private static final int DEFAULT_GAPS = 50;

    private final CityNetworkService networks;
    private final CategoryCatalog catalog;
    private final CommunityRepository buildings;
    private final AnalyticsProperties properties;
    private final WalkingProperties walking;
    private final NetworkExtents extents;
    private volatile CoverageIndex current;
    private final CircleMetrics metrics;
    private final CoverageIndex.Lookups lookups;

    private final OpeningHoursService hours;

    CoverageService(CityNetworkService networks, CategoryCatalog catalog, CommunityRepository buildings,
            AnalyticsProperties properties, WalkingProperties walking, NetworkExtents extents,
            CircleMetrics metrics, OpeningHoursService hours) {
        this.metrics = metrics;
        this.hours = hours;
        this.lookups = new CoverageIndex.Lookups() {
            @Override
            public void found() {
                metrics.cacheHit(VersionedCache.COVERAGE_NEAREST);
            }

            @Override
            public void computed(long nanos) {
                metrics.cacheMiss(VersionedCache.COVERAGE_NEAREST, nanos);
                metrics.search(SearchKind.COVERAGE, Origin.PLACES, nanos);
            }
        };
        this.extents = extents;
        this.networks = networks;
        this.catalog = catalog;
        this.buildings = buildings;
        this.properties = properties;
        this.walking = walking;
    }

    /** The index of the current data version; a new version starts an empty one (the old one is garbage). */
    CoverageIndex index() {
        CityNetwork city = networks.current();
        CoverageIndex index = current;
        if (index == null || index.city() != city) {
            synchronized (this) {
                index = current;
                if (index == null || index.city() != city) {
                    index = new CoverageIndex(city, lookups);
                    current = index;
                }
            }
        }
        return index;
    }

    CommunityCoverage coverage(String communityId, Pace pace) {
        return coverage(communityId, pace, null);
    }

    /**
     * {@link #coverage(String, Pace)} counting only the places open at {@code at} (every place when null): one
     * uncached multi-source search per category from its open places.
     */
    CommunityCoverage coverage(String communityId, Pace pace, OffsetDateTime at) {
        CoverageIndex index = index();
        int[] scope = buildingsOf(index, communityId);
        List<ServiceCategory> all = catalog.programme();
        List<Target> targets = targets(index, all);
        boolean[] closed = closedAt(index.city(), at);
        CoverageAnalysis.Result result = closed == null ? CoverageAnalysis.coverage(index, scope, pace, targets)
                : CoverageAnalysis.coverage(scope, index.city().buildingResidents(), pace, targets,
                        category -> nearestAmong(index, category, closed));
        List<CategoryCoverage> categories = new ArrayList<>();
        List<ServiceCategory> missing = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            ServiceCategory category = all.get(i);
            CategoryResult r = result.categories().get(i);
            categories.add(categoryCoverage(category, r, pace));
            if (category.tier() == Tier.BASIC && scope.length > 0
                    && 100.0 - r.figures().residentPercent() > properties.missingResidentSharePercent()) {
                missing.add(category);
            }
        }
        int residents = 0;
        for (int b : scope) {
            residents += index.city().buildingResidents()[b];
        }
        return new CommunityCoverage(communityId, pace, scope.length, residents,
                CoverageMath.round2(result.completeness()), categories, missing,
                properties.missingResidentSharePercent());
    }

    /**
     * Gaps among the buildings of {@code communityId}, or of {@code communityIds} (the communities a filter
     * selected; null when there is no filter), or of the city: one scan of the category's nearest-place distances
     * whatever the number of communities.
     */
    GapConnection gaps(String code, Integer minutes, String communityId, List<String> communityIds, Pace pace,
            Integer first, String after, OffsetDateTime at) {
        ServiceCategory category = category(code);
        int limit = checkMinutes(minutes, category);
        PageRequest page = PageRequest.of(first, after, DEFAULT_GAPS, GAP_CURSOR);
        CoverageIndex index = index();
        CityNetwork city = index.city();
        int[] scope = scope(index, communityId, communityIds);
        boolean[] closed = closedAt(index.city(), at);
        int[] nearest = closed == null ? nearest(index, code)
                : nearestAmong(index, categoryIndex(index, code), closed);
        long threshold = CoverageMath.thresholdMillimetres(limit, pace);
        int[] gaps = CoverageAnalysis.gaps(scope, nearest, threshold);
        int residentsAffected = residents(city, gaps);
        int start = pageStart(city, gaps, page);
        int end = Math.min(gaps.length, start + page.first());
        List<String> ids = ids(city, gaps, start, end);
        Map<String, Building> found = buildings.findBuildings(ids);
        List<GapEdge> edges = new ArrayList<>();
        for (int i = start; i < end; i++) {
            int b = gaps[i];
            String id = city.buildingIds()[b];
            edges.add(new GapEdge(Cursor.encode(GAP_CURSOR, 0, id), found.get(id), meters(nearest[b])));
        }
        Connection.PageInfo info = pageInfo(end < gaps.length, page, edges, GapEdge::cursor);
        return new GapConnection(gaps.length, residentsAffected, limit, pace.meters(limit), edges, info);
    }

    /**
     * The buildings of the scope whose nearest place of every one of {@code codes} is within that category's own
     * target time: an intersection of the same nearest-place distances {@code coverage} and {@code gaps} read, so
     * the answer agrees with them and costs one array scan per category once the index has the category.
     */
    LivableBuildingConnection livableBuildings(List<String> codes, String communityId, Pace pace, Integer first,
            String after) {
        Chosen chosen = chosen(codes, null, pace);
        PageRequest page = PageRequest.of(first, after, DEFAULT_GAPS, LIVABLE_CURSOR);
        CoverageIndex index = index();
        CityNetwork city = index.city();
        int[] scope = communityId == null ? index.allBuildings() : buildingsOf(index, communityId);
        int[][] nearest = chosen.nearest(this, index);
        long[] thresholds = chosen.thresholds();
        List<LivableCategory> limits = chosen.limits();
        int[] residentsOf = city.buildingResidents();
        int[] livable = new int[scope.length];
        int count = 0;
        int residents = 0;
        int residentsConsidered = 0;
        for (int b : scope) {
            residentsConsidered += residentsOf[b];
            boolean all = true;
            for (int c = 0; c < nearest.length && all; c++) {
                all = nearest[c][b] <= thresholds[c];
            }
            if (all) {
                livable[count++] = b;
                residents += residentsOf[b];
            }
        }
        livable = Arrays.copyOf(livable, count);
        int start = pageStart(city, livable, page);
        int end = Math.min(livable.length, start + page.first());
        List<String> ids = ids(city, livable, start, end);
        Map<String, Building> found = buildings.findBuildings(ids);
        List<LivableEdge> edges = new ArrayList<>();
        for (String id : ids) {
            edges.add(new LivableEdge(Cursor.encode(LIVABLE_CURSOR, 0, id), found.get(id)));
        }
        Connection.PageInfo info = pageInfo(end < livable.length, page, edges, LivableEdge::cursor);
        return new LivableBuildingConnection(count, residents, scope.length, residentsConsidered, pace, limits, edges,
                info);
    }

    /**
     * The buildings of the scope whose nearest place of every one of {@code codes} lies within {@code minutes} (or
     * each category's own target time), ranked by the worst of those walks, nearest first, ties by building id: the
     * same nearest-place distances {@code livableBuildings} intersects, so without {@code minutes} the two list the
     * same buildings in different orders.
     */
    HomeConnection homes(List<String> codes, Integer minutes, String communityId, Pace pace, Integer first,
            String after) {
        Chosen chosen = chosen(codes, minutes, pace);
        PageRequest page = PageRequest.of(first, after, DEFAULT_GAPS, HOMES_CURSOR);
        CoverageIndex index = index();
        CityNetwork city = index.city();
        int[] scope = communityId == null ? index.allBuildings() : buildingsOf(index, communityId);
        int[][] nearest = chosen.nearest(this, index);
        CoverageAnalysis.Home[] homes = CoverageAnalysis.homes(scope, nearest, chosen.thresholds());
        int[] homeBuildings = Arrays.stream(homes).mapToInt(CoverageAnalysis.Home::building).toArray();
        int start = homesStart(city, homes, page);
        int end = Math.min(homes.length, start + page.first());
        List<String> ids = ids(city, homeBuildings, start, end);
        Map<String, Building> found = buildings.findBuildings(ids);
        List<HomeEdge> edges = new ArrayList<>();
        for (int i = start; i < end; i++) {
            CoverageAnalysis.Home home = homes[i];
            String id = city.buildingIds()[home.building()];
            List<HomeWalk> walks = new ArrayList<>(nearest.length);
            for (int c = 0; c < nearest.length; c++) {
                double walkMeters = Millimetres.toMeters(nearest[c][home.building()]);
                walks.add(new HomeWalk(chosen.categories().get(c), Millimetres.wholeMeters(nearest[c][home.building()]),
                        CoverageMath.round2(pace.minutes(walkMeters))));
            }
            double worstMeters = Millimetres.toMeters(home.worstMillimetres());
            edges.add(new HomeEdge(Cursor.encode(HOMES_CURSOR, worstMeters, id), found.get(id),
                    Millimetres.wholeMeters(home.worstMillimetres()), CoverageMath.round2(pace.minutes(worstMeters)),
                    walks));
        }
        Connection.PageInfo info = pageInfo(end < homes.length, page, edges, HomeEdge::cursor);
        return new HomeConnection(homes.length, residents(city, homeBuildings), scope.length, residents(city, scope),
                pace, chosen.limits(), edges, info);
    }

    /** Residents of the given buildings. */
    private static int residents(CityNetwork city, int[] buildings) {
        int residents = 0;
        for (int b : buildings) {
            residents += city.buildingResidents()[b];
        }
        return residents;
    }

    /** Ids of {@code buildings[start..end)}: a page, for one query of its buildings. */
    private static List<String> ids(CityNetwork city, int[] buildings, int start, int end) {
        List<String> ids = new ArrayList<>(Math.max(0, end - start));
        for (int i = start; i < end; i++) {
            ids.add(city.buildingIds()[buildings[i]]);
        }
        return ids;
    }

    private static <E> Connection.PageInfo pageInfo(boolean hasNext, PageRequest page, List<E> edges,
            java.util.function.Function<E, String> cursor) {
        return new Connection.PageInfo(hasNext, page.after() != null,
                edges.isEmpty() ? null : cursor.apply(edges.get(0)),
                edges.isEmpty() ? null : cursor.apply(edges.get(edges.size() - 1)));
    }

    /** The first position after the cursor's (worst distance, building) in a {@link CoverageAnalysis#homes} list. */
    private static int homesStart(CityNetwork city, CoverageAnalysis.Home[] homes, PageRequest page) {
        if (page.after() == null) {
            return 0;
        }
        Integer afterIndex = city.buildingIndex().get(page.after().id());
        if (afterIndex == null) {
            throw new ApiException(ApiException.ErrorCode.INVALID_CURSOR,
                    "Argument 'after' is not a cursor returned by this list", Map.of("argument", "after"));
        }
        int afterMm = Millimetres.of(page.after().key());
        int lo = 0;
        int hi = homes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            CoverageAnalysis.Home h = homes[mid];
            boolean before = h.worstMillimetres() < afterMm
                    || (h.worstMillimetres() == afterMm && h.building() <= afterIndex);
            if (before) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Chosen categories, duplicates dropped, each with its limit: {@code minutes} for all, or its own target. */
    private record Chosen(List<ServiceCategory> categories, long[] thresholds, List<LivableCategory> limits) {

        int[][] nearest(CoverageService service, CoverageIndex index) {
            int[][] nearest = new int[categories.size()][];
            for (int c = 0; c < categories.size(); c++) {
                nearest[c] = service.nearest(index, categories.get(c).code());
            }
            return nearest;
        }
    }

    private Chosen chosen(List<String> codes, Integer minutes, Pace pace) {
        List<String> distinct = codes == null ? List.of() : List.copyOf(new LinkedHashSet<>(codes));
        if (distinct.isEmpty() || distinct.size() > properties.maxLivableCategories()) {
            throw ApiException.outOfRange("categories", distinct.size(), 1, properties.maxLivableCategories());
        }
        List<ServiceCategory> categories = catalog.resolve("categories", distinct);
        long[] thresholds = new long[categories.size()];
        List<LivableCategory> limits = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            ServiceCategory category = categories.get(c);
            int limit = checkMinutes(minutes, category);
            thresholds[c] = CoverageMath.thresholdMillimetres(limit, pace);
            limits.add(new LivableCategory(category, limit, CoverageMath.round2(pace.meters(limit))));
        }
        return new Chosen(categories, thresholds, limits);
    }

    List<SiteSuggestion> siteSuggestions(String code, String communityId, Integer count, Integer minutes, Pace pace) {
        ServiceCategory category = category(code);
        int wanted = count == null ? 3 : count;
        if (wanted < 1 || wanted > properties.maxSuggestions()) {
            throw ApiException.outOfRange("count", wanted, 1, properties.maxSuggestions());
        }
        // one bounded search per uncovered building: bounded by the walking horizon like reachable
        int limit = checkMinutes(minutes, category, pace.wholeMinutesWithin(walking.horizonMeters()));
        CoverageIndex index = index();
        CityNetwork city = index.city();
        int[] scope = communityId == null ? index.allBuildings() : buildingsOf(index, communityId);
        long threshold = CoverageMath.thresholdMillimetres(limit, pace);
        Integer categoryIndex = city.categoryIndex().get(code);
        // bounded in number by the API's heavy-request permits (circle.api.max-concurrent-heavy), like what-if
        long started = System.nanoTime();
        List<SiteSelector.Site> sites = CoverageAnalysis.sites(index, categoryIndex == null ? -1 : categoryIndex, scope,
                threshold, wanted);
        metrics.search(SearchKind.SITE_SUGGESTIONS, Origin.BUILDING, System.nanoTime() - started);
        List<SiteSuggestion> result = new ArrayList<>();
        int cumulative = 0;
        for (SiteSelector.Site site : sites) {
            cumulative += (int) site.residentsGained();
            Attachment at = SiteSelector.junctionAttachment(city.network(), site.junction());
            List<String> ids = new ArrayList<>();
            for (int b : site.coveredBuildings()) {
                ids.add(city.buildingIds()[b]);
            }
            result.add(new SiteSuggestion(result.size() + 1,
                    new GeoPoint(city.network().junctionLat(site.junction()),
                            city.network().junctionLon(site.junction())),
                    city.walkwayIds()[at.segment()], (int) site.residentsGained(), site.buildingsGained(),
                    cumulative, ids));
        }
        return result;
    }

    CoverageDelta whatIf(List<HypotheticalPlaceInput> add, List<String> remove, String communityId, Pace pace) {
        List<HypotheticalPlaceInput> additions = add == null ? List.of() : add;
        List<String> removals = remove == null ? List.of() : remove;
        if (additions.size() > properties.maxHypotheticalPlaces()) {
            throw ApiException.outOfRange("add", additions.size(), 0, properties.maxHypotheticalPlaces());
        }
        CoverageIndex index = index();
        CityNetwork city = index.city();
        int[] scope = communityId == null ? index.allBuildings() : buildingsOf(index, communityId);
        Map<Integer, List<Attachment>> added = new HashMap<>();
        SegmentSnapper snapper = city.snapper();
        for (int i = 0; i < additions.size(); i++) {
            HypotheticalPlaceInput place = additions.get(i);
            String argument = "add[" + i + "]";
            if (place.category() == null || place.lat() == null || place.lon() == null) {
                throw ApiException.badArgument(argument, "Each added place needs category, lat and lon");
            }
            catalog.resolve(argument + ".category", List.of(place.category()));
            GeoPoint position = GeoPoint.checked(argument, place.lat(), place.lon());
            Attachment at = snapper.snap(position.lat(), position.lon(), walking.maxSnapMeters())
                    .orElseThrow(() -> NetworkExtents.unsnappable(extents.of(city), argument, position.lat(),
                            position.lon(), position.lat(), position.lon(), walking.maxSnapMeters()))
                    .attachment();
            Integer category = city.categoryIndex().get(place.category());
            if (category == null) {
                throw ApiException.badArgument(argument, "Category '" + place.category()
                        + "' is not part of the loaded walkway data");
            }
            added.computeIfAbsent(category, c -> new ArrayList<>()).add(at);
        }
        boolean[] removed = null;
        for (String id : removals) {
            Integer place = city.placeIndex().get(id);
            if (place == null) {
                throw ApiException.notFound("Place", id);
            }
            if (removed == null) {
                removed = new boolean[city.placeCount()];
            }
            removed[place] = true;
        }
        List<ServiceCategory> all = catalog.programme();
        List<Target> targets = targets(index, all);
        boolean[] removedPlaces = removed;
        long started = System.nanoTime();
        CoverageAnalysis.WhatIf whatIf = CoverageAnalysis.whatIf(index, scope, pace, targets, added, removedPlaces);
        metrics.search(SearchKind.WHAT_IF, Origin.PLACES, System.nanoTime() - started);
        List<CategoryDelta> deltas = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (!whatIf.changedCategories().contains(targets.get(i).category())) {
                continue;
            }
            CategoryFigures before = whatIf.before().categories().get(i).figures();
            CategoryFigures after = whatIf.after().categories().get(i).figures();
            deltas.add(new CategoryDelta(all.get(i), targets.get(i).minutes(), (int) before.residentsWithin(),
                    (int) after.residentsWithin(), CoverageMath.round2(before.residentPercent()),
                    CoverageMath.round2(after.residentPercent()), before.buildingsWithin(), after.buildingsWithin()));
        }
        return new CoverageDelta(communityId, pace, CoverageMath.round2(whatIf.before().completeness()),
                CoverageMath.round2(whatIf.after().completeness()), deltas);
    }

    /** Share of residents (percent, 2 decimals) within {@code minutes} of any of the categories, city-wide. */
    double residentsWithinPercent(List<String> codes, int minutes, Pace pace) {
        CoverageIndex index = index();
        int[] best = null;
        for (String code : codes) {
            int[] nearest = nearest(index, code);
            if (best == null) {
                best = nearest.clone();
            } else {
                for (int b = 0; b < best.length; b++) {
                    best[b] = Math.min(best[b], nearest[b]);
                }
            }
        }
        int[] all = index.allBuildings();
        CategoryFigures f = CoverageMath.figures(all, best, index.city().buildingResidents(),
                CoverageMath.thresholdMillimetres(minutes, pace));
        return CoverageMath.round2(f.residentPercent());
    }

    int totalResidents() {
        int sum = 0;
        for (int r : index().city().buildingResidents()) {
            sum += r;
        }
        return sum;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * One target per catalogue category, in the order of {@code catalogue} (read once per request, so a catalogue
     * refresh between two reads cannot shift the labels); basic-tier ones enter the completeness score.
     */
    private static List<Target> targets(CoverageIndex index, List<ServiceCategory> catalogue) {
        List<Target> targets = new ArrayList<>();
        for (ServiceCategory c : catalogue) {
            Integer i = index.city().categoryIndex().get(c.code());
            // -1: a catalogue category the loaded network does not know has no places, so nobody reaches it.
            targets.add(new Target(i == null ? -1 : i, c.targetMinutes(), c.tier() == Tier.BASIC));
        }
        return targets;
    }

    /** Position in {@code sorted} (building indices, ascending like their ids) of the first building after the cursor. */
    private static int pageStart(CityNetwork city, int[] sorted, PageRequest page) {
        if (page.after() == null) {
            return 0;
        }
        Integer afterIndex = city.buildingIndex().get(page.after().id());
        if (afterIndex == null) {
            throw new ApiException(ApiException.ErrorCode.INVALID_CURSOR,
                    "Argument 'after' is not a cursor returned by this list", Map.of("argument", "after"));
        }
        int pos = Arrays.binarySearch(sorted, afterIndex);
        return pos >= 0 ? pos + 1 : -pos - 1;
    }

    private int[] nearest(CoverageIndex index, String code) {
        return index.nearestMillimetres(categoryIndex(index, code));
    }

    private static int categoryIndex(CoverageIndex index, String code) {
        Integer category = index.city().categoryIndex().get(code);
        return category == null ? -1 : category;
    }

    /** Place index → not known to be open at {@code at}; null without a time (every place counts). */
    private boolean[] closedAt(CityNetwork city, OffsetDateTime at) {
        if (at == null) {
            return null;
        }
        boolean[] open = hours.openAt(city, at);
        boolean[] closed = new boolean[open.length];
        for (int p = 0; p < open.length; p++) {
            closed[p] = !open[p];
        }
        return closed;
    }

    /** Nearest-place distances of a category from its places that are not {@code closed}, searched now, not cached. */
    private int[] nearestAmong(CoverageIndex index, int category, boolean[] closed) {
        if (category < 0) {
            return index.nearestMillimetres(-1);
        }
        long started = System.nanoTime();
        int[] nearest = index.nearestMillimetres(index.sources(category, closed, null));
        metrics.search(SearchKind.COVERAGE, Origin.PLACES, System.nanoTime() - started);
        return nearest;
    }

    private ServiceCategory category(String code) {
        return catalog.resolve("category", List.of(code)).get(0);
    }

    private int[] scope(CoverageIndex index, String communityId, List<String> communityIds) {
        if (communityId != null) {
            int[] own = buildingsOf(index, communityId);
            return communityIds == null || communityIds.contains(communityId) ? own : new int[0];
        }
        if (communityIds == null) {
            return index.allBuildings();
        }
        // Building indices follow building ids, so the sorted union keeps the city-wide order and its cursors.
        int[][] parts = new int[communityIds.size()][];
        int total = 0;
        for (int i = 0; i < parts.length; i++) {
            Integer community = index.city().communityIndex().get(communityIds.get(i));
            // A community without buildings on the network has no gaps, not an unknown id: the filter found it.
            parts[i] = community == null ? new int[0] : index.buildingsOf(community);
            total += parts[i].length;
        }
        int[] union = new int[total];
        int n = 0;
        for (int[] part : parts) {
            System.arraycopy(part, 0, union, n, part.length);
            n += part.length;
        }
        java.util.Arrays.sort(union);
        return union;
    }

    private int[] buildingsOf(CoverageIndex index, String communityId) {
        Integer community = index.city().communityIndex().get(communityId);
        if (community == null) {
            throw ApiException.notFound("Community", communityId);
        }
        return index.buildingsOf(community);
    }

    private int checkMinutes(Integer minutes, ServiceCategory category) {
        return checkMinutes(minutes, category, properties.maxMinutes());
    }

    private static int checkMinutes(Integer minutes, ServiceCategory category, int maxMinutes) {
        int value = minutes == null ? category.targetMinutes() : minutes;
        if (value < 1 || value > maxMinutes) {
            throw ApiException.outOfRange("minutes", value, 1, maxMinutes);
        }
        return value;
    }

    private static CategoryCoverage categoryCoverage(ServiceCategory category, CategoryResult r, Pace pace) {
        CategoryFigures f = r.figures();
        return new CategoryCoverage(category, category.targetMinutes(),
                CoverageMath.round2(pace.meters(category.targetMinutes())), f.buildingsWithin(),
                CoverageMath.round2(CoverageMath.percent(f.buildingsWithin(), f.buildings())),
                (int) f.residentsWithin(), CoverageMath.round2(f.residentPercent()), meters(f.medianMm()),
                meters(f.p90Mm()), f.unreachableBuildings());
    }

    private static Integer meters(Integer millimetres) {
        return millimetres == null || millimetres == CoverageIndex.UNREACHABLE ? null
                : Millimetres.wholeMeters(millimetres);
    }
}
