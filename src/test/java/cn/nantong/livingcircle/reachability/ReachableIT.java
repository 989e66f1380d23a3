package cn.nantong.livingcircle.reachability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

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

/** {@code reachable} on the Nantong demo data, checked against an independent Dijkstra over the stored network. */
@ApplicationIT
class ReachableIT {

    private static final double ADULT_M_PER_MIN = 5000.0 / 60.0;

    @Autowired
    WebGraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Test
    void placesComeNearestFirstWithinTheTimeLimit() {
        String building = someBuildingIds(1, 1).get(0);
        List<Map<String, Object>> edges = reachable(building, 15, "ADULT", 100, null)
                .path("reachable.edges[*].node").entityList(Object.class).get().stream()
                .map(o -> (Map<String, Object>) o).toList();
        assertThat(edges).isNotEmpty();
        double previous = 0;
        for (Map<String, Object> node : edges) {
            int walkMeters = ((Number) node.get("walkMeters")).intValue();
            double walkMinutes = ((Number) node.get("walkMinutes")).doubleValue();
            assertThat(walkMeters).isGreaterThanOrEqualTo((int) previous).isLessThanOrEqualTo(1250);
            assertThat(walkMinutes).isCloseTo(walkMeters / ADULT_M_PER_MIN, within(0.02));
            previous = walkMeters;
        }
    }

    @Test
    void pagesCoverTheWholeResultExactlyOnce() {
        String building = someBuildingIds(1, 2).get(0);
        GraphQlTester.Response full = reachable(building, 20, "ADULT", 100, null);
        int total = full.path("reachable.totalCount").entity(Integer.class).get();
        List<String> all = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            GraphQlTester.Response page = reachable(building, 20, "ADULT", 17, after);
            all.addAll(page.path("reachable.edges[*].node.place.id").entityList(String.class).get());
            hasNext = page.path("reachable.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("reachable.pageInfo.endCursor").entity(String.class).get();
            assertThat(page.path("reachable.totalCount").entity(Integer.class).get()).isEqualTo(total);
        }
        assertThat(all).hasSize(total).doesNotHaveDuplicates();
        if (total <= 100) {
            assertThat(all).isEqualTo(full.path("reachable.edges[*].node.place.id").entityList(String.class).get());
        }
    }

    @Test
    void elderlyPaceReachesSubsetOfAdultPace() {
        for (String building : someBuildingIds(5, 3)) {
            Set<String> adult = placeIds(building, 15, "ADULT");
            Set<String> elderly = placeIds(building, 15, "ELDERLY");
            assertThat(adult).containsAll(elderly);
            assertThat(elderly.size()).isLessThan(adult.size());
        }
    }

