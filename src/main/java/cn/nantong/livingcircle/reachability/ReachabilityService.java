package cn.nantong.livingcircle.reachability;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.api.Connection;
import cn.nantong.livingcircle.api.Cursor;
import cn.nantong.livingcircle.api.PageRequest;
import cn.nantong.livingcircle.catalog.CategoryCatalog;
import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.catalog.Tier;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.NetworkReach;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.ReachedPlace;
import cn.nantong.livingcircle.hours.OpeningHoursService;
import cn.nantong.livingcircle.metrics.CircleMetrics;
import cn.nantong.livingcircle.metrics.CircleMetrics.Origin;
import cn.nantong.livingcircle.metrics.CircleMetrics.SearchKind;
import cn.nantong.livingcircle.network.CityNetworkService;
import cn.nantong.livingcircle.network.NetworkExtents;
import cn.nantong.livingcircle.network.Obstacle;
import cn.nantong.livingcircle.network.StepFreeNetworks;
import cn.nantong.livingcircle.network.WalkingProperties;
import cn.nantong.livingcircle.place.Place;
import cn.nantong.livingcircle.place.PlaceRepository;
import cn.nantong.livingcircle.search.PlaceFilter;
import cn.nantong.livingcircle.search.PlaceFilters;
import org.springframework.stereotype.Service;

/**
 * "What can I reach within N minutes of here?" and "which k places of a category are nearest?".
 *
 * <p>Both answered in memory, from a building or a point alike, over the {@link CityNetwork} of the current data
 * version ({@link NetworkReach}): the building's stored attachment or the snapped point, one bounded Dijkstra, the
 * places on the touched segments, sorted by (millimetres, place id); the cursor is that pair. Only the page's place
 * details come from the graph, and only those not yet read in this data version ({@link PlaceRepository}): a
 * repeated answer needs no database round trip at all. The precomputed {@code (:Building)-[:WALKS_TO {meters}]->(:Place)}
 * edges hold the same distances (computed by the same engine over the same network, and kept by every import and
 * maintenance write) for the graph's own users, the downloads and the coverage tables; the API no longer reads
 * them for {@code reachable}: a Bolt round trip and a query per answer cost more than the search (0.05 ms at city
 * scale).
 *
 * Every search is bounded by the dataset's walking horizon (1,666.67 m by default), so {@code nearest} returns
 * fewer than k places when fewer lie within it.
 */
@Service
public class ReachabilityService {

    static final String CURSOR_KIND = "reach";
    static final int DEFAULT_FIRST = 50;
    static final int MAX_NEAREST = 20;

    private final DatasetService datasets;
    private final CategoryCatalog catalog;
    private final PlaceRepository places;
    private final CityNetworkService networks;
    private final NetworkExtents extents;
    private final WalkingProperties walking;
    private final PlaceFilters filters;
    private final CircleMetrics metrics;
    private final OpeningHoursService hours;
    private final StepFreeNetworks stepFree;

    ReachabilityService(DatasetService datasets, CategoryCatalog catalog, PlaceRepository places,
            CityNetworkService networks, NetworkExtents extents,
            WalkingProperties walking, PlaceFilters filters,
            CircleMetrics metrics, OpeningHoursService hours, StepFreeNetworks stepFree) {
        this.metrics = metrics;
        this.stepFree = stepFree;
        this.hours = hours;
        this.extents = extents;
        this.filters = filters;
        this.datasets = datasets;
        this.catalog = catalog;
        this.places = places;
        this.networks = networks;
        this.walking = walking;
    }

    public Connection<Reach> reachable(OriginInput from, Integer minutes, Pace pace, List<String> categoryCodes,
            Tier tier, PlaceFilter filter, Integer first, String after, OffsetDateTime openAt, List<Obstacle> avoid) {
        Origins.requireExactlyOne(from);
        Pace walkingPace = pace == null ? Pace.ADULT : pace;
        int maxMillimetres = maxMillimetres(minutes == null ? 15 : minutes, walkingPace);
        List<String> codes = categoryFilter(categoryCodes, tier);
        PageRequest page = PageRequest.of(first, after, DEFAULT_FIRST, CURSOR_KIND);
        PlaceFilters.Predicate predicate = filters.compile(filter, "filter");
        long start = System.nanoTime();
        Connection<Reach> answer = memoryPage(from, maxMillimetres, codes, predicate, page, walkingPace, openAt, avoid);
        metrics.search(SearchKind.REACHABLE, from.point() == null ? Origin.BUILDING : Origin.POINT,
                System.nanoTime() - start);
        return answer;
    }

