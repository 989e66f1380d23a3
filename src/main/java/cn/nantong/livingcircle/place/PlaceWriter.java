package cn.nantong.livingcircle.place;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import cn.nantong.livingcircle.system.CypherBatches;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * The one writer of {@code :Place} nodes and their {@code OF_CATEGORY}, {@code IN_COMMUNITY} and {@code IN_CENTER}
 * relationships, shared by the CSV import, the OSM import and maintenance writes. An upsert stores every field of
 * {@link PlaceRow} (an absent value removes the property) and moves the relationships to what the row says, touching
 * a relationship only when it changes, so writing the same row again changes nothing.
 */
public final class PlaceWriter {

    private static final String UPSERT = """
            UNWIND $rows AS r
            MERGE (p:Place {id: r.id})
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
            OPTIONAL MATCH (community:Community {id: r.communityId})
            OPTIONAL MATCH (center:CommercialCenter {id: r.centerId})
            FOREACH (c IN CASE WHEN category IS NULL THEN [] ELSE [category] END | MERGE (p)-[:OF_CATEGORY]->(c))
            FOREACH (c IN CASE WHEN community IS NULL THEN [] ELSE [community] END | MERGE (p)-[:IN_COMMUNITY]->(c))
            FOREACH (c IN CASE WHEN center IS NULL THEN [] ELSE [center] END | MERGE (p)-[:IN_CENTER]->(c))
            """;

    /** Reads places back as {@link PlaceRow}s: the same keys {@link PlaceRow#from} maps. */
    private static final String STORED = """
            MATCH (p:Place)
            OPTIONAL MATCH (p)-[:IN_COMMUNITY]->(c:Community)
            RETURN p {.id, .name, .category, .kind, .brand, .chain, .newOrRenovated, .renovatedYear, .openingHours,
                      .walkwayId, .offsetMeters, .snapMeters, .osmTag, floorArea: p.floorAreaSquareMeters,
                      label: CASE WHEN p:Outlet THEN 'Outlet' ELSE 'Facility' END,
                      lat: p.location.latitude, lon: p.location.longitude, communityId: c.id,
                      centerId: head([(p)-[:IN_CENTER]->(cc:CommercialCenter) | cc.id])} AS row
            ORDER BY p.id
            """;

    private PlaceWriter() {
    }

    public static void upsert(SimpleQueryRunner tx, List<PlaceRow> rows, IntConsumer progress) {
        CypherBatches.run(tx, UPSERT, rows.stream().map(PlaceRow::parameters).toList(), progress);
    }

    /** Deletes the places and every relationship they have (walking edges included). */
    public static void delete(SimpleQueryRunner tx, Collection<String> ids, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS id
                MATCH (p:Place {id: id}) DETACH DELETE p
                """, List.copyOf(ids), progress);
    }

    /** Every stored place by id, in id order, as the writer would write it. */
    public static Map<String, PlaceRow> readAll(SimpleQueryRunner tx) {
        return CypherBatches.readById(tx, STORED, PlaceRow::from, PlaceRow::id);
    }
}
