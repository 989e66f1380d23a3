package cn.nantong.livingcircle.reachability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The snap legs of every answer: {@code originSnapMeters} and {@code placeSnapMeters} are the distances stored with
 * the attachments, and {@code doorToDoorMeters} adds them to the unrounded network distance of the precomputed edge,
 * all read back from the graph independently of the API.
 */
@ApplicationIT
class SnapLegsIT {

    private static final double LEG_TOLERANCE = 0.0055;

    @Autowired
    WebGraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Test
    void fromABuildingEveryReachedPlaceAddsBothStoredSnapLegsToTheNetworkDistance() {
        int compared = 0;
        for (String building : buildingsWithSnapLegs()) {
            Map<String, double[]> stored = storedWalks(building);
            GraphQlTester.Response response = graphQl.documentName("snapLegs")
                    .variable("from", Map.of("buildingId", building)).execute();
            List<Map<String, Object>> reached = nodes(response, "reachable.edges[*].node");
            reached.addAll(nodes(response, "nearest"));
            assertThat(reached).isNotEmpty();
            for (Map<String, Object> reach : reached) {
                double[] walk = stored.get(placeId(reach));
                assertThat(walk).as("a precomputed edge to %s", placeId(reach)).isNotNull();
                // the in-memory network keeps each leg to the millimetre, as every distance of the engine, and the
                // answer rounds it to the centimetre: at most 0.0005 + 0.005 m from the stored double
                assertThat(number(reach, "originSnapMeters")).isCloseTo(walk[1], within(LEG_TOLERANCE));
                assertThat(number(reach, "placeSnapMeters")).isCloseTo(walk[2], within(LEG_TOLERANCE));
                // rounded once to whole metres from the three legs, each kept to the millimetre
                assertThat(number(reach, "doorToDoorMeters")).isCloseTo(walk[0] + walk[1] + walk[2],
                        within(0.5 + 3 * 0.0005));
                assertThat(number(reach, "doorToDoorMeters")).isGreaterThanOrEqualTo(number(reach, "walkMeters"));
                compared++;
            }
            assertThat(response.path("isochrone[0].originSnapMeters").entity(Double.class).get())
                    .isCloseTo(stored.values().iterator().next()[1], within(LEG_TOLERANCE));
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void fromAPointTheOriginLegIsTheSnapAndThePlaceLegTheStoredOne() {
        Map<String, Double> placeSnap = new HashMap<>();
        double[] position;
        try (Session session = driver.session()) {
            session.run("MATCH (p:Place) WHERE p.snapMeters IS NOT NULL RETURN p.id AS id, p.snapMeters AS snap")
                    .forEachRemaining(r -> placeSnap.put(r.get("id").asString(), r.get("snap").asDouble()));
            Record b = session.run("MATCH (b:Building) RETURN b.location.latitude AS lat, b.location.longitude AS lon"
                    + " ORDER BY b.id SKIP 7 LIMIT 1").single();
            position = new double[] {b.get("lat").asDouble() + 0.0003, b.get("lon").asDouble()};
        }
        GraphQlTester.Response response = graphQl.documentName("snapLegs")
                .variable("from", Map.of("point", Map.of("lat", position[0], "lon", position[1]))).execute();
        List<Map<String, Object>> reached = nodes(response, "reachable.edges[*].node");
        assertThat(reached).isNotEmpty();
        double originSnap = number(reached.get(0), "originSnapMeters");
        assertThat(originSnap).isPositive();
        for (Map<String, Object> reach : reached) {
            assertThat(number(reach, "originSnapMeters")).isEqualTo(originSnap);
            // the in-memory copy keeps whole millimetres, then the answer rounds to centimetres
            assertThat(number(reach, "placeSnapMeters")).isCloseTo(placeSnap.get(placeId(reach)), within(0.0056));
            // walkMeters is rounded, so the sum of the rounded parts may differ from the rounded sum by one metre
            assertThat(number(reach, "doorToDoorMeters")).isCloseTo(number(reach, "walkMeters") + originSnap
                    + number(reach, "placeSnapMeters"), within(1.0));
        }
    }

    /** Five buildings whose own snap leg is not zero, so the origin leg is seen to count. */
    private List<String> buildingsWithSnapLegs() {
        try (Session session = driver.session()) {
            return session.run("""
                    MATCH (b:Building) WHERE b.snapMeters > 1 AND EXISTS { (b)-[:WALKS_TO]->() }
                    RETURN b.id AS id ORDER BY id LIMIT 5
                    """).list(r -> r.get("id").asString());
        }
    }

    /** Place id → {network metres, building snap metres, place snap metres} within the 10 minutes asked for. */
    private Map<String, double[]> storedWalks(String building) {
        Map<String, double[]> walks = new HashMap<>();
        try (Session session = driver.session()) {
            session.run("""
                    MATCH (b:Building {id: $id})-[w:WALKS_TO]->(p:Place)
                    RETURN p.id AS id, w.meters AS meters, b.snapMeters AS buildingSnap, p.snapMeters AS placeSnap
                    """, Map.of("id", building)).forEachRemaining(r -> walks.put(r.get("id").asString(),
                    new double[] {r.get("meters").asDouble(), r.get("buildingSnap").asDouble(),
                            r.get("placeSnap").asDouble()}));
        }
        return walks;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(GraphQlTester.Response response, String path) {
        return new java.util.ArrayList<>(response.path(path).entityList(Object.class).get().stream()
                .map(o -> (Map<String, Object>) o).toList());
    }

    private static String placeId(Map<String, Object> reach) {
        return (String) ((Map<?, ?>) reach.get("place")).get("id");
    }

    private static double number(Map<String, Object> reach, String field) {
        return ((Number) reach.get(field)).doubleValue();
    }
}
