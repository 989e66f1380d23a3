package cn.nantong.livingcircle.search;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.api.Connection;
import cn.nantong.livingcircle.api.Cursor;
import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.api.PageRequest;
import cn.nantong.livingcircle.catalog.CategoryCatalog;
import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.catalog.Tier;
import cn.nantong.livingcircle.community.Building;
import cn.nantong.livingcircle.search.SearchRepository.CategoryFigures;
import cn.nantong.livingcircle.search.SearchRepository.Page;
import cn.nantong.livingcircle.search.SearchRepository.PlaceRow;
import cn.nantong.livingcircle.search.SearchTypes.BuildingFilter;
import cn.nantong.livingcircle.search.SearchTypes.CategoryTally;
import cn.nantong.livingcircle.search.SearchTypes.CommercialCenter;
import cn.nantong.livingcircle.search.SearchTypes.CommercialCenterFilter;
import cn.nantong.livingcircle.search.SearchTypes.FloorAreaStats;
import cn.nantong.livingcircle.search.SearchTypes.PlaceAggregate;
import cn.nantong.livingcircle.search.SearchTypes.PlaceConnection;
import cn.nantong.livingcircle.search.SearchTypes.PlaceEdge;
import cn.nantong.livingcircle.search.SearchTypes.PlaceOrder;
import cn.nantong.livingcircle.search.SearchTypes.TierTally;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.hours.OpeningHoursService;
import cn.nantong.livingcircle.network.CityNetworkService;
import org.springframework.stereotype.Service;

/**
 * Validates the search arguments and pages the results. Cursors are keysets: the sort key of the last place and its
 * id; a name key travels in the cursor's id part (before {@link #KEY_END}), a number in its key.
 */
@Service
class SearchService {

    static final String CENTER_CURSOR = "center";
    static final String BUILDING_CURSOR = "building";
    private static final char KEY_END = '\u001f';
    private static final int DEFAULT_PLACES = 50;
    private static final int DEFAULT_CENTERS = 20;
    private static final int DEFAULT_BUILDINGS = 50;

    private final SearchRepository repository;
    private final PlaceFilters filters;
    private final CategoryCatalog catalog;
    private final CityNetworkService networks;
    private final OpeningHoursService hours;

    SearchService(SearchRepository repository, PlaceFilters filters, CategoryCatalog catalog,
            CityNetworkService networks, OpeningHoursService hours) {
        this.networks = networks;
        this.hours = hours;
        this.repository = repository;
        this.filters = filters;
        this.catalog = catalog;
    }

    PlaceConnection places(PlaceFilter filter, PlaceOrder orderBy, PlaceFilter.Point orderFrom, Integer first,
            String after, OffsetDateTime openAt) {
        PlaceOrder order = orderBy == null ? PlaceOrder.NAME_ASC : orderBy;
        String cursorKind = "places-" + order.name();
        PageRequest page = PageRequest.of(first, after, DEFAULT_PLACES, cursorKind);
        Map<String, Object> from = null;
        if (orderFrom != null) {
            from = PlaceFilters.point(PlaceFilters.wgs84(orderFrom, "orderFrom"));
        } else if (order == PlaceOrder.DISTANCE_ASC) {
            throw ApiException.badArgument("orderFrom", "Ordering by DISTANCE_ASC needs the point 'orderFrom'");
        }
        PlaceFilters.Predicate predicate = openAt == null ? filters.compile(filter, "filter")
                : filters.compile(filter, "filter").and("p.id IN $openPlaceIds", "openPlaceIds", openPlaceIds(openAt));
        Object afterKey = null;
        String afterId = null;
        if (page.after() != null) {
            afterId = page.after().id();
            afterKey = page.after().key();
            if (order.key.equals("NAME")) {
                int end = afterId.lastIndexOf(KEY_END);
                if (end < 0) {
                    throw invalidCursor();
                }
                afterKey = afterId.substring(0, end);
                afterId = afterId.substring(end + 1);
            }
        }
        Page<PlaceRow> rows = repository.places(predicate, order, from, afterKey, afterId, page.limitPlusOne());
        Connection<PlaceRow> connection = Connection.fromRows(rows.rows(), page, row -> cursor(cursorKind, row),
                rows.total());
        List<PlaceEdge> edges = connection.edges().stream()
                .map(e -> new PlaceEdge(e.cursor(), e.node().place(), e.node().distanceMeters() == null ? null
                        : Math.round(e.node().distanceMeters() * 10.0) / 10.0))
                .toList();
        return new PlaceConnection(connection.totalCount(), edges, connection.pageInfo(), predicate);
    }

