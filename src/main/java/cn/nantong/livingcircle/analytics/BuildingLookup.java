package cn.nantong.livingcircle.analytics;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.api.Records;
import cn.nantong.livingcircle.community.Building;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Loads the buildings of one page of analytics results in a single query. */
@Repository
@Transactional(readOnly = true)
class BuildingLookup {

    private final Neo4jClient neo4j;

    BuildingLookup(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Map<String, Building> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return neo4j.query("""
                        MATCH (b:Building)-[:IN_COMMUNITY]->(c:Community) WHERE b.id IN $ids
                        RETURN b.id AS id, b.name AS name, b.households AS households, b.residents AS residents,
                               b.location.latitude AS lat, b.location.longitude AS lon, c.id AS communityId
                        """)
                .bind(List.copyOf(ids)).to("ids")
                .fetchAs(Building.class)
                .mappedBy((t, r) -> new Building(r.get("id").asString(), Records.stringOrNull(r.get("name")),
                        Records.intOrNull(r.get("households")), Records.intOrNull(r.get("residents")),
                        Records.pointOrNull(r.get("lat"), r.get("lon")), r.get("communityId").asString()))
                .all().stream().collect(Collectors.toMap(Building::id, Function.identity()));
    }
}
