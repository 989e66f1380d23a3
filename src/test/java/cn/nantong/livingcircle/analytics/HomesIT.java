package cn.nantong.livingcircle.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Where could we live" on the demo data, checked by brute force against the importer's precomputed walking edges:
 * every building's nearest place of each category is the shortest of its {@code WALKS_TO} edges to that category,
 * one Cypher query, an independent computation from the API's multi-source searches.
 */
@ApplicationIT
class HomesIT {

    private static final List<String> CATEGORIES = List.of("convenience_store", "pharmacy", "breakfast");
    private static final double ADULT_METERS_PER_MINUTE = 5000.0 / 60.0;

    @Autowired
    WebGraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Test
    void withinTenMinutesTheHomesAreExactlyTheBruteForceOnesRankedByTheirLongestWalk() {
        List<Expected> expected = bruteForce(CATEGORIES, 10 * ADULT_METERS_PER_MINUTE);
        List<Map<String, Object>> edges = allPages(CATEGORIES, 10);
        assertThat(expected).as("ten minutes splits the demo buildings").isNotEmpty();
        assertThat(edges).hasSameSizeAs(expected);
        for (int i = 0; i < edges.size(); i++) {
            Map<String, Object> edge = edges.get(i);
            Expected home = expected.get(i);
            assertThat(((Map<?, ?>) edge.get("node")).get("id")).as("rank %d", i).isEqualTo(home.id());
            assertThat(edge.get("worstWalkMeters")).isEqualTo((int) Math.round(home.worstMeters()));
            List<Map<String, Object>> walks = (List<Map<String, Object>>) edge.get("walks");
            assertThat(walks).extracting(w -> (String) ((Map<?, ?>) w.get("category")).get("code"))
                    .containsExactlyElementsOf(CATEGORIES);
            for (int c = 0; c < CATEGORIES.size(); c++) {
                assertThat(walks.get(c).get("walkMeters")).isEqualTo((int) Math.round(home.meters()[c]));
            }
        }
    }

    @Test
    void withoutMinutesTheHomesAreTheLivableBuildingsInRankOrder() {
        List<Map<String, Object>> edges = allPages(CATEGORIES, null);
        List<String> livable = new ArrayList<>();
        String after = null;
        do {
            GraphQlTester.Response page = graphQl.documentName("livableBuildings").variable("categories", CATEGORIES)
                    .variable("first", 100).variable("after", after).execute();
            livable.addAll(page.path("livableBuildings.edges[*].node.id").entityList(String.class).get());
            after = page.path("livableBuildings.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("livableBuildings.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        assertThat(edges).extracting(e -> (String) ((Map<?, ?>) e.get("node")).get("id"))
                .containsExactlyInAnyOrderElementsOf(livable);
        assertThat(edges).extracting(e -> (Integer) e.get("worstWalkMeters")).isSorted();
        GraphQlTester.Response first = graphQl.documentName("homes").variable("categories", CATEGORIES)
                .variable("first", 1).execute();
        assertThat(first.path("homes.categories[*].targetMinutes").entityList(Integer.class).get())
                .containsExactly(5, 8, 8);
    }

    @Test
    void badInputGetsTypedErrors() {
        assertThat(code(Map.of("categories", List.of("pharmacy", "spa")))).isEqualTo("UNKNOWN_CATEGORY");
        assertThat(code(Map.of("categories", List.of()))).isEqualTo("OUT_OF_RANGE");
        assertThat(code(Map.of("categories", CATEGORIES, "minutes", 0))).isEqualTo("OUT_OF_RANGE");
        assertThat(code(Map.of("categories", CATEGORIES, "minutes", 61))).isEqualTo("OUT_OF_RANGE");
        assertThat(code(Map.of("categories", CATEGORIES, "communityId", "c-nope"))).isEqualTo("NOT_FOUND");
        assertThat(code(Map.of("categories", CATEGORIES, "after", "bad"))).isEqualTo("INVALID_CURSOR");
    }

    private record Expected(String id, double worstMeters, double[] meters) {
    }

    /** Buildings whose shortest walking edge to every category is at most {@code limitMeters}, best first. */
    private List<Expected> bruteForce(List<String> categories, double limitMeters) {
        Map<String, double[]> nearest = new HashMap<>();
        try (Session session = driver.session()) {
            session.run("""
                    MATCH (b:Building)-[w:WALKS_TO]->(p:Place) WHERE p.category IN $codes
                    RETURN b.id AS id, p.category AS code, min(w.meters) AS meters
                    """, Map.of("codes", categories)).forEachRemaining(r -> {
                double[] meters = nearest.computeIfAbsent(r.get("id").asString(), id -> {
                    double[] none = new double[categories.size()];
                    java.util.Arrays.fill(none, Double.POSITIVE_INFINITY);
                    return none;
                });
                meters[categories.indexOf(r.get("code").asString())] = r.get("meters").asDouble();
            });
        }
        List<Expected> homes = new ArrayList<>();
        nearest.forEach((id, meters) -> {
            double worst = 0;
            for (double m : meters) {
                worst = Math.max(worst, m);
            }
            // the API draws the line at whole millimetres, as the importer stores them
            if (Math.round(worst * 1000) <= Math.round(limitMeters * 1000)) {
                homes.add(new Expected(id, worst, meters));
            }
        });
        homes.sort(Comparator.comparingDouble(Expected::worstMeters).thenComparing(Expected::id));
        return homes;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> allPages(List<String> categories, Integer minutes) {
        List<Map<String, Object>> edges = new ArrayList<>();
        String after = null;
        do {
            GraphQlTester.Response page = graphQl.documentName("homes").variable("categories", categories)
                    .variable("minutes", minutes).variable("first", 37).variable("after", after).execute();
            page.errors().verify();
            for (Object o : page.path("homes.edges").entityList(Map.class).get()) {
                edges.add((Map<String, Object>) o);
            }
            after = page.path("homes.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("homes.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        return edges;
    }

    private String code(Map<String, Object> variables) {
        List<ResponseError> errors = new ArrayList<>();
        GraphQlTester.Request<?> request = graphQl.documentName("homes");
        for (Map.Entry<String, Object> v : variables.entrySet()) {
            request = request.variable(v.getKey(), v.getValue());
        }
        request.execute().errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(1);
        return String.valueOf(errors.get(0).getExtensions().get("code"));
    }
}
