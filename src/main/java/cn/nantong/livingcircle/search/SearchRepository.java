package cn.nantong.livingcircle.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.api.Records;
import cn.nantong.livingcircle.community.Building;
import cn.nantong.livingcircle.community.CommunityRepository;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.place.Outlet;
import cn.nantong.livingcircle.place.Place;
import cn.nantong.livingcircle.place.PlaceRepository;
import cn.nantong.livingcircle.search.SearchTypes.CommercialCenter;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import static cn.nantong.livingcircle.community.CommunityRepository.BUILDING_PROJECTION;

/** The search queries: filtered, ordered pages of places, their aggregates, commercial centres and buildings. */
@Repository
@Transactional(readOnly = true)
class SearchRepository {

    /**
     * The commercial-centre projection every read path returns: a Cypher map over a centre bound to {@code cc}, read
     * back by {@link #center(MapAccessor)}.
     */
    static final String CENTER_PROJECTION = """
            {id: cc.id, name: cc.name, newOrRenovated: cc.newOrRenovated, renovatedYear: cc.renovatedYear,
             floorArea: cc.floorAreaSquareMeters, lat: cc.location.latitude, lon: cc.location.longitude,
             communityId: head([(cc)-[:IN_COMMUNITY]->(ccc:Community) | ccc.id])}""";

    private final Neo4jClient neo4j;
    private final PlaceRepository places;
    private final DatasetService datasets;

    SearchRepository(Neo4jClient neo4j, PlaceRepository places, DatasetService datasets) {
        this.neo4j = neo4j;
        this.places = places;
        this.datasets = datasets;
    }

    /** One matched place of a page with its sort key (a name or a number) and its straight-line distance. */
    record PlaceRow(Object key, Double distanceMeters, Place place) {
    }

    record Page<T>(int total, List<T> rows) {
    }

    /**
     * The places matching {@code filter} in {@code order} (ties by id), after the keyset ({@code afterKey},
     * {@code afterId}), at most {@code limit}, and how many match in all: one query, which counts the matches, keeps
     * the first {@code limit} after the keyset (a top-k sort, not a sort of every match) and projects them.
     */
    Page<PlaceRow> places(PlaceFilters.Predicate filter, SearchTypes.PlaceOrder order, Map<String, Object> from,
            Object afterKey, String afterId, int limit) {
        Map<String, Object> parameters = new HashMap<>(filter.parameters());
        parameters.put("order", order.key);
        parameters.put("descending", order.descending);
        parameters.put("from", from);
        parameters.put("afterKey", afterKey);
        parameters.put("afterId", afterId);
        parameters.put("limit", limit);
        parameters.put("generation", datasets.generation());
        // nulls last both ways: a place without a floor area sorts after every area
        return neo4j.query(filter.into("""
                        CALL () {
                            MATCH (p:Place)
                            WHERE p.generation = $generation AND $placeFilter
                            RETURN count(p) AS total
                        }
                        CALL () {
                            MATCH (p:Place)
                            WHERE p.generation = $generation AND $placeFilter
                            WITH p, CASE $order
                                        WHEN 'NAME' THEN p.name
                                        WHEN 'FLOOR_AREA' THEN coalesce(p.floorAreaSquareMeters,
                                                                        CASE WHEN $descending THEN -1.0 ELSE 1.0e300 END)
                                        ELSE point.distance(p.location, point($from))
                                    END AS k
                            WHERE $afterId IS NULL OR (k = $afterKey AND p.id > $afterId)
                               OR (CASE WHEN $descending THEN k < $afterKey ELSE k > $afterKey END)
                            WITH p, k
                            ORDER BY CASE WHEN $descending THEN null ELSE k END, CASE WHEN $descending THEN k END DESC,
                                     p.id
                            LIMIT $limit
                            RETURN collect({key: k, distance: point.distance(p.location, point($from)),
                                            place: %s}) AS rows
                        }
                        RETURN total, rows
                        """.formatted(PlaceRepository.PROJECTION)))
                .bindAll(parameters)
                .fetchAs(Page.class)
                .mappedBy((t, r) -> new Page<>(r.get("total").asInt(), r.get("rows").asList(v -> new PlaceRow(
                        v.get("key").asObject(), Records.doubleOrNull(v.get("distance")),
                        places.fromProjection(v.get("place"))))))
                .one().map(page -> (Page<PlaceRow>) page).orElseThrow();
    }