    /**
     * Every place within {@code minutes} at {@code pace} of a point, nearest first, computed in memory without a
     * database query (the benchmark's entry point). {@code categoryCodes} null means all categories.
     */
    public List<ReachedPlace> reachableFromPoint(PointInput point, int minutes, Pace pace,
            Collection<String> categoryCodes) {
        Pace walkingPace = pace == null ? Pace.ADULT : pace;
        int maxMillimetres = maxMillimetres(minutes, walkingPace);
        List<String> codes = categoryFilter(categoryCodes, null);
        long start = System.nanoTime();
        CityNetwork city = networks.current();
        Attachment origin = Origins.snap(city, extents.of(city), point, walking.maxSnapMeters()).attachment();
        List<ReachedPlace> reached = NetworkReach.placesWithin(city, origin, maxMillimetres, placeFilter(city, codes));
        metrics.search(SearchKind.REACHABLE, Origin.POINT, System.nanoTime() - start);
        return reached;
    }

    /**
     * The {@code k} places of a category nearest to the origin by network distance, nearest first (ties by id),
     * computed in memory; places beyond the walking horizon are not returned.
     */
    public List<ReachedPlace> nearestPlaces(OriginInput from, String category, int k, PlaceFilter filter) {
        return nearestFrom(from, category, k, filter, null, null).places();
    }

    private record Nearest(List<ReachedPlace> places, double originSnapMeters, CityNetwork city) {
    }

    private Nearest nearestFrom(OriginInput from, String category, int k, PlaceFilter filter,
            OffsetDateTime openAt, List<Obstacle> avoid) {
        if (k < 1 || k > MAX_NEAREST) {
            throw ApiException.outOfRange("k", k, 1, MAX_NEAREST);
        }
        String code = catalog.resolve("category", List.of(category)).get(0).code();
        Origins.requireExactlyOne(from);
        PlaceFilters.Predicate predicate = filters.compile(filter, "filter");
        long started = System.nanoTime();
        CityNetwork city = stepFree.avoiding(networks.current(), avoid);
        Origins.Start start = Origins.resolve(city, extents.of(city), from, walking.maxSnapMeters());
        List<ReachedPlace> all = NetworkReach.placesWithin(city, start.attachment(),
                Millimetres.limit(datasets.current().horizonMeters()),
                openAt(city, matching(city, placeFilter(city, List.of(code)), predicate), openAt));
        metrics.search(SearchKind.NEAREST, from.point() == null ? Origin.BUILDING : Origin.POINT,
                System.nanoTime() - started);
        return new Nearest(List.copyOf(all.subList(0, Math.min(k, all.size()))), start.snapMeters(), city);
    }

    /** {@link #nearestPlaces} with the places' details, loaded in one query. */
    public List<Reach> nearest(OriginInput from, String category, Integer k, Pace pace, PlaceFilter filter,
            OffsetDateTime openAt, List<Obstacle> avoid) {
        Pace walkingPace = pace == null ? Pace.ADULT : pace;
        Nearest nearest = nearestFrom(from, category, k == null ? 3 : k, filter, openAt, avoid);
        Map<String, Place> byId = places.findByIds(nearest.places().stream().map(ReachedPlace::placeId).toList());
        return nearest.places().stream()
                .map(r -> reach(nearest.city(), r, walkingPace, byId, nearest.originSnapMeters()))
                .filter(r -> r.place() != null).toList();
    }

