package cn.nantong.livingcircle.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.nantong.livingcircle.support.ApplicationIT;
import cn.nantong.livingcircle.support.GraphFingerprint;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analytics on the demo data through GraphQL. Coverage and gaps are checked against the importer's precomputed
 * {@code WALKS_TO} edges (an independent computation: one single-source search per building), the statistics
 * against the published totals the demo data is calibrated to.
 */
@ApplicationIT
class AnalyticsIT {

    /** 五山社区 and 秦灶新苑社区 have no pharmacy; 观山社区 no wet market (see the demo README). */
    private static final String WUSHAN = "c-18";
    private static final String GUANSHAN = "c-17";

    @Autowired
    WebGraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Test
    void cityStatsReproduceThePublishedPilotTotals() {
        GraphQlTester.Response response = graphQl.documentName("cityStats").execute();
        response.errors().verify();
        Map<String, Object> city = response.path("cityStats").entity(Map.class).get();
        assertThat(city).containsEntry("outletCount", 2865).containsEntry("newOrRenovatedOutletCount", 317)
                .containsEntry("newOrRenovatedChainOutletCount", 123).containsEntry("commercialCenterCount", 38)
                .containsEntry("newOrRenovatedCommercialCenterCount", 7).containsEntry("chainOutletCount", 631)
                .containsEntry("brandChainSharePercent", 22.02).containsEntry("communityCount", 20);
        List<Map<String, Object>> subdistricts = response.path("cityStats.subdistricts").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(subdistricts).hasSize(12);
        assertThat(subdistricts.stream().mapToInt(s -> (Integer) s.get("outletCount")).sum()).isEqualTo(2865);
        assertThat(subdistricts.stream().mapToInt(s -> (Integer) s.get("commercialCenterCount")).sum()).isEqualTo(38);
        assertThat(response.path("cityStats.districts[0].outletCount").entity(Integer.class).get()).isEqualTo(2865);
        int byTier = response.path("cityStats.outletsByTier[*].outlets").entityList(Integer.class).get().stream()
                .mapToInt(Integer::intValue).sum();
        assertThat(byTier).isEqualTo(2865);
    }

    @Test
    void everyPilotTotalMatchesItsPublishedFigure() {
        List<Map<String, Object>> figures = figures();
        Map<String, Map<String, Object>> byId = new HashMap<>();
        figures.forEach(f -> byId.put((String) f.get("id"), f));
        for (String id : List.of("pilot-outlets", "pilot-outlets-new-or-renovated",
                "pilot-outlets-new-or-renovated-chain", "pilot-commercial-centres",
                "pilot-commercial-centres-new-or-renovated")) {
            assertThat(byId.get(id)).as(id).containsEntry("difference", 0.0).containsEntry("status", "MATCHES");
            assertThat(byId.get(id).get("computedValue")).isEqualTo(byId.get(id).get("publishedValue"));
        }
        // 22.04 % of 2,865 outlets is 631.4 outlets; 631 whole outlets give 22.02 %, within half a step (0.035 pp).
        assertThat(byId.get("pilot-brand-chain-share")).containsEntry("computedValue", 22.02)
                .containsEntry("difference", -0.02).containsEntry("status", "WITHIN_ROUNDING");
        // District- and city-wide counts are wider than the dataset: null with a reason quoting the lower bound.
        assertThat(byId.get("chongchuan-elderly-care")).containsEntry("status", "NOT_COMPUTABLE")
                .containsEntry("computedValue", null);
        assertThat((String) byId.get("chongchuan-elderly-care").get("note")).contains("20 communities");
        assertThat(byId.get("city-library-circle").get("computedValue")).isNotNull();
        assertThat(figures).allSatisfy(f -> assertThat((String) f.get("source")).isNotBlank());
    }