    /** Per category: matching places, and count, min, max and sum of their floor areas. */
    record CategoryFigures(String category, int places, int withArea, Double minArea, Double maxArea,
            Double sumArea) {
    }

    List<CategoryFigures> aggregate(PlaceFilters.Predicate filter) {
        return List.copyOf(neo4j.query(filter.into("""
                        MATCH (p:Place)
                        WHERE p.generation = $generation AND $placeFilter
                        RETURN p.category AS category, count(p) AS places, count(p.floorAreaSquareMeters) AS withArea,
                               min(p.floorAreaSquareMeters) AS minArea, max(p.floorAreaSquareMeters) AS maxArea,
                               sum(p.floorAreaSquareMeters) AS sumArea
                        """))
                .bindAll(filter.parameters()).bind(datasets.generation()).to("generation")
                .fetchAs(CategoryFigures.class)
                .mappedBy((t, r) -> new CategoryFigures(r.get("category").asString(), r.get("places").asInt(),
                        r.get("withArea").asInt(), Records.doubleOrNull(r.get("minArea")),
                        Records.doubleOrNull(r.get("maxArea")),
                        r.get("withArea").asInt() == 0 ? null : r.get("sumArea").asDouble()))
                .all());
    }

    /** Community id of each place that has one. */
    Map<String, String> communityIdsOfPlaces(Collection<String> placeIds) {
        Map<String, String> result = new HashMap<>();
        neo4j.query("""
                        MATCH (p:Place)-[:IN_COMMUNITY]->(c:Community) WHERE p.id IN $ids AND p.generation = $generation
                        RETURN p.id AS placeId, c.id AS communityId
                        """)
                .bind(List.copyOf(placeIds)).to("ids").bind(datasets.generation()).to("generation")
                .fetch().all().forEach(r -> result.put((String) r.get("placeId"), (String) r.get("communityId")));
        return result;
    }

    Map<String, CommercialCenter> centersByIds(Collection<String> ids) {
        return neo4j.query("""
                        MATCH (cc:CommercialCenter) WHERE cc.id IN $ids AND cc.generation = $generation
                        RETURN %s AS center
                        """.formatted(CENTER_PROJECTION))
                .bind(List.copyOf(ids)).to("ids").bind(datasets.generation()).to("generation")
                .fetchAs(CommercialCenter.class).mappedBy((t, r) -> center(r.get("center"))).all().stream()
                .collect(Collectors.toMap(CommercialCenter::id, Function.identity()));
    }

    Page<CommercialCenter> centers(List<String> communityIds, Boolean newOrRenovated, String afterId, int limit) {
        return neo4j.query("""
                        CALL () {
                            MATCH (cc:CommercialCenter)
                            WHERE cc.generation = $generation AND ($communityIds IS NULL
                                   OR EXISTS { (cc)-[:IN_COMMUNITY]->(c:Community) WHERE c.id IN $communityIds })
                              AND ($newOrRenovated IS NULL OR cc.newOrRenovated = $newOrRenovated)
                            RETURN count(cc) AS total
                        }
                        CALL () {
                            MATCH (cc:CommercialCenter)
                            WHERE cc.generation = $generation AND ($communityIds IS NULL
                                   OR EXISTS { (cc)-[:IN_COMMUNITY]->(c:Community) WHERE c.id IN $communityIds })
                              AND ($newOrRenovated IS NULL OR cc.newOrRenovated = $newOrRenovated)
                              AND ($afterId IS NULL OR cc.id > $afterId)
                            WITH cc ORDER BY cc.id LIMIT $limit
                            RETURN collect(%s) AS page
                        }
                        RETURN total, page
                        """.formatted(CENTER_PROJECTION))
                .bind(communityIds).to("communityIds").bind(newOrRenovated).to("newOrRenovated")
                .bind(afterId).to("afterId").bind(limit).to("limit").bind(datasets.generation()).to("generation")
                .fetchAs(Page.class)
                .mappedBy((t, r) -> new Page<>(r.get("total").asInt(), r.get("page").asList(SearchRepository::center)))
                .one().map(page -> (Page<CommercialCenter>) page).orElseThrow();
    }

