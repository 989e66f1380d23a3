package cn.nantong.livingcircle.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * "Where could I live" on the demo data. The API answers from the in-memory nearest-place index; the expected
 * buildings come from the importer's precomputed {@code WALKS_TO} edges and the catalogue's target times in the
 * graph (one Cypher query), an independent computation.
 */
@ApplicationIT
class LivableBuildingsIT {

    /** Three basic categories with different targets (5 and 8 minutes) that some but not all buildings reach. */
    private static final List<String> CATEGORIES = List.of("convenience_store", "pharmacy", "laundry");
    private static final double ADULT_METERS_PER_MINUTE = 5000.0 / 60.0;
    private static final double ELDERLY_METERS_PER_MINUTE = 3600.0 / 60.0;

    @Autowired
    WebGraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Test
    void theListedBuildingsAreExactlyThoseWhoseWalkingEdgesReachEveryChosenCategoryWithinItsTarget() {
        Map<String, Integer> expected = byWalksTo(CATEGORIES, ADULT_METERS_PER_MINUTE, null);
        Answer answer = allPages(CATEGORIES, "ADULT", null);
        assertThat(expected).as("the chosen categories split the demo buildings").isNotEmpty()
                .hasSizeLessThan(allBuildings());
        assertThat(answer.residentsById()).isEqualTo(expected);
        assertThat(answer.ids()).doesNotHaveDuplicates().isSorted();
        assertThat(answer.totalCount()).isEqualTo(expected.size());
        assertThat(answer.residents()).isEqualTo(expected.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(answer.buildingsConsidered()).isEqualTo(allBuildings());
    }

    @Test
    void atElderlyPaceTheBuildingsAreASmallerSubsetOfTheAdultOnes() {
        Answer adult = allPages(CATEGORIES, "ADULT", null);
        Answer elderly = allPages(CATEGORIES, "ELDERLY", null);
        assertThat(elderly.residentsById()).isEqualTo(byWalksTo(CATEGORIES, ELDERLY_METERS_PER_MINUTE, null));
        assertThat(adult.ids()).containsAll(elderly.ids());
        assertThat(elderly.ids()).hasSizeLessThan(adult.ids().size());
        assertThat(elderly.residents()).isLessThan(adult.residents());
    }

    @Test
    void withACommunityOnlyItsBuildingsAreLookedAtAndDuplicateCodesCountOnce() {
        String community = "c-01";
        List<String> doubled = new ArrayList<>(CATEGORIES);
        doubled.addAll(CATEGORIES);
        Answer answer = allPages(doubled, "ADULT", community);
        assertThat(answer.residentsById()).isEqualTo(byWalksTo(CATEGORIES, ADULT_METERS_PER_MINUTE, community));
        assertThat(answer.communities()).containsOnly(community);
        try (Session session = driver.session()) {
            var row = session.run("""
                    MATCH (b:Building)-[:IN_COMMUNITY]->(:Community {id: $community})
                    RETURN count(b) AS buildings, sum(coalesce(b.residents, 0)) AS residents
                    """, Map.of("community", community)).single();
            assertThat(answer.buildingsConsidered()).isEqualTo(row.get("buildings").asInt());
            assertThat(answer.residentsConsidered()).isEqualTo(row.get("residents").asInt());
        }
        GraphQlTester.Response first = graphQl.documentName("livableBuildings").variable("categories", doubled)
                .variable("communityId", community).variable("first", 1).execute();
        first.errors().verify();
        assertThat(first.path("livableBuildings.categories[*].category.code").entityList(String.class).get())
                .containsExactlyElementsOf(CATEGORIES);
        assertThat(first.path("livableBuildings.categories[*].targetMinutes").entityList(Integer.class).get())
                .containsExactly(5, 8, 8);
        assertThat(first.path("livableBuildings.categories[0].targetWalkMeters").entity(Double.class).get())
                .isEqualTo(416.67);
    }

    @Test
    void badInputGetsTypedErrors() {
        assertThat(code(List.of("pharmacy", "spa"), Map.of())).isEqualTo("UNKNOWN_CATEGORY");
        assertThat(code(List.of(), Map.of())).isEqualTo("OUT_OF_RANGE");
        List<String> eleven = List.of("convenience_store", "small_supermarket", "breakfast", "fresh_food",
                "hair_beauty", "laundry", "pharmacy", "wet_market", "housekeeping", "parcel_point", "repair");
        assertThat(code(eleven, Map.of())).isEqualTo("OUT_OF_RANGE");
        assertThat(code(CATEGORIES, Map.of("first", 101))).isEqualTo("OUT_OF_RANGE");
        assertThat(code(CATEGORIES, Map.of("communityId", "c-nope"))).isEqualTo("NOT_FOUND");
        assertThat(code(CATEGORIES, Map.of("after", "bad"))).isEqualTo("INVALID_CURSOR");
        String gapCursor = graphQl.documentName("gaps").variable("category", "pharmacy").variable("first", 1)
                .execute().path("gaps.pageInfo.endCursor").entity(String.class).get();
        assertThat(code(CATEGORIES, Map.of("after", gapCursor))).as("a cursor of another list")
                .isEqualTo("INVALID_CURSOR");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private record Answer(Map<String, Integer> residentsById, List<String> ids, List<String> communities,
            int totalCount, int residents, int buildingsConsidered, int residentsConsidered) {
    }

    @SuppressWarnings("unchecked")
    private Answer allPages(List<String> categories, String pace, String community) {
        Map<String, Integer> residents = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        List<String> communities = new ArrayList<>();
        String after = null;
        GraphQlTester.Response page;
        do {
            page = graphQl.documentName("livableBuildings").variable("categories", categories)
                    .variable("pace", pace).variable("communityId", community).variable("first", 100)
                    .variable("after", after).execute();
            page.errors().verify();
            assertThat(page.path("livableBuildings.pace").entity(String.class).get()).isEqualTo(pace);
            for (Object o : page.path("livableBuildings.edges").entityList(Map.class).get()) {
                Map<String, Object> node = (Map<String, Object>) ((Map<String, Object>) o).get("node");
                String id = (String) node.get("id");
                ids.add(id);
                residents.put(id, node.get("residents") == null ? 0 : (Integer) node.get("residents"));
                communities.add((String) ((Map<String, Object>) node.get("community")).get("id"));
            }
            after = page.path("livableBuildings.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("livableBuildings.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        return new Answer(residents, ids, communities,
                page.path("livableBuildings.totalCount").entity(Integer.class).get(),
                page.path("livableBuildings.residents").entity(Integer.class).get(),
                page.path("livableBuildings.buildingsConsidered").entity(Integer.class).get(),
                page.path("livableBuildings.residentsConsidered").entity(Integer.class).get());
    }

    /** Building id → residents of the buildings with a walking edge to every category within its target time. */
    private Map<String, Integer> byWalksTo(List<String> categories, double metersPerMinute, String community) {
        Map<String, Integer> result = new TreeMap<>();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("codes", categories);
        parameters.put("metersPerMinute", metersPerMinute);
        parameters.put("community", community);
        try (Session session = driver.session()) {
            session.run("""
                    MATCH (c:ServiceCategory) WHERE c.code IN $codes
                    WITH collect(c) AS chosen
                    MATCH (b:Building)-[:IN_COMMUNITY]->(k:Community)
                    WHERE ($community IS NULL OR k.id = $community)
                      AND all(c IN chosen WHERE EXISTS {
                        MATCH (b)-[w:WALKS_TO]->(:Place {category: c.code})
                        WHERE w.meters <= c.targetMinutes * $metersPerMinute })
                    RETURN b.id AS id, coalesce(b.residents, 0) AS residents
                    """, parameters)
                    .forEachRemaining(r -> result.put(r.get("id").asString(), r.get("residents").asInt()));
        }
        return result;
    }

    private int allBuildings() {
        try (Session session = driver.session()) {
            return session.run("MATCH (b:Building) RETURN count(b) AS n").single().get("n").asInt();
        }
    }

    private String code(List<String> categories, Map<String, Object> variables) {
        GraphQlTester.Request<?> request = graphQl.documentName("livableBuildings").variable("categories", categories);
        for (Map.Entry<String, Object> v : variables.entrySet()) {
            request = request.variable(v.getKey(), v.getValue());
        }
        List<ResponseError> errors = new ArrayList<>();
        request.execute().errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(1);
        return (String) errors.get(0).getExtensions().get("code");
    }
}
