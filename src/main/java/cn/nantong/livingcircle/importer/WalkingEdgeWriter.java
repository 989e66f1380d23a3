package cn.nantong.livingcircle.importer;

import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.neo4j.driver.Transaction;

/**
 * Writes {@code (:Building)-[:WALKS_TO {meters}]->(:Place)} edges for the CSV and the OSM import alike. Rows are
 * grouped by building ({@code {b: buildingId, targets: [{p: placeId, m: meters}]}}) so each batch expands a building
 * once, and batches close at about {@code batchEdges} edges rather than a number of buildings, whose edge counts vary
 * by orders of magnitude.
 */
public final class WalkingEdgeWriter {

    private WalkingEdgeWriter() {
    }

    /**
     * @param progress told the number of edges written so far after each batch
     * @return the number of edges written
     */
    public static int create(Transaction tx, List<Map<String, Object>> rows, int batchEdges, IntConsumer progress) {
        int written = 0;
        int from = 0;
        int edges = 0;
        for (int i = 0; i < rows.size(); i++) {
            edges += ((List<?>) rows.get(i).get("targets")).size();
            if (edges >= batchEdges || i == rows.size() - 1) {
                tx.run("""
                        UNWIND $rows AS r
                        MATCH (b:Building {id: r.b})
                        UNWIND r.targets AS t
                        MATCH (p:Place {id: t.p})
                        CREATE (b)-[:WALKS_TO {meters: t.m}]->(p)
                        """, Map.of("rows", rows.subList(from, i + 1))).consume();
                written += edges;
                progress.accept(written);
                from = i + 1;
                edges = 0;
            }
        }
        return written;
    }
}
