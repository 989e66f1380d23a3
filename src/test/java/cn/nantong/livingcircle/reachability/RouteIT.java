package cn.nantong.livingcircle.reachability;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code route} on the demo data: its distances are the precomputed walking edges' (an independent computation, by
 * the importer), its walkways a connected chain of stored walkways whose metres add up to the distance, and its line
 * runs from the building's position to the place's.
 */
@ApplicationIT
class RouteIT {

    @Autowired
    WebGraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Test
    void everyRouteFromABuildingIsAsLongAsItsPrecomputedWalkingEdgeAndAConnectedChainOfWalkways() {
        Map<String, String[]> walkwayEnds = walkwayEnds();
        int compared = 0;
        for (Record edge : edges()) {
            String building = edge.get("building").asString();
            String place = edge.get("place").asString();
            double meters = edge.get("meters").asDouble();
            Map<String, Object> route = route(Map.of("buildingId", building), place, null)
                    .path("route").entity(Map.class).get();
            assertThat(number(route, "walkMeters")).isEqualTo(Math.round(meters));
            assertThat(number(route, "doorToDoorMeters")).isEqualTo(Math.round(meters
                    + edge.get("buildingSnap").asDouble() + edge.get("placeSnap").asDouble()));
            List<Map<String, Object>> walkways = list(route.get("walkways"));
            double sum = walkways.stream().mapToDouble(w -> number(w, "walkMeters")).sum();
            assertThat(sum).isCloseTo(meters, within(0.002 * walkways.size() + 0.001));
            for (int i = 0; i + 1 < walkways.size(); i++) {
                String[] here = walkwayEnds.get((String) walkways.get(i).get("walkwayId"));
                String[] next = walkwayEnds.get((String) walkways.get(i + 1).get("walkwayId"));
                assertThat(here).as("a stored walkway").isNotNull();
                assertThat(Set.of(here[0], here[1])).as("walkways %s and %s meet", walkways.get(i),
                        walkways.get(i + 1)).containsAnyOf(next[0], next[1]);
            }
            Map<String, Object> geometry = (Map<String, Object>) route.get("geometry");
            assertThat(geometry.get("type")).isEqualTo("LineString");
            List<List<Double>> positions = (List<List<Double>>) geometry.get("coordinates");
            assertThat(positions.get(0)).containsExactly(round7(edge.get("bLon").asDouble()),
                    round7(edge.get("bLat").asDouble()));
            Map<String, Object> location = (Map<String, Object>) ((Map<String, Object>) route.get("place"))
                    .get("location");
            assertThat(positions.get(positions.size() - 1)).containsExactly(round7(number(location, "lon")),
                    round7(number(location, "lat")));
            assertThat(positions.size()).isGreaterThanOrEqualTo(walkways.size());
            compared++;
        }
        assertThat(compared).isEqualTo(40);
    }

    @Test
    void aGcj02LineIsTheWgs84LineShiftedByTheDatumButTheDistancesStay() {
        Record edge = edges().get(3);
        Map<String, Object> from = Map.of("buildingId", edge.get("building").asString());
        Map<String, Object> wgs = route(from, edge.get("place").asString(), "WGS84").path("route")
                .entity(Map.class).get();
        Map<String, Object> gcj = route(from, edge.get("place").asString(), "GCJ02").path("route")
                .entity(Map.class).get();
        assertThat(gcj.get("walkMeters")).isEqualTo(wgs.get("walkMeters"));
        List<List<Double>> w = (List<List<Double>>) ((Map<String, Object>) wgs.get("geometry")).get("coordinates");
        List<List<Double>> g = (List<List<Double>>) ((Map<String, Object>) gcj.get("geometry")).get("coordinates");
        assertThat(g).hasSameSizeAs(w);
        // GCJ-02 moves Nantong by a few hundred metres, roughly the same everywhere in the demo area
        assertThat(g.get(0).get(0) - w.get(0).get(0)).isBetween(0.001, 0.01);
    }

