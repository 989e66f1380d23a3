package cn.nantong.livingcircle.maintenance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.api.Connection;
import cn.nantong.livingcircle.api.Cursor;
import cn.nantong.livingcircle.api.PageRequest;
import cn.nantong.livingcircle.api.Records;
import cn.nantong.livingcircle.maintenance.MaintenanceTypes.ChangeKind;
import cn.nantong.livingcircle.maintenance.MaintenanceTypes.PlaceChange;
import cn.nantong.livingcircle.maintenance.MaintenanceTypes.WalkingEdgeChanges;
import cn.nantong.livingcircle.system.CypherBatches;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reads the audit trail: the change feed, oldest first, keyset-paged on (time, id). */
@Repository
@Transactional(readOnly = true)
class PlaceChangeRepository {

    static final String CURSOR = "change";
    private static final int DEFAULT_PAGE = 50;

    /** The change projection: a {@code (:PlaceChange)} bound to {@code c}, read back by {@link #fromProjection}. */
    static final String CHANGE_PROJECTION = """
            c {.id, .kind, .operation, .placeId, .changedBy, .fields, .before, .after, .reason, .datasetVersion,
               .walkingEdgesCreated, .walkingEdgesUpdated, .walkingEdgesDeleted, changedAt: c.changedAt}""";

    private final Neo4jClient neo4j;
    private final JsonMapper json;

    PlaceChangeRepository(Neo4jClient neo4j, JsonMapper json) {
        this.neo4j = neo4j;
        this.json = json;
    }

    Connection<PlaceChange> since(OffsetDateTime since, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after, DEFAULT_PAGE, CURSOR);
        OffsetDateTime from = since.withOffsetSameInstant(ZoneOffset.UTC);
        Long afterMillis = page.after() == null ? null : (long) page.after().key();
        String afterId = page.after() == null ? null : page.after().id();
        int total = neo4j.query("""
                        MATCH (c:PlaceChange) WHERE c.changedAt >= $since
                        RETURN count(c) AS total
                        """)
                .bind(from).to("since")
                .fetchAs(Integer.class).mappedBy((t, r) -> r.get("total").asInt()).one().orElse(0);
        List<PlaceChange> rows = List.copyOf(neo4j.query("""
                        MATCH (c:PlaceChange) WHERE c.changedAt >= $since
                          AND ($afterMillis IS NULL OR c.changedAt.epochMillis > $afterMillis
                               OR (c.changedAt.epochMillis = $afterMillis AND c.id > $afterId))
                        RETURN %s AS change
                        ORDER BY c.changedAt, c.id
                        LIMIT $limit
                        """.formatted(CHANGE_PROJECTION))
                .bindAll(CypherBatches.row("since", from, "afterMillis", afterMillis, "afterId", afterId, "limit",
                        page.limitPlusOne()))
                .fetchAs(PlaceChange.class).mappedBy((t, r) -> fromProjection(r.get("change"))).all());
        return Connection.fromRows(rows, page,
                c -> Cursor.encode(CURSOR, c.changedAt().toInstant().toEpochMilli(), c.id()), total);
    }

    PlaceChange fromProjection(MapAccessor r) {
        return new PlaceChange(r.get("id").asString(), ChangeKind.valueOf(r.get("kind").asString()),
                r.get("operation").asString(), r.get("placeId").asString(),
                r.get("changedAt").asZonedDateTime().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                r.get("changedBy").asString(), r.get("fields").asList(v -> v.asString()),
                parse(Records.stringOrNull(r.get("before"))), parse(Records.stringOrNull(r.get("after"))),
                Records.stringOrNull(r.get("reason")), r.get("datasetVersion").asString(),
                new WalkingEdgeChanges(r.get("walkingEdgesCreated").asInt(), r.get("walkingEdgesUpdated").asInt(),
                        r.get("walkingEdgesDeleted").asInt()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String text) {
        return text == null ? null : json.readValue(text, Map.class);
    }
}
