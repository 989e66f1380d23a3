package cn.nantong.livingcircle.place;

import java.util.List;
import java.util.function.IntConsumer;

import cn.nantong.livingcircle.system.CypherBatches;
import org.neo4j.driver.SimpleQueryRunner;

/** The one writer of {@code :CommercialCenter} nodes and their {@code IN_COMMUNITY} relationship. */
public final class CommercialCenterWriter {

    public record CommercialCenterRow(String id, String communityId, String name, boolean newOrRenovated,
            Integer renovatedYear, Double floorAreaSquareMeters, double lat, double lon) {
    }

    private CommercialCenterWriter() {
    }

    public static void upsert(SimpleQueryRunner tx, List<CommercialCenterRow> rows, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS r
                MATCH (c:Community {id: r.communityId, generation: $generation})
                MERGE (cc:CommercialCenter {id: r.id, generation: $generation})
                SET cc.name = r.name, cc.newOrRenovated = r.newOrRenovated, cc.renovatedYear = r.renovatedYear,
                    cc.floorAreaSquareMeters = r.floorArea, cc.location = point({latitude: r.lat, longitude: r.lon})
                MERGE (cc)-[:IN_COMMUNITY]->(c)
                """, rows.stream().map(c -> CypherBatches.row("id", c.id(), "communityId", c.communityId(), "name",
                c.name(), "newOrRenovated", c.newOrRenovated(), "renovatedYear", c.renovatedYear(), "floorArea",
                c.floorAreaSquareMeters(), "lat", c.lat(), "lon", c.lon())).toList(), progress);
    }
}