    @Test
    void coverageAgreesWithThePrecomputedWalkingEdges() {
        for (String community : List.of("c-01", WUSHAN, GUANSHAN)) {
            GraphQlTester.Response response = graphQl.documentName("coverage").variable("communityId", community)
                    .execute();
            response.errors().verify();
            List<Map<String, Object>> categories = response.path("coverage.categories").entityList(Map.class).get()
                    .stream().map(m -> (Map<String, Object>) m).toList();
            assertThat(categories).hasSize(28);
            double basicSum = 0;
            int basic = 0;
            for (Map<String, Object> c : categories) {
                Map<String, Object> category = (Map<String, Object>) c.get("category");
                String code = (String) category.get("code");
                int minutes = (Integer) c.get("targetMinutes");
                assertThat(c.get("buildingsWithinTarget")).as("%s %s", community, code)
                        .isEqualTo(buildingsWithinByWalksTo(community, code, minutes * 5000.0 / 60.0));
                if ("BASIC".equals(category.get("tier"))) {
                    basicSum += ((Number) c.get("residentsWithinTargetPercent")).doubleValue();
                    basic++;
                }
            }
            double score = response.path("coverage.completenessScore").entity(Double.class).get();
            assertThat(score).isCloseTo(basicSum / basic, org.assertj.core.data.Offset.offset(0.01));
        }
        GraphQlTester.Response wushan = graphQl.documentName("coverage").variable("communityId", WUSHAN).execute();
        assertThat(wushan.path("coverage.missingBasicCategories[*].code").entityList(String.class).get())
                .contains("pharmacy");
        Map<String, Object> pharmacy = wushan.path("coverage.categories").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m)
                .filter(c -> "pharmacy".equals(((Map<?, ?>) c.get("category")).get("code"))).findFirst().get();
        assertThat(pharmacy).containsEntry("residentsWithinTarget", 0).containsEntry("medianNearestWalkMeters", null);
        assertThat(pharmacy.get("unreachableBuildings")).isEqualTo(wushan.path("coverage.buildingCount")
                .entity(Integer.class).get());
    }

    @Test
    void gapsPageThroughExactlyTheBuildingsWithoutAPharmacyWithinEightMinutes() {
        Map<String, Double> nearest = nearestByWalksTo("pharmacy");
        Set<String> expected = new HashSet<>();
        try (Session session = driver.session()) {
            session.run("MATCH (b:Building) RETURN b.id AS id").forEachRemaining(r -> {
                Double d = nearest.get(r.get("id").asString());
                if (d == null || d > 8 * 5000.0 / 60.0) {
                    expected.add(r.get("id").asString());
                }
            });
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int total = -1;
        do {
            GraphQlTester.Response page = graphQl.documentName("gaps").variable("category", "pharmacy")
                    .variable("first", 100).variable("after", after).execute();
            page.errors().verify();
            total = page.path("gaps.totalCount").entity(Integer.class).get();
            for (Object o : page.path("gaps.edges").entityList(Map.class).get()) {
                Map<String, Object> edge = (Map<String, Object>) o;
                String id = (String) ((Map<String, Object>) edge.get("node")).get("id");
                seen.add(id);
                Double d = nearest.get(id);
                if (d != null) {
                    assertThat(edge.get("nearestWalkMeters")).isEqualTo((int) Math.round(d));
                }
            }
            after = page.path("gaps.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("gaps.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        assertThat(seen).doesNotHaveDuplicates().hasSize(total);
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        assertThat(seen).isSorted();
    }

    @Test
    void theSuggestedWetMarketSiteGainsWhatTheWhatIfSays() {
        GraphQlTester.Response response = graphQl.documentName("siteSuggestions").variable("category", "wet_market")
                .variable("communityId", GUANSHAN).variable("count", 3).execute();
        response.errors().verify();
        List<Map<String, Object>> sites = response.path("siteSuggestions").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(sites).isNotEmpty();
        assertThat(sites).extracting(s -> s.get("rank")).startsWith(1);
        Map<String, Object> best = sites.get(0);
        Map<String, Object> location = (Map<String, Object>) best.get("location");
        GraphFingerprint before = GraphFingerprint.of(driver);
        GraphQlTester.Response whatIf = graphQl.documentName("whatIf")
                .variable("add", List.of(Map.of("category", "wet_market", "lat", location.get("lat"), "lon",
                        location.get("lon"))))
                .variable("remove", List.of("o-00001"))
                .variable("communityId", GUANSHAN).execute();
        whatIf.errors().verify();
        assertThat(GraphFingerprint.of(driver)).as("what-if writes nothing").isEqualTo(before);
        Map<String, Object> wetMarket = (Map<String, Object>) whatIf.path("whatIf.categories").entityList(Map.class)
                .get().stream().filter(c -> "wet_market".equals(((Map<?, ?>) ((Map<?, ?>) c).get("category"))
                        .get("code"))).findFirst().get();
        assertThat(wetMarket).containsEntry("residentsWithinTargetBefore", 0)
                .containsEntry("residentsWithinTargetAfter", best.get("residentsGained"));
        assertThat(whatIf.path("whatIf.completenessAfter").entity(Double.class).get())
                .isGreaterThan(whatIf.path("whatIf.completenessBefore").entity(Double.class).get());
        // The next request sees the real data again.
        graphQl.documentName("coverage").variable("communityId", GUANSHAN).execute()
                .path("coverage.missingBasicCategories[*].code").entityList(String.class).contains("wet_market");
    }

    @Test
    void programmeProgressCountsTheSyntheticCirclesAgainstTheTargets() {
        GraphQlTester.Response response = graphQl.documentName("programme").variable("communityId", "c-01").execute();
        response.errors().verify();
        response.path("programmeProgress.circlesBuilt").entity(Integer.class).isEqualTo(20)
                .path("programmeProgress.targetCircles").entity(Integer.class).isEqualTo(100)
                .path("programmeProgress.synthetic").entity(Boolean.class).isEqualTo(true)
                .path("programmeProgress.byYear[0].year").entity(Integer.class).isEqualTo(2022)
                .path("programmeProgress.byYear[0].target").entity(Integer.class).isEqualTo(25)
                .path("programmeProgress.byYear[3].cumulativeTarget").entity(Integer.class).isEqualTo(100)
                .path("programmeProgress.byYear[3].cumulativeBuilt").entity(Integer.class).isEqualTo(20)
                .path("livingCircle.community.livingCircle.id").entity(String.class).isEqualTo("lc-01");
        int surveyed = response.path("programmeProgress.surveyedCircles").entity(Integer.class).get();
        int atTarget = response.path("programmeProgress.circlesAtSatisfactionTarget").entity(Integer.class).get();
        assertThat(response.path("programmeProgress.shareAtSatisfactionTargetPercent").entity(Double.class).get())
                .isCloseTo(100.0 * atTarget / surveyed, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void badInputGetsTypedErrors() {
        assertThat(code(graphQl.documentName("coverage").variable("communityId", "c-nope").execute()))
                .isEqualTo("NOT_FOUND");
        assertThat(code(graphQl.documentName("gaps").variable("category", "spa").execute()))
                .isEqualTo("UNKNOWN_CATEGORY");
        assertThat(code(graphQl.documentName("gaps").variable("category", "pharmacy").variable("minutes", 0)
                .execute())).isEqualTo("OUT_OF_RANGE");
        assertThat(code(graphQl.documentName("gaps").variable("category", "pharmacy").variable("after", "bad")
                .execute())).isEqualTo("INVALID_CURSOR");
        for (int count : new int[] {0, 21}) {
            assertThat(code(graphQl.documentName("siteSuggestions").variable("category", "pharmacy")
                    .variable("count", count).execute())).isEqualTo("OUT_OF_RANGE");
        }
        assertThat(code(graphQl.documentName("siteSuggestions").variable("category", "pharmacy")
                .variable("communityId", "c-nope").execute())).isEqualTo("NOT_FOUND");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(Map.of("category", "pharmacy", "lat", 32.03, "lon", 120.79));
        }
        assertThat(code(graphQl.documentName("whatIf").variable("add", many).execute())).isEqualTo("OUT_OF_RANGE");
        assertThat(code(graphQl.documentName("whatIf").variable("add", List.of(Map.of("category", "spa", "lat",
                32.03, "lon", 120.79))).execute())).isEqualTo("UNKNOWN_CATEGORY");
        assertThat(code(graphQl.documentName("whatIf").variable("remove", List.of("o-nope")).execute()))
                .isEqualTo("NOT_FOUND");
        assertThat(code(graphQl.documentName("whatIf").variable("add", List.of(Map.of("category", "pharmacy", "lat",
                0.0, "lon", 0.0))).execute())).isEqualTo("OUTSIDE_COVERAGE");
    }

    private static String code(GraphQlTester.Response response) {
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getMessage()).doesNotContain("MATCH", "Exception");
        return (String) errors.get(0).getExtensions().get("code");
    }

    private List<Map<String, Object>> figures() {
        GraphQlTester.Response response = graphQl.documentName("publishedFigures").execute();
        response.errors().verify();
        return response.path("publishedFigures").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }

    private int buildingsWithinByWalksTo(String community, String category, double meters) {
        try (Session session = driver.session()) {
            return session.run("""
                    MATCH (b:Building)-[:IN_COMMUNITY]->(:Community {id: $community})
                    WHERE EXISTS { MATCH (b)-[w:WALKS_TO]->(p:Place {category: $category}) WHERE w.meters <= $meters }
                    RETURN count(b) AS n
                    """, Map.of("community", community, "category", category, "meters", meters))
                    .single().get("n").asInt();
        }
    }

    private Map<String, Double> nearestByWalksTo(String category) {
        Map<String, Double> nearest = new HashMap<>();
        try (Session session = driver.session()) {
            session.run("""
                    MATCH (b:Building)-[w:WALKS_TO]->(p:Place {category: $category})
                    RETURN b.id AS id, min(w.meters) AS meters
                    """, Map.of("category", category)).forEachRemaining(r -> nearest.put(r.get("id").asString(),
                    r.get("meters").asDouble()));
        }
        return nearest;
    }
}
