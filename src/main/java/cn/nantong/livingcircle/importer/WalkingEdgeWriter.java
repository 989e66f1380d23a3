package cn.nantong.livingcircle.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import cn.nantong.livingcircle.system.CypherBatches;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * The one writer of {@code (:Building)-[:WALKS_TO {meters}]->(:Place)} edges, for the CSV and the OSM import alike.
 * New edges are grouped by building so each batch expands a building once, and batches close at about
 * {@code batchEdges} edges rather than a number of buildings, whose edge counts vary by orders of magnitude.
 */
public final class WalkingEdgeWriter {

    /** A building's new edges. */
    public record BuildingEdges(String buildingId, List<Target> targets) {
    }

    /** One edge's far end and length. */
    public record Target(String placeId, double meters) {
    }

    /** A stored edge, to delete ({@code meters} ignored) or to give a new length. */
    public record Edge(String buildingId, String placeId, double meters) {
    }

    private WalkingEdgeWriter() {
    }

    /**
     * @param progress told the number of edges written so far after each batch
     * @return the number of edges written
     */
    public static int create(SimpleQueryRunner tx, List<BuildingEdges> rows, int batchEdges, IntConsumer progress) {
        int written = 0;
        int edges = 0;
        List<Object> batch = new ArrayList<>();
        // one pass over the rows, which may be a view computed on access
        for (BuildingEdges r : rows) {
            batch.add(CypherBatches.row("b", r.buildingId(), "targets", r.targets().stream()
                    .map(t -> CypherBatches.row("p", t.placeId(), "m", t.meters())).toList()));
            edges += r.targets().size();
            if (edges >= batchEdges) {
                written += flush(tx, batch, edges);
                progress.accept(written);
                batch.clear();
                edges = 0;
            }
        }
        if (!batch.isEmpty()) {
            written += flush(tx, batch, edges);
            progress.accept(written);
        }
        return written;
    }

    private static int flush(SimpleQueryRunner tx, List<Object> batch, int edges) {
        tx.run("""
                UNWIND $rows AS r
                MATCH (b:Building {id: r.b, generation: $generation})
                UNWIND r.targets AS t
                MATCH (p:Place {id: t.p, generation: $generation})
                CREATE (b)-[:WALKS_TO {meters: t.m}]->(p)
                """, Map.of("rows", List.copyOf(batch))).consume();
        return edges;
    }

    /** Deletes every walking edge of the buildings. */
    public static void deleteFrom(SimpleQueryRunner tx, Collection<String> buildingIds, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS id
                MATCH (:Building {id: id, generation: $generation})-[w:WALKS_TO]->()
                DELETE w
                """, List.copyOf(buildingIds), progress);
    }

    public static void delete(SimpleQueryRunner tx, List<Edge> edges, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS r
                MATCH (:Building {id: r.b, generation: $generation})-[w:WALKS_TO]->(:Place {id: r.p, generation: $generation})
                DELETE w
                """, edges.stream().map(e -> CypherBatches.row("b", e.buildingId(), "p", e.placeId())).toList(), progress);
    }

    public static void updateLengths(SimpleQueryRunner tx, List<Edge> edges, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS r
                MATCH (:Building {id: r.b, generation: $generation})-[w:WALKS_TO]->(:Place {id: r.p, generation: $generation})
                SET w.meters = r.m
                """, edges.stream().map(e -> CypherBatches.row("b", e.buildingId(), "p", e.placeId(), "m",
                e.meters())).toList(), progress);
    }
}