    /** The outlets of each centre, ordered by id. */
    Map<String, List<Outlet>> outletsOfCenters(Collection<String> centerIds) {
        Map<String, List<Outlet>> result = new HashMap<>();
        neo4j.query("""
                        MATCH (p:Outlet)-[:IN_CENTER]->(cc:CommercialCenter) WHERE cc.id IN $ids AND cc.generation = $generation
                        WITH cc, p ORDER BY p.id
                        RETURN cc.id AS centerId, collect(%s) AS outlets
                        """.formatted(PlaceRepository.PROJECTION))
                .bind(List.copyOf(centerIds)).to("ids").bind(datasets.generation()).to("generation")
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) -> Map.entry(r.get("centerId").asString(),
                        r.get("outlets").asList(v -> (Outlet) places.fromProjection(v))))
                .all().forEach(e -> result.put((String) e.getKey(), (List<Outlet>) e.getValue()));
        return result;
    }

    Page<Building> buildings(String nameContains, List<String> communityIds, Map<String, Object> southWest,
            Map<String, Object> northEast, String afterId, int limit) {
        return neo4j.query("""
                        CALL () {
                            MATCH (b:Building)-[:IN_COMMUNITY]->(c:Community)
                            WHERE b.generation = $generation AND ($communityIds IS NULL OR c.id IN $communityIds)
                              AND ($name IS NULL OR b.name CONTAINS $name)
                              AND ($southWest IS NULL OR point.withinBBox(b.location, point($southWest), point($northEast)))
                            RETURN count(b) AS total
                        }
                        CALL () {
                            MATCH (b:Building)-[:IN_COMMUNITY]->(c:Community)
                            WHERE b.generation = $generation AND ($communityIds IS NULL OR c.id IN $communityIds)
                              AND ($name IS NULL OR b.name CONTAINS $name)
                              AND ($southWest IS NULL OR point.withinBBox(b.location, point($southWest), point($northEast)))
                              AND ($afterId IS NULL OR b.id > $afterId)
                            WITH b, c ORDER BY b.id LIMIT $limit
                            RETURN collect(%s) AS page
                        }
                        RETURN total, page
                        """.formatted(BUILDING_PROJECTION))
                .bind(communityIds).to("communityIds").bind(nameContains).to("name")
                .bind(southWest).to("southWest").bind(northEast).to("northEast")
                .bind(afterId).to("afterId").bind(limit).to("limit").bind(datasets.generation()).to("generation")
                .fetchAs(Page.class)
                .mappedBy((t, r) -> new Page<>(r.get("total").asInt(),
                        r.get("page").asList(v -> CommunityRepository.building(v))))
                .one().map(page -> (Page<Building>) page).orElseThrow();
    }

    private static CommercialCenter center(MapAccessor r) {
        return new CommercialCenter(r.get("id").asString(), Records.stringOrNull(r.get("name")),
                Records.booleanOrFalse(r.get("newOrRenovated")), Records.intOrNull(r.get("renovatedYear")),
                Records.doubleOrNull(r.get("floorArea")), Records.pointOrNull(r.get("lat"), r.get("lon")),
                Records.stringOrNull(r.get("communityId")));
    }
}
