package cn.nantong.livingcircle.place;

import java.util.Collection;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import cn.nantong.livingcircle.system.CypherBatches;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * The one writer of {@code :Place} nodes and their {@code OF_CATEGORY}, {@code IN_COMMUNITY} and {@code IN_CENTER}
 * relationships, shared by the CSV import, the OSM import and maintenance writes. An upsert stores every field of
 * {@link PlaceRow} (an absent value removes the property) and moves the relationships to what the row says, touching
 * a relationship only when it changes, so writing the same row again changes nothing. Every method reads or writes
 * the generation of the {@link cn.nantong.livingcircle.system.GenerationScoped} runner it is given.
 */
public final class PlaceWriter {

    private static final String UPSERT = """
            UNWIND $rows AS r
            MERGE (p:Place {id: r.id, generation: $generation})
            SET p.name = r.name, p.category = r.category, p.kind = r.kind, p.brand = r.brand, p.chain = r.chain,
                p.newOrRenovated = r.newOrRenovated, p.renovatedYear = r.renovatedYear,
                p.floorAreaSquareMeters = r.floorArea, p.openingHours = r.openingHours,
                p.location = point({latitude: r.lat, longitude: r.lon}),
                p.walkwayId = r.walkwayId, p.offsetMeters = r.offsetMeters, p.snapMeters = r.snapMeters,
                p.osmTag = r.osmTag
            FOREACH (ignored IN CASE WHEN r.label = 'Outlet' THEN [1] ELSE [] END | SET p:Outlet REMOVE p:Facility)
            FOREACH (ignored IN CASE WHEN r.label = 'Facility' THEN [1] ELSE [] END | SET p:Facility REMOVE p:Outlet)
            WITH p, r
            OPTIONAL MATCH (p)-[oldCategory:OF_CATEGORY]->(c0:ServiceCategory) WHERE c0.code <> r.category
            DELETE oldCategory
            WITH DISTINCT p, r
            OPTIONAL MATCH (p)-[oldCommunity:IN_COMMUNITY]->(c1:Community) WHERE c1.id <> r.communityId
            DELETE oldCommunity
            WITH DISTINCT p, r
            OPTIONAL MATCH (p)-[oldCenter:IN_CENTER]->(c2:CommercialCenter)
                WHERE r.centerId IS NULL OR c2.id <> r.centerId
            DELETE oldCenter
            WITH DISTINCT p, r
            OPTIONAL MATCH (category:ServiceCategory {code: r.category})
            OPTIONAL MATCH (community:Community {id: r.communityId, generation: $generation})
            OPTIONAL MATCH (center:CommercialCenter {id: r.centerId, generation: $generation})
            FOREACH (c IN CASE WHEN category IS NULL THEN [] ELSE [category] END | MERGE (p)-[:OF_CATEGORY]->(c))
            FOREACH (c IN CASE WHEN community IS NULL THEN [] ELSE [community] END | MERGE (p)-[:IN_COMMUNITY]->(c))
            FOREACH (c IN CASE WHEN center IS NULL THEN [] ELSE [center] END | MERGE (p)-[:IN_CENTER]->(c))
            """;

    /**
     * A place bound to {@code p} as a {@link PlaceRow} map, with the keys {@link PlaceRow#from} reads: the one
     * read-back projection of {@link #readAll} and {@link #read}.
     */
    public static final String STORED_ROW = """
            p {.id, .name, .category, .kind, .brand, .chain, .newOrRenovated, .renovatedYear, .openingHours,
               .walkwayId, .offsetMeters, .snapMeters, .osmTag, floorArea: p.floorAreaSquareMeters,
               label: CASE WHEN p:Outlet THEN 'Outlet' ELSE 'Facility' END,
               lat: p.location.latitude, lon: p.location.longitude,
               communityId: head([(p)-[:IN_COMMUNITY]->(c:Community) | c.id]),
               centerId: head([(p)-[:IN_CENTER]->(cc:CommercialCenter) | cc.id])}""";

    private static final String STORED = """
            MATCH (p:Place) WHERE p.generation = $generation
            WITH p ORDER BY p.id
            RETURN %s AS row
            """.formatted(STORED_ROW);

    private static final String STORED_BY_ID = """
            MATCH (p:Place) WHERE p.id IN $ids AND p.generation = $generation
            RETURN %s AS row
            """.formatted(STORED_ROW);

    private PlaceWriter() {
    }

    public static void upsert(SimpleQueryRunner tx, List<PlaceRow> rows, IntConsumer progress) {
        CypherBatches.run(tx, UPSERT, rows.stream().map(PlaceRow::parameters).toList(), progress);
    }

    /** Deletes the places and every relationship they have (walking edges included). */
    public static void delete(SimpleQueryRunner tx, Collection<String> ids, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS id
                MATCH (p:Place {id: id, generation: $generation}) DETACH DELETE p
                """, List.copyOf(ids), progress);
    }

    /**
     * Takes the write lock of a place for the rest of the transaction (a write that changes nothing), so that a
     * read-modify-write of it is not interleaved with another one.
     */
    public static void lock(SimpleQueryRunner tx, String id) {
        tx.run("""
                MATCH (p:Place {id: $id, generation: $generation})
                SET p.id = p.id
                """, Map.of("id", id)).consume();
    }

    /** Every stored place by id, in id order, as the writer would write it. */
    public static Map<String, PlaceRow> readAll(SimpleQueryRunner tx) {
        return CypherBatches.readById(tx, STORED, PlaceRow::from, PlaceRow::id);
    }

    /** The stored places among {@code ids}, in id order, as the writer would write them (absent ids are left out). */
    public static Map<String, PlaceRow> read(SimpleQueryRunner tx, Collection<String> ids) {
        // sorted here, not by ORDER BY p.id, which beside this map projection trips the planner of Neo4j 5.26
        Map<String, PlaceRow> rows = new TreeMap<>();
        tx.run(STORED_BY_ID, Map.of("ids", List.copyOf(ids)))
                .forEachRemaining(r -> rows.put(r.get("row").get("id").asString(), PlaceRow.from(r.get("row"))));
        return rows;
    }
}
