package cn.nantong.livingcircle.community;

import java.util.Collection;
import java.util.List;
import java.util.function.IntConsumer;

import cn.nantong.livingcircle.system.CypherBatches;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * The one writer of the administrative areas: {@code :District}, {@code :Subdistrict} and {@code :Community} with
 * their {@code IN_DISTRICT} / {@code IN_SUBDISTRICT} relationships, shared by every importer. Every method writes
 * the generation of the {@link cn.nantong.livingcircle.system.GenerationScoped} runner it is given.
 */
public final class CommunityWriter {

    public record DistrictRow(String id, String nameZh, String nameEn) {
    }

    public record SubdistrictRow(String id, String districtId, String nameZh, String nameEn) {
    }

    /**
     * @param households null when the import does not know them: they are then summed from the community's
     *                   buildings by {@link #recomputeTotals} (OpenStreetMap), and an upsert leaves them alone
     */
    public record CommunityRow(String id, String subdistrictId, String nameZh, String nameEn, double lat, double lon,
            Double areaSquareMeters, Integer households, Integer residents, boolean pilot, String nameSource) {
    }

    private CommunityWriter() {
    }

    public static void upsertDistricts(SimpleQueryRunner tx, List<DistrictRow> rows, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS r
                MERGE (d:District {id: r.id, generation: $generation}) SET d.nameZh = r.nameZh, d.nameEn = r.nameEn
                """, rows.stream().map(d -> CypherBatches.row("id", d.id(), "nameZh", d.nameZh(), "nameEn",
                d.nameEn())).toList(), progress);
    }

    public static void upsertSubdistricts(SimpleQueryRunner tx, List<SubdistrictRow> rows, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS r
                MATCH (d:District {id: r.districtId, generation: $generation})
                MERGE (s:Subdistrict {id: r.id, generation: $generation}) SET s.nameZh = r.nameZh, s.nameEn = r.nameEn
                MERGE (s)-[:IN_DISTRICT]->(d)
                """, rows.stream().map(s -> CypherBatches.row("id", s.id(), "districtId", s.districtId(), "nameZh",
                s.nameZh(), "nameEn", s.nameEn())).toList(), progress);
    }

    public static void upsertCommunities(SimpleQueryRunner tx, List<CommunityRow> rows, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS r
                MATCH (s:Subdistrict {id: r.subdistrictId, generation: $generation})
                MERGE (c:Community {id: r.id, generation: $generation})
                SET c.nameZh = r.nameZh, c.nameEn = r.nameEn, c.location = point({latitude: r.lat, longitude: r.lon}),
                    c.areaSquareMeters = r.area, c.pilot = r.pilot, c.nameSource = r.nameSource
                FOREACH (ignored IN CASE WHEN r.households IS NULL THEN [] ELSE [1] END |
                    SET c.households = r.households, c.residents = r.residents)
                MERGE (c)-[:IN_SUBDISTRICT]->(s)
                """, rows.stream().map(c -> CypherBatches.row("id", c.id(), "subdistrictId", c.subdistrictId(),
                "nameZh", c.nameZh(), "nameEn", c.nameEn(), "lat", c.lat(), "lon", c.lon(), "area",
                c.areaSquareMeters(), "households", c.households(), "residents", c.residents(), "pilot", c.pilot(),
                "nameSource", c.nameSource())).toList(), progress);
    }

    /** Sets each community's households and residents to the sums over its buildings. */
    public static void recomputeTotals(SimpleQueryRunner tx, Collection<String> communityIds, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS id
                MATCH (c:Community {id: id, generation: $generation})
                OPTIONAL MATCH (b:Building)-[:IN_COMMUNITY]->(c)
                WITH c, sum(b.households) AS households, sum(b.residents) AS residents
                SET c.households = households, c.residents = residents
                """, List.copyOf(communityIds), progress);
    }
}
