package cn.nantong.livingcircle.importer.osm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.community.BuildingRow;
import cn.nantong.livingcircle.community.BuildingWriter;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.place.PlaceRow;
import cn.nantong.livingcircle.place.PlaceWriter;
import cn.nantong.livingcircle.system.GenerationScoped;
import cn.nantong.livingcircle.system.Neo4jSessions;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * What the active generation of the graph holds before an OSM import (every dataset, not only OSM ones): junctions, walkways, and the
 * buildings and places exactly as their writers would write them ({@link BuildingWriter#readAll},
 * {@link PlaceWriter#readAll}), so "unchanged" means record equality with the fresh row. Read in one read
 * transaction before the write transaction; imports are assumed not to run concurrently.
 */
final class ExistingGraph {

    record Walkway(String id, String fromId, String toId, int millimetres, List<Double> shape, Long osmWay,
            String kind, boolean raisedKerb) {
    }

    final Map<String, double[]> junctions = new HashMap<>();
    final List<Walkway> walkways = new ArrayList<>();
    /** Building id → its stored row, in id order. */
    final Map<String, BuildingRow> buildings = new LinkedHashMap<>();
    /** Place id → its stored row, in id order. */
    final Map<String, PlaceRow> places = new LinkedHashMap<>();

    static ExistingGraph load(Neo4jSessions sessions, long generation) {
        // a managed read transaction: retried by the driver on transient errors, each attempt filling a fresh graph
        try (Session session = sessions.read()) {
            return session.executeRead(readTx -> {
                GenerationScoped tx = GenerationScoped.of(readTx, generation);
                ExistingGraph graph = new ExistingGraph();
                tx.run("""
                        MATCH (j:Junction) WHERE j.generation = $generation
                        RETURN j.id AS id, j.location.latitude AS lat, j.location.longitude AS lon
                        """)
                        .forEachRemaining(r -> graph.junctions.put(r.get("id").asString(),
                                new double[] {r.get("lat").asDouble(), r.get("lon").asDouble()}));
                tx.run("""
                        MATCH (a:Junction)-[w:WALKWAY]->(b:Junction) WHERE a.generation = $generation
                        RETURN w.id AS id, a.id AS a, b.id AS b, w.lengthMeters AS meters, w.shape AS shape,
                               w.osmWay AS osmWay, w.kind AS kind, w.raisedKerb IS NOT NULL AS raisedKerb
                        ORDER BY id
                        """).forEachRemaining(r -> graph.walkways.add(new Walkway(r.get("id").asString(),
                        r.get("a").asString(), r.get("b").asString(),
                        Millimetres.of(r.get("meters").asDouble()),
                        r.get("shape").isNull() ? null : r.get("shape").asList(Value::asDouble),
                        r.get("osmWay").isNull() ? null : r.get("osmWay").asLong(),
                        r.get("kind").isNull() ? null : r.get("kind").asString(), r.get("raisedKerb").asBoolean())));
                graph.buildings.putAll(BuildingWriter.readAll(tx));
                graph.places.putAll(PlaceWriter.readAll(tx));
                return graph;
            });
        }
    }

    /** The stored walking edges of the given buildings: building id → (place id → metres). */
    static Map<String, Map<String, Double>> walkingEdges(Neo4jSessions sessions, long generation,
            Collection<String> buildingIds) {
        Map<String, Map<String, Double>> edges = new HashMap<>();
        if (buildingIds.isEmpty()) {
            return edges;
        }
        try (Session session = sessions.read()) {
            session.executeRead(tx -> {
                tx.run("""
                        UNWIND $ids AS id
                        MATCH (b:Building {id: id, generation: $generation})-[w:WALKS_TO]->(p:Place)
                        RETURN b.id AS b, p.id AS p, w.meters AS m
                        """, Map.of("ids", List.copyOf(buildingIds), "generation", generation)).forEachRemaining(r -> edges
                        .computeIfAbsent(r.get("b").asString(), k -> new HashMap<>())
                        .put(r.get("p").asString(), r.get("m").asDouble()));
                return null;
            });
        }
        return edges;
    }
}