    @Test
    void categoryAndTierFiltersKeepOnlyMatchingPlaces() {
        String building = someBuildingIds(1, 4).get(0);
        graphQl.documentName("reachable").variable("buildingId", building).variable("minutes", 20)
                .variable("categories", List.of("pharmacy", "convenience_store")).variable("first", 100)
                .execute().path("reachable.edges[*].node.place.category.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).isNotEmpty().isSubsetOf("pharmacy", "convenience_store"));
        graphQl.documentName("reachable").variable("buildingId", building).variable("minutes", 20)
                .variable("tier", "QUALITY").variable("first", 100)
                .execute().path("reachable.edges[*].node.place.category.tier").entityList(String.class)
                .satisfies(tiers -> assertThat(tiers).isNotEmpty().containsOnly("QUALITY"));
    }

    /**
     * The precomputed WALKS_TO metres equal a plain textbook Dijkstra (written here, independent of the engine) over
     * the junctions and walkways stored in Neo4j, from the stored attachment points, for sampled buildings; and the
     * set of places within the horizon is the same.
     */
    @Test
    void precomputedDistancesEqualPlainDijkstraOverTheStoredNetwork() {
        ReferenceNetwork network = ReferenceNetwork.load(driver);
        double horizon = 20 * ADULT_M_PER_MIN;
        int compared = 0;
        for (String building : someBuildingIds(25, 5)) {
            Map<String, Double> expected = network.placesWithin(building, horizon);
            Map<String, Double> stored = new HashMap<>();
            try (Session session = driver.session()) {
                session.run("MATCH (:Building {id: $id})-[w:WALKS_TO]->(p:Place) RETURN p.id AS id, w.meters AS m",
                        Map.of("id", building)).forEachRemaining(r -> stored.put(r.get("id").asString(),
                        r.get("m").asDouble()));
            }
            assertThat(stored.keySet()).as("places reached from %s", building).isEqualTo(expected.keySet());
            expected.forEach((place, metres) -> assertThat(stored.get(place)).as("%s -> %s", building, place)
                    .isCloseTo(metres, within(0.0015)));
            compared += expected.size();
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    void reachableOverGraphQlMatchesTheReferenceDijkstraInWholeMetres() {
        ReferenceNetwork network = ReferenceNetwork.load(driver);
        for (String building : someBuildingIds(3, 6)) {
            Map<String, Double> expected = network.placesWithin(building, 10 * ADULT_M_PER_MIN);
            GraphQlTester.Response response = reachable(building, 10, "ADULT", 100, null);
            List<String> ids = response.path("reachable.edges[*].node.place.id").entityList(String.class).get();
            List<Integer> metres = response.path("reachable.edges[*].node.walkMeters").entityList(Integer.class).get();
            assertThat(response.path("reachable.totalCount").entity(Integer.class).get()).isEqualTo(expected.size());
            for (int i = 0; i < ids.size(); i++) {
                assertThat(metres.get(i)).isEqualTo((int) Math.round(expected.get(ids.get(i))));
            }
        }
    }

    private GraphQlTester.Response reachable(String building, int minutes, String pace, int first, String after) {
        return graphQl.documentName("reachable").variable("buildingId", building).variable("minutes", minutes)
                .variable("pace", pace).variable("first", first).variable("after", after).execute();
    }

    private Set<String> placeIds(String building, int minutes, String pace) {
        Set<String> ids = new HashSet<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            GraphQlTester.Response page = reachable(building, minutes, pace, 100, after);
            ids.addAll(page.path("reachable.edges[*].node.place.id").entityList(String.class).get());
            hasNext = page.path("reachable.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("reachable.pageInfo.endCursor").entity(String.class).get();
        }
        return ids;
    }

    private List<String> someBuildingIds(int count, long seed) {
        List<String> ids = new ArrayList<>();
        try (Session session = driver.session()) {
            session.run("MATCH (b:Building) RETURN b.id AS id ORDER BY id").forEachRemaining(r -> ids.add(r.get("id").asString()));
        }
        java.util.Collections.shuffle(ids, new Random(seed));
        return ids.subList(0, count);
    }

    /** The stored walkway graph as plain adjacency lists; Dijkstra with a PriorityQueue of boxed entries. */
    record ReferenceNetwork(Map<String, Integer> junctions, List<List<long[]>> adjacency,
            Map<String, long[]> walkways, Map<String, Object[]> buildings, Map<String, Object[]> places) {

        static ReferenceNetwork load(Driver driver) {
            Map<String, Integer> junctions = new HashMap<>();
            List<List<long[]>> adjacency = new ArrayList<>();
            Map<String, long[]> walkways = new HashMap<>();
            Map<String, Object[]> buildings = new HashMap<>();
            Map<String, Object[]> places = new HashMap<>();
            try (Session session = driver.session()) {
                session.run("MATCH (j:Junction) RETURN j.id AS id").forEachRemaining(r -> {
                    junctions.put(r.get("id").asString(), adjacency.size());
                    adjacency.add(new ArrayList<>());
                });
                session.run("MATCH (a:Junction)-[w:WALKWAY]->(b:Junction) RETURN a.id AS a, b.id AS b, w.id AS id, w.lengthMeters AS m")
                        .forEachRemaining(r -> {
                            int a = junctions.get(r.get("a").asString());
                            int b = junctions.get(r.get("b").asString());
                            long mm = Math.round(r.get("m").asDouble() * 1000);
                            adjacency.get(a).add(new long[] {b, mm});
                            adjacency.get(b).add(new long[] {a, mm});
                            walkways.put(r.get("id").asString(), new long[] {a, b, mm});
                        });
                session.run("MATCH (b:Building) RETURN b.id AS id, b.walkwayId AS w, b.offsetMeters AS o")
                        .forEachRemaining(r -> buildings.put(r.get("id").asString(), attachment(r)));
                session.run("MATCH (p:Place) RETURN p.id AS id, p.walkwayId AS w, p.offsetMeters AS o")
                        .forEachRemaining(r -> places.put(r.get("id").asString(), attachment(r)));
            }
            return new ReferenceNetwork(junctions, adjacency, walkways, buildings, places);
        }

        private static Object[] attachment(Record r) {
            return new Object[] {r.get("w").asString(), Math.round(r.get("o").asDouble() * 1000)};
        }

        Map<String, Double> placesWithin(String building, double maxMeters) {
            Object[] origin = buildings.get(building);
            long[] seg = walkways.get((String) origin[0]);
            long offset = (Long) origin[1];
            long[] dist = new long[adjacency.size()];
            java.util.Arrays.fill(dist, Long.MAX_VALUE);
            PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) -> Long.compare(x[1], y[1]));
            queue.add(new long[] {seg[0], offset});
            queue.add(new long[] {seg[1], seg[2] - offset});
            while (!queue.isEmpty()) {
                long[] top = queue.poll();
                int node = (int) top[0];
                if (top[1] >= dist[node]) {
                    continue;
                }
                dist[node] = top[1];
                for (long[] edge : adjacency.get(node)) {
                    if (top[1] + edge[1] < dist[(int) edge[0]]) {
                        queue.add(new long[] {edge[0], top[1] + edge[1]});
                    }
                }
            }
            Map<String, Double> result = new HashMap<>();
            long maxMm = Math.round(maxMeters * 1000);
            places.forEach((id, at) -> {
                long[] s = walkways.get((String) at[0]);
                long o = (Long) at[1];
                long best = Long.MAX_VALUE;
                if (dist[(int) s[0]] != Long.MAX_VALUE) {
                    best = Math.min(best, dist[(int) s[0]] + o);
                }
                if (dist[(int) s[1]] != Long.MAX_VALUE) {
                    best = Math.min(best, dist[(int) s[1]] + s[2] - o);
                }
                if (at[0].equals(origin[0])) {
                    best = Math.min(best, Math.abs(o - offset));
                }
                if (best <= maxMm) {
                    result.put(id, best / 1000.0);
                }
            });
            return result;
        }
    }
}