    private Connection<Reach> memoryPage(OriginInput from, int maxMillimetres, List<String> codes,
            PlaceFilters.Predicate predicate, PageRequest page, Pace pace, OffsetDateTime openAt,
            List<Obstacle> avoid) {
        CityNetwork city = stepFree.avoiding(networks.current(), avoid);
        Origins.Start start = Origins.resolve(city, extents.of(city), from, walking.maxSnapMeters());
        List<ReachedPlace> reached = NetworkReach.placesWithin(city, start.attachment(), maxMillimetres,
                openAt(city, matching(city, placeFilter(city, codes), predicate), openAt));
        List<ReachedPlace> rows = new ArrayList<>(page.limitPlusOne());
        long afterMm = page.after() == null ? -1 : Millimetres.of(page.after().key());
        String afterId = page.after() == null ? null : page.after().id();
        for (ReachedPlace r : reached) {
            if (afterId == null || r.walkMillimetres() > afterMm
                    || (r.walkMillimetres() == afterMm && r.placeId().compareTo(afterId) > 0)) {
                rows.add(r);
                if (rows.size() == page.limitPlusOne()) {
                    break;
                }
            }
        }
        Connection<ReachedPlace> rowPage = Connection.fromRows(rows, page,
                r -> Cursor.encode(CURSOR_KIND, r.walkMeters(), r.placeId()), reached.size());
        Map<String, Place> byId = places.findByIds(rowPage.edges().stream().map(e -> e.node().placeId()).toList());
        return withoutVanishedPlaces(rowPage.map(r -> reach(city, r, pace, byId, start.snapMeters())));
    }

    /**
     * Drops edges whose place was deleted between the distance query (or the in-memory network, which trails the
     * graph by up to a few seconds after an import) and the place lookup, instead of failing the whole page.
     */
    private static Connection<Reach> withoutVanishedPlaces(Connection<Reach> page) {
        if (page.edges().stream().allMatch(e -> e.node().place() != null)) {
            return page;
        }
        return new Connection<>(page.edges().stream().filter(e -> e.node().place() != null).toList(),
                page.pageInfo(), page.totalCount());
    }

    private static Reach reach(CityNetwork city, ReachedPlace r, Pace pace, Map<String, Place> byId,
            double originSnapMeters) {
        Integer place = city.placeIndex().get(r.placeId());
        return Reach.of(r.walkMeters(), pace, byId.get(r.placeId()), originSnapMeters,
                place == null ? 0.0 : city.placeSnapMeters(place));
    }

    /**
     * {@code byCategory} narrowed to the places the filter matches: the matching ids come from one query, since the
     * in-memory network knows only each place's category.
     */
    private IntPredicate matching(CityNetwork city, IntPredicate byCategory, PlaceFilters.Predicate predicate) {
        if (filters.matchesEverything(predicate)) {
            return byCategory;
        }
        boolean[] accepted = new boolean[city.placeCount()];
        for (String id : filters.matchingPlaceIds(predicate)) {
            Integer index = city.placeIndex().get(id);
            if (index != null) {
                accepted[index] = true;
            }
        }
        return place -> accepted[place] && byCategory.test(place);
    }

    /** {@code accepted} narrowed to the places known to be open at {@code openAt}; unchanged without a time. */
    private IntPredicate openAt(CityNetwork city, IntPredicate accepted, OffsetDateTime openAt) {
        if (openAt == null) {
            return accepted;
        }
        boolean[] open = hours.openAt(city, openAt);
        return place -> open[place] && accepted.test(place);
    }

    /** Place indices of the city whose category is in {@code codes}; null codes accept every place. */
    static IntPredicate placeFilter(CityNetwork city, Collection<String> codes) {
        if (codes == null) {
            return place -> true;
        }
        boolean[] accepted = new boolean[city.categoryCodes().length];
        for (String code : codes) {
            Integer index = city.categoryIndex().get(code);
            if (index != null) {
                accepted[index] = true;
            }
        }
        int[] placeCategory = city.placeCategory();
        return place -> accepted[placeCategory[place]];
    }

    /** A time limit as a limit in millimetres, after checking it against what was precomputed at that pace. */
    int maxMillimetres(int minutes, Pace pace) {
        int maxMinutes = pace.wholeMinutesWithin(datasets.current().horizonMeters());
        if (minutes < 1 || minutes > maxMinutes) {
            throw ApiException.outOfRange("minutes", minutes, 1, maxMinutes);
        }
        return pace.thresholdMillimetres(minutes);
    }

    /** The union of explicit codes and a tier, as codes; null means no filter. */
    List<String> categoryFilter(Collection<String> codes, Tier tier) {
        if (codes == null && tier == null) {
            return null;
        }
        Set<String> result = new LinkedHashSet<>();
        List<ServiceCategory> explicit = codes == null ? catalog.all() : catalog.resolve("categories", codes);
        for (ServiceCategory category : explicit) {
            if (tier == null || category.tier() == tier) {
                result.add(category.code());
            }
        }
        return List.copyOf(result);
    }
}
