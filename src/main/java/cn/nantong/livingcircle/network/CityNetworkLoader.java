package cn.nantong.livingcircle.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.IntList;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.PlaceLocator;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.engine.WalkwayNetwork;
import cn.nantong.livingcircle.system.GenerationScoped;
import cn.nantong.livingcircle.system.Neo4jSessions;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Streams the walkway graph, the buildings and the places out of Neo4j (read sessions, so a cluster serves it from
 * a secondary) into a {@link CityNetwork}. Uses the plain driver: hundreds of thousands of small records, no
 * mapping.
 */
@Component
class CityNetworkLoader {

    private final Neo4jSessions sessions;
    private final WalkingProperties walking;

    CityNetworkLoader(Neo4jSessions sessions, WalkingProperties walking) {
        this.sessions = sessions;
        this.walking = walking;
    }

    CityNetwork load(String version, long generation) {
        try (Session session = sessions.read()) {
            return session.executeRead(readTx -> {
                GenerationScoped tx = GenerationScoped.of(readTx, generation);
                Map<String, Integer> junctionIndex = new HashMap<>();
                WalkwayNetwork.Builder builder = WalkwayNetwork.builder();
                tx.run("""
                        MATCH (j:Junction) WHERE j.generation = $generation
                        RETURN j.id AS id, j.location.latitude AS lat, j.location.longitude AS lon
                        """)
                        .forEachRemaining(r -> junctionIndex.put(r.get("id").asString(),
                                builder.addJunction(r.get("lat").asDouble(), r.get("lon").asDouble())));
                List<String> walkwayIds = new ArrayList<>();
                List<String> walkwayKinds = new ArrayList<>();
                List<Boolean> walkwayKerbs = new ArrayList<>();
                Map<String, Integer> segmentIndex = new HashMap<>();
                tx.run("""
                        MATCH (a:Junction)-[w:WALKWAY]->(b:Junction) WHERE a.generation = $generation
                        RETURN w.id AS id, a.id AS a, b.id AS b, w.lengthMeters AS meters, w.shape AS shape,
                               w.kind AS kind, w.raisedKerb IS NOT NULL AS raisedKerb
                        """).forEachRemaining(r -> {
                    int mm = Millimetres.of(r.get("meters").asDouble());
                    Value shape = r.get("shape");
                    int s = shape.isNull()
                            ? builder.addSegment(junctionIndex.get(r.get("a").asString()),
                                    junctionIndex.get(r.get("b").asString()), mm)
                            : builder.addSegment(junctionIndex.get(r.get("a").asString()),
                                    junctionIndex.get(r.get("b").asString()), toArray(shape), mm);
                    segmentIndex.put(r.get("id").asString(), s);
                    walkwayIds.add(r.get("id").asString());
                    walkwayKinds.add(r.get("kind").isNull() ? null : r.get("kind").asString());
                    walkwayKerbs.add(r.get("raisedKerb").asBoolean());
                });
                WalkwayNetwork network = builder.build();

                List<String> communityIds = new ArrayList<>();
                Map<String, Integer> communityIndex = new HashMap<>();
                tx.run("MATCH (c:Community) WHERE c.generation = $generation RETURN c.id AS id ORDER BY id").forEachRemaining(r -> {
                    communityIndex.put(r.get("id").asString(), communityIds.size());
                    communityIds.add(r.get("id").asString());
                });

                List<String> buildingIds = new ArrayList<>();
                List<Attachment> buildingAttachments = new ArrayList<>();
                IntList residents = new IntList();
                IntList households = new IntList();
                IntList buildingCommunity = new IntList();
                IntList buildingSnap = new IntList();
                tx.run("""
                        MATCH (b:Building) WHERE b.generation = $generation AND b.walkwayId IS NOT NULL
                        OPTIONAL MATCH (b)-[:IN_COMMUNITY]->(c:Community)
                        RETURN b.id AS id, b.walkwayId AS walkwayId, b.offsetMeters AS offset,
                               b.residents AS residents, b.households AS households, c.id AS community,
                               b.snapMeters AS snap
                        ORDER BY id
                        """).forEachRemaining(r -> {
                    Integer segment = segmentIndex.get(r.get("walkwayId").asString());
                    if (segment == null) {
                        return;
                    }
                    buildingIds.add(r.get("id").asString());
                    buildingAttachments.add(attachment(network, segment, r.get("offset").asDouble()));
                    residents.add(r.get("residents").isNull() ? 0 : r.get("residents").asInt());
                    households.add(r.get("households").isNull() ? 0 : r.get("households").asInt());
                    buildingCommunity.add(r.get("community").isNull() ? -1
                            : communityIndex.getOrDefault(r.get("community").asString(), -1));
                    buildingSnap.add(snapMillimetres(r.get("snap")));
                });

                List<String> categoryCodes = new ArrayList<>();
                Map<String, Integer> categoryIndex = new HashMap<>();
                tx.run("MATCH (c:ServiceCategory) RETURN c.code AS code ORDER BY code").forEachRemaining(r -> {
                    categoryIndex.put(r.get("code").asString(), categoryCodes.size());
                    categoryCodes.add(r.get("code").asString());
                });

                List<String> placeIds = new ArrayList<>();
                IntList placeCategory = new IntList();
                IntList placeSegment = new IntList();
                IntList placeOffset = new IntList();
                IntList placeSnap = new IntList();
                List<String> placeHours = new ArrayList<>();
                List<Boolean> placeOutlet = new ArrayList<>();
                tx.run("""
                        MATCH (p:Place) WHERE p.generation = $generation AND p.walkwayId IS NOT NULL
                        RETURN p.id AS id, p.walkwayId AS walkwayId, p.offsetMeters AS offset, p.category AS category,
                               p:Outlet AS outlet, p.snapMeters AS snap, p.openingHours AS hours
                        ORDER BY id
                        """).forEachRemaining(r -> {
                    Integer segment = segmentIndex.get(r.get("walkwayId").asString());
                    Integer category = categoryIndex.get(r.get("category").asString(""));
                    if (segment == null || category == null) {
                        return;
                    }
                    Attachment a = attachment(network, segment, r.get("offset").asDouble());
                    placeIds.add(r.get("id").asString());
                    placeCategory.add(category);
                    placeSegment.add(a.segment());
                    placeOffset.add(a.offsetMillimetres());
                    placeOutlet.add(r.get("outlet").asBoolean());
                    placeSnap.add(snapMillimetres(r.get("snap")));
                    placeHours.add(r.get("hours").isNull() ? null : r.get("hours").asString());
                });
                boolean[] outlet = new boolean[placeOutlet.size()];
                for (int i = 0; i < outlet.length; i++) {
                    outlet[i] = placeOutlet.get(i);
                }
                return new CityNetwork(version, network, new SegmentSnapper(network, walking.minSnapComponentMeters()), walkwayIds.toArray(String[]::new),
                        buildingIds.toArray(String[]::new), buildingAttachments.toArray(Attachment[]::new),
                        residents.toArray(), households.toArray(), buildingCommunity.toArray(),
                        communityIds.toArray(String[]::new), placeIds.toArray(String[]::new), placeCategory.toArray(),
                        outlet, categoryCodes.toArray(String[]::new),
                        new PlaceLocator(network, placeSegment.toArray(), placeOffset.toArray()),
                        index(buildingIds), index(placeIds), communityIndex, categoryIndex, buildingSnap.toArray(),
                        placeSnap.toArray(), placeHours.toArray(String[]::new),
                        walkwayKinds.toArray(String[]::new), booleans(walkwayKerbs));
            });
        }
    }

    private static boolean[] booleans(List<Boolean> values) {
        boolean[] array = new boolean[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    /** Stored offsets are whole millimetres written as metres; clamp guards a length edited after attachment. */
    private static Attachment attachment(WalkwayNetwork network, int segment, double offsetMeters) {
        int mm = Millimetres.of(offsetMeters);
        return new Attachment(segment, Math.max(0, Math.min(mm, network.segmentMillimetres(segment))));
    }

    /** Every writer stores the snap distance with the attachment; 0 only for rows written before it was kept. */
    private static int snapMillimetres(Value snapMeters) {
        return snapMeters.isNull() ? 0 : Millimetres.of(snapMeters.asDouble());
    }

    private static double[] toArray(Value shape) {
        List<Double> values = shape.asList(Value::asDouble);
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> map = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            map.put(ids.get(i), i);
        }
        return map;
    }
}