    /** Counts and floor-area figures of every place the connection's filter matches (all pages), in one query. */
    PlaceAggregate aggregate(PlaceConnection connection) {
        List<CategoryFigures> figures = repository.aggregate(connection.filter());
        Map<String, CategoryFigures> byCode = new HashMap<>();
        figures.forEach(f -> byCode.put(f.category(), f));
        List<CategoryTally> byCategory = new ArrayList<>();
        Map<Tier, Integer> byTier = new EnumMap<>(Tier.class);
        int count = 0;
        int withArea = 0;
        Double min = null;
        Double max = null;
        double sum = 0;
        // catalogue order (tier, target time, code); the tiers are the categories' tiers summed
        for (ServiceCategory category : catalog.all()) {
            CategoryFigures f = byCode.get(category.code());
            if (f == null) {
                continue;
            }
            byCategory.add(new CategoryTally(category, f.places()));
            byTier.merge(category.tier(), f.places(), Integer::sum);
            count += f.places();
            if (f.withArea() > 0) {
                withArea += f.withArea();
                min = min == null ? f.minArea() : Math.min(min, f.minArea());
                max = max == null ? f.maxArea() : Math.max(max, f.maxArea());
                sum += f.sumArea();
            }
        }
        List<TierTally> tiers = byTier.entrySet().stream().map(e -> new TierTally(e.getKey(), e.getValue())).toList();
        FloorAreaStats area = withArea == 0 ? new FloorAreaStats(0, null, null, null, null)
                : new FloorAreaStats(withArea, min, max, Math.round(sum / withArea * 100.0) / 100.0, sum);
        return new PlaceAggregate(count, byCategory, tiers, area);
    }

    Connection<CommercialCenter> centers(CommercialCenterFilter filter, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after, DEFAULT_CENTERS, CENTER_CURSOR);
        CommercialCenterFilter f = filter == null ? new CommercialCenterFilter(null, null) : filter;
        Page<CommercialCenter> rows = repository.centers(f.communityIds(), f.newOrRenovated(),
                page.after() == null ? null : page.after().id(), page.limitPlusOne());
        return Connection.fromRows(rows.rows(), page, c -> Cursor.encode(CENTER_CURSOR, 0, c.id()), rows.total());
    }

    Connection<Building> buildings(BuildingFilter filter, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after, DEFAULT_BUILDINGS, BUILDING_CURSOR);
        BuildingFilter f = filter == null ? new BuildingFilter(null, null, null) : filter;
        Map<String, Object> southWest = null;
        Map<String, Object> northEast = null;
        if (f.boundingBox() != null) {
            PlaceFilter.BoundingBox box = f.boundingBox();
            GeoPoint sw = GeoPoint.checked("filter.boundingBox.southWest", box.south(), box.west());
            GeoPoint ne = GeoPoint.checked("filter.boundingBox.northEast", box.north(), box.east());
            if (sw.lat() > ne.lat() || sw.lon() > ne.lon()) {
                throw ApiException.badArgument("filter.boundingBox",
                        "Argument 'filter.boundingBox' needs south <= north and west <= east");
            }
            southWest = PlaceFilters.point(sw);
            northEast = PlaceFilters.point(ne);
        }
        Page<Building> rows = repository.buildings(f.nameContains(), f.communityIds(), southWest, northEast,
                page.after() == null ? null : page.after().id(), page.limitPlusOne());
        return Connection.fromRows(rows.rows(), page, b -> Cursor.encode(BUILDING_CURSOR, 0, b.id()), rows.total());
    }

    private static String cursor(String kind, PlaceRow row) {
        if (row.key() instanceof String name) {
            return Cursor.encode(kind, 0, name + KEY_END + row.place().id());
        }
        return Cursor.encode(kind, ((Number) row.key()).doubleValue(), row.place().id());
    }

    private static ApiException invalidCursor() {
        return new ApiException(ApiException.ErrorCode.INVALID_CURSOR,
                "Argument 'after' is not a cursor returned by this list", Map.of("argument", "after"));
    }

    /** Ids of the places known to be open at {@code at}, from the in-memory copy of the current data version. */
    private List<String> openPlaceIds(OffsetDateTime at) {
        CityNetwork city = networks.current();
        boolean[] open = hours.openAt(city, at);
        List<String> ids = new ArrayList<>();
        for (int p = 0; p < open.length; p++) {
            if (open[p]) {
                ids.add(city.placeIds()[p]);
            }
        }
        return ids;
    }
}
