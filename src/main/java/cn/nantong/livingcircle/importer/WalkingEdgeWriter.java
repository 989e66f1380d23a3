package cn.nantong.livingcircle.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
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
        Batch batch = new Batch();
        // one pass over the rows, which may be a view computed on access
        for (BuildingEdges r : rows) {
            batch.add(r);
            if (batch.edges >= batchEdges) {
                written += batch.flush(tx);
                progress.accept(written);
                batch = new Batch();
            }
        }
        if (batch.edges > 0) {
            written += batch.flush(tx);
            progress.accept(written);
        }
        return written;
    }

    /**
     * One statement's edges. A place is reached from hundreds of buildings, so each batch looks its places up once
     * and the edges name them by position in that list: no index seek and no id string per edge.
     */
    private static final class Batch {

        private final Map<String, Integer> placeIndex = new LinkedHashMap<>();
        private final List<Object> buildings = new ArrayList<>();
        private int edges;

        void add(BuildingEdges r) {
            List<Integer> targets = new ArrayList<>(r.targets().size());
            List<Double> meters = new ArrayList<>(r.targets().size());
            for (Target t : r.targets()) {
                targets.add(placeIndex.computeIfAbsent(t.placeId(), id -> placeIndex.size()));
                meters.add(t.meters());
            }
            buildings.add(CypherBatches.row("b", r.buildingId(), "t", targets, "m", meters));
            edges += targets.size();
        }

        int flush(SimpleQueryRunner tx) {
            // the WHERE holds only if every place was found in the order asked for, so a position means its place
            long created = tx.run("""
                    UNWIND $places AS placeId
                    MATCH (p:Place {id: placeId, generation: $generation})
                    WITH collect(p) AS places, collect(p.id) AS found
                    WHERE found = $places
                    UNWIND $rows AS r
                    MATCH (b:Building {id: r.b, generation: $generation})
                    UNWIND range(0, size(r.t) - 1) AS i
                    WITH b, places[r.t[i]] AS p, r.m[i] AS meters
                    CREATE (b)-[:WALKS_TO {meters: meters}]->(p)
                    """, Map.of("places", List.copyOf(placeIndex.keySet()), "rows", buildings)).consume()
                    .counters().relationshipsCreated();
            if (created != edges) {
                throw new IllegalStateException("Wrote " + created + " of " + edges + " walking edges: a building "
                        + "or place of the batch is missing from the generation");
            }
            return edges;
        }
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