    @Test
    void aPointOriginStartsAtThePointAndReportsItsSnap() {
        Record edge = edges().get(5);
        double lat = edge.get("bLat").asDouble() + 0.0002;
        double lon = edge.get("bLon").asDouble();
        Map<String, Object> route = route(Map.of("point", Map.of("lat", lat, "lon", lon)),
                edge.get("place").asString(), null).path("route").entity(Map.class).get();
        List<List<Double>> positions = (List<List<Double>>) ((Map<String, Object>) route.get("geometry"))
                .get("coordinates");
        assertThat(positions.get(0)).containsExactly(round7(lon), round7(lat));
        assertThat(number(route, "originSnapMeters")).isPositive();
        assertThat(number(route, "doorToDoorMeters")).isCloseTo(number(route, "walkMeters")
                + number(route, "originSnapMeters") + number(route, "placeSnapMeters"), within(1.0));
    }

    @Test
    void anUnknownPlaceIsNotFoundAndAPlaceBeyondTheHorizonIsNotReachable() {
        Record edge = edges().get(0);
        Map<String, Object> from = Map.of("buildingId", edge.get("building").asString());
        assertThat(codes(route(from, "no-such-place", null))).containsExactly("NOT_FOUND");
        String far;
        try (Session session = driver.session()) {
            far = session.run("""
                    MATCH (b:Building {id: $id}), (p:Place) WHERE p.walkwayId IS NOT NULL
                      AND NOT EXISTS { (b)-[:WALKS_TO]->(p) }
                    RETURN p.id AS id ORDER BY point.distance(b.location, p.location) DESC LIMIT 1
                    """, Map.of("id", edge.get("building").asString())).single().get("id").asString();
        }
        GraphQlTester.Response response = route(from, far, null);
        assertThat(codes(response)).containsExactly("NOT_REACHABLE");
    }

    /** 40 precomputed walking edges spread over the demo buildings, with what the test compares. */
    private List<Record> edges() {
        try (Session session = driver.session()) {
            return session.run("""
                    MATCH (b:Building)-[w:WALKS_TO]->(p:Place)
                    WITH b, w, p ORDER BY b.id, p.id
                    WITH b, collect({w: w, p: p})[0] AS first
                    WITH b, first ORDER BY b.id
                    WITH collect({b: b, first: first}) AS rows
                    UNWIND range(0, 39) AS i
                    WITH rows[i * (size(rows) / 40)] AS x
                    RETURN x.b.id AS building, x.first.p.id AS place, x.first.w.meters AS meters,
                           x.b.snapMeters AS buildingSnap, x.first.p.snapMeters AS placeSnap,
                           x.b.location.latitude AS bLat, x.b.location.longitude AS bLon
                    """).list();
        }
    }

    private Map<String, String[]> walkwayEnds() {
        Map<String, String[]> ends = new HashMap<>();
        try (Session session = driver.session()) {
            session.run("MATCH (a:Junction)-[w:WALKWAY]->(b:Junction) RETURN w.id AS id, a.id AS a, b.id AS b")
                    .forEachRemaining(r -> ends.put(r.get("id").asString(),
                            new String[] {r.get("a").asString(), r.get("b").asString()}));
        }
        return ends;
    }

    private GraphQlTester.Response route(Map<String, Object> from, String place, String crs) {
        GraphQlTester.Request<?> request = graphQl.documentName("route").variable("from", from).variable("to", place);
        return (crs == null ? request : request.variable("crs", crs)).execute();
    }

    private static Set<String> codesOf(List<ResponseError> errors) {
        Set<String> codes = new HashSet<>();
        errors.forEach(e -> codes.add(String.valueOf(e.getExtensions().get("code"))));
        return codes;
    }

    private static Set<String> codes(GraphQlTester.Response response) {
        Set<String> codes = new HashSet<>();
        response.errors().satisfy(errors -> codes.addAll(codesOf(errors)));
        return codes;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static double number(Map<?, ?> map, String field) {
        return ((Number) map.get(field)).doubleValue();
    }

    private static double round7(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
