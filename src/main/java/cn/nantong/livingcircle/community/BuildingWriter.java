package cn.nantong.livingcircle.community;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import cn.nantong.livingcircle.system.CypherBatches;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * The one writer of {@code :Building} nodes and their {@code IN_COMMUNITY} relationship, shared by every importer.
 * An upsert stores every field of {@link BuildingRow} and moves the building to the row's community, touching the
 * relationship only when it changes. Walking edges are {@code WalkingEdgeWriter}'s. Every method reads or writes
 * the generation of the {@link cn.nantong.livingcircle.system.GenerationScoped} runner it is given.
 */
public final class BuildingWriter {

    private static final String UPSERT = """
            UNWIND $rows AS r
            MERGE (b:Building {id: r.id, generation: $generation})
            SET b.name = r.name, b.households = r.households, b.residents = r.residents,
                b.location = point({latitude: r.lat, longitude: r.lon}), b.walkwayId = r.walkwayId,
                b.offsetMeters = r.offsetMeters, b.snapMeters = r.snapMeters, b.buildingType = r.buildingType,
                b.levels = r.levels, b.footprintSquareMeters = r.footprintSquareMeters
            WITH b, r
            OPTIONAL MATCH (b)-[old:IN_COMMUNITY]->(c0:Community) WHERE c0.id <> r.communityId
            DELETE old
            WITH DISTINCT b, r
            MATCH (c:Community {id: r.communityId, generation: $generation})
            MERGE (b)-[:IN_COMMUNITY]->(c)
            """;

    private static final String STORED = """
            MATCH (b:Building) WHERE b.generation = $generation
            OPTIONAL MATCH (b)-[:IN_COMMUNITY]->(c:Community)
            RETURN b {.id, .name, .households, .residents, .walkwayId, .offsetMeters, .snapMeters,
                      .buildingType, .levels, .footprintSquareMeters,
                      lat: b.location.latitude, lon: b.location.longitude, communityId: c.id} AS row
            ORDER BY b.id
            """;

    private BuildingWriter() {
    }

    public static void upsert(SimpleQueryRunner tx, List<BuildingRow> rows, IntConsumer progress) {
        CypherBatches.run(tx, UPSERT, rows.stream().map(BuildingRow::parameters).toList(), progress);
    }

    /** Deletes the buildings with every relationship they have (walking edges included). */
    public static void delete(SimpleQueryRunner tx, Collection<String> ids, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS id
                MATCH (b:Building {id: id, generation: $generation}) DETACH DELETE b
                """, List.copyOf(ids), progress);
    }

    /** Every stored building by id, in id order, as the writer would write it. */
    public static Map<String, BuildingRow> readAll(SimpleQueryRunner tx) {
        return CypherBatches.readById(tx, STORED, BuildingRow::from, BuildingRow::id);
    }
}
