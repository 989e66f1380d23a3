package cn.nantong.livingcircle.importer;

import java.util.Map;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data, loaded at start-up through the importer, reproduces the figures Nantong published. */
@ApplicationIT
class DemoDataImportIT {

    @Autowired
    Driver driver;

    @Autowired
    WebGraphQlTester graphQl;

    @Test
    void publishedOutletTotalsAreInTheGraph() {
        Map<String, Object> totals = single("""
                MATCH (o:Outlet)-[:IN_COMMUNITY]->(c:Community {pilot: true})
                RETURN count(o) AS outlets,
                       count(CASE WHEN o.newOrRenovated THEN 1 END) AS newOrRenovated,
                       count(CASE WHEN o.newOrRenovated AND o.chain THEN 1 END) AS newOrRenovatedChains,
                       count(CASE WHEN o.chain THEN 1 END) AS chains,
                       count(DISTINCT c) AS communities
                """);
        assertThat(totals).containsEntry("outlets", 2865L).containsEntry("newOrRenovated", 317L)
                .containsEntry("newOrRenovatedChains", 123L).containsEntry("communities", 20L);
        long chains = (Long) totals.get("chains");
        assertThat(chains).isEqualTo(631L);
        // 631 / 2865 = 22.02 %, the whole-number split nearest to the published 22.04 %
        assertThat(Math.abs(chains * 100.0 / 2865 - 22.04)).isLessThan(Math.abs(632 * 100.0 / 2865 - 22.04));
    }

    @Test
    void publishedCommercialCentreTotalsAreInTheGraph() {
        Map<String, Object> centres = single("""
                MATCH (cc:CommercialCenter)
                RETURN count(cc) AS centres, count(CASE WHEN cc.newOrRenovated THEN 1 END) AS newOrRenovated
                """);
        assertThat(centres).containsEntry("centres", 38L).containsEntry("newOrRenovated", 7L);
    }

    @Test
    void publishedCommunityNamesArePresent() {
        Map<String, Object> names = single("""
                MATCH (c:Community)-[:IN_SUBDISTRICT]->(s:Subdistrict)
                RETURN collect(c.nameZh + '@' + s.nameZh) AS names
                """);
        assertThat((java.util.List<Object>) names.get("names")).contains("龙湖佳苑社区@天生港镇街道", "南川园社区@学田街道");
    }

    @Test
    void everyBuildingAndPlaceIsAttachedToTheWalkwayNetwork() {
        Map<String, Object> unattached = single("""
                MATCH (n) WHERE (n:Building OR n:Place) AND NOT EXISTS {
                    MATCH ()-[w:WALKWAY]->() WHERE w.id = n.walkwayId }
                RETURN count(n) AS unattached
                """);
        assertThat(unattached).containsEntry("unattached", 0L);
    }

    @Test
    void datasetMetadataCarriesLicenceAndCounts() {
        graphQl.documentName("dataset").execute()
                .path("dataset.licence").entity(String.class).isEqualTo("ODbL-1.0")
                .path("dataset.synthetic").entity(Boolean.class).isEqualTo(true)
                .path("dataset.outletCount").entity(Integer.class).isEqualTo(2865)
                .path("dataset.walkingEdgeCount").entity(Integer.class).satisfies(n -> assertThat(n).isGreaterThan(10_000))
                .path("dataset.horizonMeters").entity(Double.class).satisfies(m -> assertThat(m).isBetween(1666.6, 1666.7));
    }

    @Test
    void walkingEdgesStayWithinTheHorizon() {
        Map<String, Object> stats = single("MATCH ()-[w:WALKS_TO]->() RETURN max(w.meters) AS max, min(w.meters) AS min");
        assertThat((Double) stats.get("max")).isLessThanOrEqualTo(1666.667);
        assertThat((Double) stats.get("min")).isGreaterThanOrEqualTo(0.0);
    }

    private Map<String, Object> single(String cypher) {
        try (Session session = driver.session()) {
            return session.run(cypher).single().asMap();
        }
    }
}
