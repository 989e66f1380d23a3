package cn.nantong.livingcircle.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.nantong.livingcircle.analytics.AnalyticsTypes.CommunityCoverage;
import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.api.Connection;
import cn.nantong.livingcircle.api.Cursor;
import cn.nantong.livingcircle.api.PageRequest;
import cn.nantong.livingcircle.community.Community;
import cn.nantong.livingcircle.community.CommunityRepository;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.coverage.CoverageIndex;
import cn.nantong.livingcircle.metrics.CircleMetrics;
import cn.nantong.livingcircle.metrics.CircleMetrics.VersionedCache;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The communities as a table: filtered in one query, sorted in memory by any of their figures (completeness from
 * the coverage of each community, kept per data version and pace), paged after the last community's id. Coverage
 * reads the in-memory index, so a page of communities with their coverage runs no query per community.
 */
@Service
class CommunityTable {

    /** The same cursor kind as before filters and orders existed, so the cursors handed out then still work. */
    static final String CURSOR = "community";
    private static final int DEFAULT_COMMUNITIES = 20;

    private final Neo4jClient neo4j;
    private final CommunityRepository communities;
    private final CoverageService coverage;
    private final DatasetService datasets;
    /** Coverage per (pace, community) of one {@link CoverageIndex}: a new data version starts a new map. */
    private volatile Cached cached;

    private final CircleMetrics metrics;

    CommunityTable(Neo4jClient neo4j, CommunityRepository communities, CoverageService coverage,
            DatasetService datasets, CircleMetrics metrics) {
        this.datasets = datasets;
        this.metrics = metrics;
        this.neo4j = neo4j;
        this.communities = communities;
        this.coverage = coverage;
    }

    enum CommunityOrder {
        ID_ASC, NAME_ASC, RESIDENTS_ASC, RESIDENTS_DESC, COMPLETENESS_ASC, COMPLETENESS_DESC
    }

    record CommunityFilter(List<String> districts, List<String> subdistricts, Integer pilotBatch, Boolean pilot) {
    }

    private record Cached(CoverageIndex index, Map<Pace, Map<String, CommunityCoverage>> byPace) {
    }

    @Transactional(readOnly = true)
    Connection<Community> page(CommunityFilter filter, List<CommunityOrder> orderBy, Pace pace, Integer first,
            String after) {
        PageRequest page = PageRequest.of(first, after, DEFAULT_COMMUNITIES, CURSOR);
        List<String> ids = ids(filter);
        Map<String, Community> byId = communities.findCommunities(ids);
        List<Community> rows = new ArrayList<>(ids.stream().map(byId::get).filter(c -> c != null).toList());
        Pace walkingPace = pace == null ? Pace.ADULT : pace;
        rows.sort(comparator(orderBy == null ? List.of() : orderBy, walkingPace));
        int start = 0;
        if (page.after() != null) {
            start = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id().equals(page.after().id())) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw new ApiException(ApiException.ErrorCode.INVALID_CURSOR,
                        "Argument 'after' is not a cursor returned by this list", Map.of("argument", "after"));
            }
        }
        List<Community> slice = rows.subList(start, Math.min(rows.size(), start + page.limitPlusOne()));
        return Connection.fromRows(slice, page, c -> Cursor.encode(CURSOR, 0, c.id()), rows.size());
    }

    /** Ids of the communities that pass {@code filter} (all when null), ascending: one query. */
    @Transactional(readOnly = true)
    List<String> ids(CommunityFilter filter) {
        CommunityFilter f = filter == null ? new CommunityFilter(null, null, null, null) : filter;
        return List.copyOf(neo4j.query("""
                        MATCH (c:Community) WHERE c.generation = $generation
                        OPTIONAL MATCH (c)-[:IN_SUBDISTRICT]->(s:Subdistrict)
                        OPTIONAL MATCH (s)-[:IN_DISTRICT]->(d:District)
                        WITH c, s, d
                        WHERE ($districts IS NULL OR d.id IN $districts OR d.nameZh IN $districts)
                          AND ($subdistricts IS NULL OR s.id IN $subdistricts OR s.nameZh IN $subdistricts)
                          AND ($pilot IS NULL OR coalesce(c.pilot, false) = $pilot)
                          AND ($pilotBatch IS NULL
                               OR EXISTS { (lc:LivingCircle)-[:SERVES]->(c) WHERE lc.pilotBatch = $pilotBatch })
                        RETURN c.id AS id ORDER BY id
                        """)
                .bind(f.districts()).to("districts").bind(f.subdistricts()).to("subdistricts")
                .bind(f.pilot()).to("pilot").bind(f.pilotBatch()).to("pilotBatch")
                .bind(datasets.generation()).to("generation")
                .fetchAs(String.class).mappedBy((t, r) -> r.get("id").asString()).all());
    }

    /** The community's coverage at {@code pace}, computed once per data version; null when it has no buildings. */
    CommunityCoverage coverage(String communityId, Pace pace) {
        CoverageIndex index = coverage.index();
        Cached current = cached;
        if (current == null || current.index() != index) {
            current = new Cached(index, new ConcurrentHashMap<>());
            cached = current;
        }
        Map<String, CommunityCoverage> byCommunity = current.byPace()
                .computeIfAbsent(pace, p -> new ConcurrentHashMap<>());
        CommunityCoverage found = byCommunity.get(communityId);
        if (found == null && index.city().communityIndex().containsKey(communityId)) {
            long start = System.nanoTime();
            found = coverage.coverage(communityId, pace);
            byCommunity.put(communityId, found);
            metrics.cacheMiss(VersionedCache.COMMUNITY_COVERAGE, System.nanoTime() - start);
        } else if (found != null) {
            metrics.cacheHit(VersionedCache.COMMUNITY_COVERAGE);
        }
        return found;
    }

    private Comparator<Community> comparator(List<CommunityOrder> orders, Pace pace) {
        Comparator<Community> result = (a, b) -> 0;
        for (CommunityOrder order : orders) {
            result = result.thenComparing(switch (order) {
                case ID_ASC -> Comparator.comparing(Community::id);
                case NAME_ASC -> Comparator.comparing(Community::name);
                case RESIDENTS_ASC -> Comparator.comparing(Community::residents,
                        Comparator.nullsLast(Comparator.naturalOrder()));
                case RESIDENTS_DESC -> Comparator.comparing(Community::residents,
                        Comparator.nullsLast(Comparator.<Integer>reverseOrder()));
                case COMPLETENESS_ASC -> Comparator.comparing((Community c) -> completeness(c, pace),
                        Comparator.nullsLast(Comparator.naturalOrder()));
                case COMPLETENESS_DESC -> Comparator.comparing((Community c) -> completeness(c, pace),
                        Comparator.nullsLast(Comparator.<Double>reverseOrder()));
            });
        }
        return result.thenComparing(Community::id);
    }

    private Double completeness(Community community, Pace pace) {
        CommunityCoverage c = coverage(community.id(), pace);
        return c == null ? null : c.completenessScore();
    }
}
