package cn.nantong.livingcircle.analytics;

import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every published figure names the publication it is quoted from (migration V0006), and what the project does not
 * know about that publication (its outlet, URL and exact date) is null with the precision UNKNOWN, not a guess.
 */
@ApplicationIT
class CitableFiguresIT {

    private static final String TITLE = "一刻钟 打通便民服务的\"最后一公里\"";

    @Autowired
    WebGraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Test
    @SuppressWarnings("unchecked")
    void everyPublishedFigureCitesTheNantongNewsReportAndLeavesWhatIsNotKnownNull() {
        long stored;
        try (Session session = driver.session()) {
            stored = session.run("MATCH (f:PublishedFigure) RETURN count(f) AS n").single().get("n").asLong();
        }
        GraphQlTester.Response response = graphQl.documentName("citations").execute();
        response.errors().verify();
        List<Map<String, Object>> figures = response.path("publishedFigures").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(figures).hasSize((int) stored).hasSizeGreaterThanOrEqualTo(13);
        for (Map<String, Object> figure : figures) {
            Map<String, Object> citation = (Map<String, Object>) figure.get("citation");
            assertThat(citation).as(figure.get("id").toString())
                    .containsEntry("title", TITLE)
                    .containsEntry("kind", "news report")
                    .containsEntry("publisher", null)
                    .containsEntry("url", null)
                    .containsEntry("publishedOn", null)
                    .containsEntry("datePrecision", "UNKNOWN")
                    .containsEntry("publishedNotBefore", "2022-08");
            assertThat((String) citation.get("quoting")).contains("南通市商务局");
            assertThat((String) citation.get("note")).contains("August 2022", "not known");
            assertThat((String) figure.get("source")).contains(TITLE, "南通市商务局");
            assertThat(figure).containsEntry("sourceUrl", null).containsEntry("publishedOn", null);
        }
    }
}
