package cn.nantong.livingcircle.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.ToIntFunction;

import cn.nantong.livingcircle.system.CypherBatches;
import cn.nantong.livingcircle.system.GenerationScoped;
import cn.nantong.livingcircle.system.Neo4jSessions;
import org.neo4j.driver.Session;
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
        int[] written = {0};
        inBatches(rows, batchEdges, () -> false, batch -> batch.flush(tx), edges -> {
            written[0] += edges;
            progress.accept(written[0]);
        });
        return written[0];
    }

    /**
     * Writes the edges into generation {@code generation} with {@code writers} sessions at once, each batch its own
     * transaction. One writer spends most of its time in the database's single transaction thread while the other
     * core idles, so on two cores two writers wrote the city-scale import's edges 1.66 times as fast. Each writer
     * takes one contiguous share of the buildings: buildings next to each other in the input are next to each other
     * on the map, so two writers rarely create edges to the same place at once, and when they do collide on a place's
     * lock the driver retries the batch ({@code executeWrite}). The first failure stops every writer after its
     * current batch, and is thrown once all have stopped, so nothing is still writing while the caller discards what
     * was staged.
     *
     * @param progress told the number of edges written so far after each batch, by one writer at a time
     * @return the number of edges written
     */
    public static int createInParallel(Neo4jSessions sessions, long generation, List<BuildingEdges> rows,
            int batchEdges, int writers, IntConsumer progress) {
        int shares = Math.max(1, Math.min(writers, rows.size()));
        AtomicInteger written = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        IntConsumer report = edges -> {
            synchronized (progress) {
                progress.accept(written.addAndGet(edges));
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(shares, task -> {
            Thread thread = new Thread(task, "walking-edge-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(shares);
            for (int w = 0; w < shares; w++) {
                List<BuildingEdges> share = rows.subList(w * rows.size() / shares, (w + 1) * rows.size() / shares);
                futures.add(pool.submit(() -> {
                    try (Session session = sessions.write()) {
                        writeShare(session, generation, share, batchEdges, failed, report);
                    } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            RuntimeException first = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException(e.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } catch (InterruptedException e) {
            failed.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing walking edges", e);
        } finally {
            pool.shutdownNow();
        }
        return written.get();
    }

    private static void writeShare(Session session, long generation, List<BuildingEdges> rows, int batchEdges,
            AtomicBoolean failed, IntConsumer report) {
        inBatches(rows, batchEdges, failed::get,
                batch -> session.executeWrite(tx -> batch.flush(GenerationScoped.of(tx, generation))), report);
    }

    /**
     * Cuts the rows into batches of about {@code batchEdges} edges in one pass (the rows may be a view computed on
     * access), flushes each until {@code stopped}, and tells {@code flushed} the edges of each batch written.
     */
    private static void inBatches(List<BuildingEdges> rows, int batchEdges, BooleanSupplier stopped,
            ToIntFunction<Batch> flush, IntConsumer flushed) {
        Batch batch = new Batch();
        for (Iterator<BuildingEdges> it = rows.iterator(); it.hasNext() && !stopped.getAsBoolean(); ) {
            batch.add(it.next());
            if (batch.edges >= batchEdges) {
                flushed.accept(flush.applyAsInt(batch));
                batch = new Batch();
            }
        }
        if (batch.edges > 0 && !stopped.getAsBoolean()) {
            flushed.accept(flush.applyAsInt(batch));
        }
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
