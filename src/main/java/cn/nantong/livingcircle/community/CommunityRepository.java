package cn.nantong.livingcircle.community;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.api.Records;
import cn.nantong.livingcircle.dataset.DatasetService;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to communities and buildings through {@link Neo4jClient} projections: records straight from Cypher,
 * no entity graph, every list keyset-paged by id.
 */
@Repository
@Transactional(readOnly = true)
public class CommunityRepository {

    private final Neo4jClient neo4j;
    private final DatasetService datasets;

    CommunityRepository(Neo4jClient neo4j, DatasetService datasets) {
        this.neo4j = neo4j;
        this.datasets = datasets;
    }

    public Optional<Community> findCommunity(String id) {
        return Optional.ofNullable(findCommunities(List.of(id)).get(id));
    }

    public Map<String, Community> findCommunities(Collection<String> ids) {
        return neo4j.query("""
                        MATCH (c:Community) WHERE c.id IN $ids AND c.generation = $generation
                        OPTIONAL MATCH (c)-[:IN_SUBDISTRICT]->(s:Subdistrict)
                        OPTIONAL MATCH (s)-[:IN_DISTRICT]->(d:District)
                        RETURN c.id AS id, c.nameZh AS name, c.nameEn AS nameEn, s.nameZh AS subdistrict,
                               d.nameZh AS district, c.pilot AS pilot, c.households AS households,
                               c.residents AS residents, c.areaSquareMeters AS area,
                               c.location.latitude AS lat, c.location.longitude AS lon
                        """)
                .bind(List.copyOf(ids)).to("ids").bind(datasets.generation()).to("generation")
                .fetchAs(Community.class).mappedBy((t, r) -> community(r)).all().stream()
                .collect(Collectors.toMap(Community::id, Function.identity()));
    }

    /**
     * The building projection every read path returns: a Cypher map over a building {@code b} in community {@code c},
     * read back by {@link #building(MapAccessor)}; a new building field is added here and there only.
     */
    public static final String BUILDING_PROJECTION = """
            {id: b.id, name: b.name, households: b.households, residents: b.residents,
             lat: b.location.latitude, lon: b.location.longitude, communityId: c.id}""";

    public Optional<Building> findBuilding(String id) {
        return neo4j.query("""
                        MATCH (b:Building {id: $id, generation: $generation})-[:IN_COMMUNITY]->(c:Community)
                        RETURN %s AS building
                        """.formatted(BUILDING_PROJECTION))
                .bind(id).to("id").bind(datasets.generation()).to("generation")
                .fetchAs(Building.class).mappedBy((t, r) -> building(r.get("building"))).one();
    }

    /** Buildings by id in one query; unknown ids are absent from the map. */
    public Map<String, Building> findBuildings(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return neo4j.query("""
                        MATCH (b:Building)-[:IN_COMMUNITY]->(c:Community)
                        WHERE b.id IN $ids AND b.generation = $generation
                        RETURN %s AS building
                        """.formatted(BUILDING_PROJECTION))
                .bind(List.copyOf(ids)).to("ids").bind(datasets.generation()).to("generation")
                .fetchAs(Building.class).mappedBy((t, r) -> building(r.get("building")))
                .all().stream().collect(Collectors.toMap(Building::id, Function.identity()));
    }

    /**
     * One page of buildings for each of several communities in a single round trip (the batch behind
     * {@code Community.buildings}), with each community's total.
     */
    Map<String, BuildingPage> pageBuildings(Collection<String> communityIds, String afterId, int limit) {
        return neo4j.query("""
                        UNWIND $ids AS cid
                        MATCH (c:Community {id: cid, generation: $generation})
                        CALL (c) {
                            MATCH (b:Building)-[:IN_COMMUNITY]->(c)
                            WHERE $afterId IS NULL OR b.id > $afterId
                            WITH b ORDER BY b.id LIMIT $limit
                            RETURN collect(%s) AS page
                        }
                        RETURN c.id AS communityId, page, COUNT { (:Building)-[:IN_COMMUNITY]->(c) } AS total
                        """.formatted(BUILDING_PROJECTION))
                .bind(List.copyOf(communityIds)).to("ids").bind(datasets.generation()).to("generation").bind(afterId).to("afterId").bind(limit).to("limit")
                .fetchAs(BuildingPage.class)
                .mappedBy((t, r) -> {
                    String communityId = r.get("communityId").asString();
                    List<Building> buildings = r.get("page").asList(CommunityRepository::building);
                    return new BuildingPage(communityId, buildings, r.get("total").asInt());
                })
                .all().stream().collect(Collectors.toMap(BuildingPage::communityId, Function.identity()));
    }

    record BuildingPage(String communityId, List<Building> buildings, int totalCount) {
    }

    private static Community community(Record r) {
        return new Community(r.get("id").asString(), r.get("name").asString(), Records.stringOrNull(r.get("nameEn")),
                Records.stringOrNull(r.get("subdistrict")), Records.stringOrNull(r.get("district")),
                Records.booleanOrFalse(r.get("pilot")), Records.intOrNull(r.get("households")),
                Records.intOrNull(r.get("residents")), Records.doubleOrNull(r.get("area")),
                Records.pointOrNull(r.get("lat"), r.get("lon")));
    }

    /** A building from a map with the keys of {@link #BUILDING_PROJECTION}. */
    public static Building building(MapAccessor r) {
        return new Building(r.get("id").asString(), Records.stringOrNull(r.get("name")),
                Records.intOrNull(r.get("households")), Records.intOrNull(r.get("residents")),
                Records.pointOrNull(r.get("lat"), r.get("lon")), r.get("communityId").asString());
    }
}
