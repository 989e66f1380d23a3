package cn.nantong.livingcircle.network;

import java.util.Collection;
import java.util.List;
import java.util.function.IntConsumer;

import cn.nantong.livingcircle.system.CypherBatches;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * The one writer of the walkway graph: {@code :Junction} nodes and {@code WALKWAY} relationships, shared by every
 * importer. The in-memory network ({@link CityNetworkLoader}) reads back exactly these properties. Every method
 * writes the generation of the {@link cn.nantong.livingcircle.system.GenerationScoped} runner it is given.
 */
public final class WalkwayWriter {

    public record JunctionRow(String id, double lat, double lon) {
    }

    /**
     * @param shape      interior vertices as {@code [lat, lon, lat, lon, ...]}, null for a straight segment
     * @param osmWay     the OSM way it was cut from (OSM imports only)
     * @param raisedKerb whether it crosses a raised kerb (stored only when true), which a step-free walk avoids
     */
    public record WalkwayRow(String id, String fromId, String toId, double lengthMeters, String kind,
            boolean synthetic, List<Double> shape, Long osmWay, boolean raisedKerb) {

        public WalkwayRow(String id, String fromId, String toId, double lengthMeters, String kind, boolean synthetic,
                List<Double> shape, Long osmWay) {
            this(id, fromId, toId, lengthMeters, kind, synthetic, shape, osmWay, false);
        }
    }

    private WalkwayWriter() {
    }

    public static void upsertJunctions(SimpleQueryRunner tx, List<JunctionRow> rows, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS r
                MERGE (j:Junction {id: r.id, generation: $generation}) SET j.location = point({latitude: r.lat, longitude: r.lon})
                """, rows.stream().map(j -> CypherBatches.row("id", j.id(), "lat", j.lat(), "lon", j.lon())).toList(),
                progress);
    }

    public static void upsertWalkways(SimpleQueryRunner tx, List<WalkwayRow> rows, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS r
                MATCH (a:Junction {id: r.fromId, generation: $generation}), (b:Junction {id: r.toId, generation: $generation})
                MERGE (a)-[w:WALKWAY {id: r.id}]->(b)
                SET w.lengthMeters = r.lengthMeters, w.kind = r.kind, w.synthetic = r.synthetic, w.shape = r.shape,
                    w.osmWay = r.osmWay, w.raisedKerb = r.raisedKerb
                """, rows.stream().map(WalkwayWriter::parameters).toList(), progress);
    }

    /**
     * Creates the walkways of a generation being staged, which holds none yet: no lookup of an existing walkway. The
     * upsert's {@code MERGE} is planned against the relationship statistics of its first batch; on a large import,
     * a plan from an empty graph scans the walkway index once per row.
     */
    public static void createWalkways(SimpleQueryRunner tx, List<WalkwayRow> rows, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS r
                MATCH (a:Junction {id: r.fromId, generation: $generation}), (b:Junction {id: r.toId, generation: $generation})
                CREATE (a)-[:WALKWAY {id: r.id, lengthMeters: r.lengthMeters, kind: r.kind, synthetic: r.synthetic,
                                      shape: r.shape, osmWay: r.osmWay, raisedKerb: r.raisedKerb}]->(b)
                """, rows.stream().map(WalkwayWriter::parameters).toList(), progress);
    }

    private static java.util.Map<String, Object> parameters(WalkwayRow w) {
        return CypherBatches.row("id", w.id(), "fromId", w.fromId(), "toId", w.toId(), "lengthMeters",
                w.lengthMeters(), "kind", w.kind(), "synthetic", w.synthetic(), "shape", w.shape(), "osmWay", w.osmWay(),
                // null removes the property: only the walkways that cross a raised kerb carry it
                "raisedKerb", w.raisedKerb() ? Boolean.TRUE : null);
    }

    public static void deleteWalkways(SimpleQueryRunner tx, Collection<String> ids, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS id
                MATCH (a:Junction)-[w:WALKWAY {id: id}]->() WHERE a.generation = $generation DELETE w
                """, List.copyOf(ids), progress);
    }

    /** Deletes those of the junctions that no relationship touches any more. */
    public static void deleteOrphanJunctions(SimpleQueryRunner tx, Collection<String> ids, IntConsumer progress) {
        CypherBatches.run(tx, """
                UNWIND $rows AS id
                MATCH (j:Junction {id: id, generation: $generation}) WHERE NOT (j)--()
                DELETE j
                """, List.copyOf(ids), progress);
    }
}
