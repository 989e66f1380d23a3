package cn.nantong.livingcircle.reachability;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.api.Connection;
import cn.nantong.livingcircle.api.Cursor;
import cn.nantong.livingcircle.api.PageRequest;
import cn.nantong.livingcircle.catalog.CategoryCatalog;
import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.catalog.Tier;
import cn.nantong.livingcircle.community.CommunityRepository;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.place.Place;
import cn.nantong.livingcircle.place.PlaceRepository;
import cn.nantong.livingcircle.walkway.Pace;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "What can I reach within N minutes of this building?" answered from the precomputed
 * {@code (:Building)-[:WALKS_TO {meters}]->(:Place)} edges: one indexed expand from the building, filtered by
 * metres and category, ordered by (metres, place id) and keyset-paged on that pair.
 */
@Service
public class ReachabilityService {

    static final String CURSOR_KIND = "reach";
    static final int DEFAULT_FIRST = 50;

    private final Neo4jClient neo4j;
    private final DatasetService datasets;
    private final CategoryCatalog catalog;
    private final PlaceRepository places;
    private final CommunityRepository communities;

    ReachabilityService(Neo4jClient neo4j, DatasetService datasets, CategoryCatalog catalog, PlaceRepository places,
            CommunityRepository communities) {
        this.neo4j = neo4j;
        this.datasets = datasets;
        this.catalog = catalog;
        this.places = places;
        this.communities = communities;
    }

    @Transactional(readOnly = true)
    public Connection<Reach> reachable(OriginInput from, Integer minutes, Pace pace, List<String> categoryCodes,
            Tier tier, Integer first, String after) {
        String buildingId = requireBuildingOrigin(from);
        Pace walkingPace = pace == null ? Pace.ADULT : pace;
        double maxMeters = maxMeters(minutes == null ? 15 : minutes, walkingPace);
        List<String> codes = categoryFilter(categoryCodes, tier);
        PageRequest page = PageRequest.of(first, after, DEFAULT_FIRST, CURSOR_KIND);

        ReachPage rows = neo4j.query("""
                        MATCH (:Building {id: $buildingId})-[w:WALKS_TO]->(p:Place)
                        WHERE w.meters <= $maxMeters AND ($codes IS NULL OR p.category IN $codes)
                        WITH w.meters AS meters, p.id AS placeId
                        ORDER BY meters, placeId
                        WITH collect({meters: meters, placeId: placeId}) AS reached
                        RETURN size(reached) AS total,
                               [x IN reached WHERE $afterId IS NULL OR x.meters > $afterMeters
                                    OR (x.meters = $afterMeters AND x.placeId > $afterId)][0..$limit] AS page
                        """)
                .bind(buildingId).to("buildingId")
                .bind(maxMeters).to("maxMeters")
                .bind(codes).to("codes")
                .bind(page.after() == null ? null : page.after().id()).to("afterId")
                .bind(page.after() == null ? 0.0 : page.after().key()).to("afterMeters")
                .bind(page.limitPlusOne()).to("limit")
                .fetchAs(ReachPage.class)
                .mappedBy((t, r) -> new ReachPage(r.get("total").asInt(), r.get("page").asList(v ->
                        new ReachRow(v.get("placeId").asString(), v.get("meters").asDouble()))))
                .one().orElseThrow();
        if (rows.total() == 0 && !communities.buildingExists(buildingId)) {
            throw ApiException.notFound("Building", buildingId);
        }
        Connection<ReachRow> rowPage = Connection.fromRows(rows.rows(), page,
                row -> Cursor.encode(CURSOR_KIND, row.meters(), row.placeId()), rows.total());
        Map<String, Place> byId = places.findByIds(rowPage.edges().stream().map(e -> e.node().placeId()).toList());
        return rowPage.map(row -> new Reach((int) Math.round(row.meters()),
                round2(walkingPace.minutes(row.meters())), byId.get(row.placeId())));
    }

    /** Metres for a time limit, after checking it against what was precomputed at that pace. */
    double maxMeters(int minutes, Pace pace) {
        int maxMinutes = pace.wholeMinutesWithin(datasets.current().horizonMeters());
        if (minutes < 1 || minutes > maxMinutes) {
            throw ApiException.outOfRange("minutes", minutes, 1, maxMinutes);
        }
        return pace.meters(minutes);
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

    static String requireBuildingOrigin(OriginInput from) {
        if (from == null || from.buildingId() == null || from.buildingId().isBlank()) {
            throw ApiException.badArgument("from", "Argument 'from' must set buildingId");
        }
        return from.buildingId();
    }

    private static double round2(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    private record ReachRow(String placeId, double meters) {
    }

    private record ReachPage(int total, List<ReachRow> rows) {
    }
}
