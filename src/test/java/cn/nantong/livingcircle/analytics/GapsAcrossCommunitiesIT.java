package cn.nantong.livingcircle.analytics;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gaps(filter: CommunityFilter)}: the gaps of every community a filter selects, in one query, against the
 * union of the per-community {@code gaps} answers for the communities the demo CSVs put in that filter.
 */
@ApplicationIT
class GapsAcrossCommunitiesIT {

    private static final List<String> BASIC = List.of("convenience_store", "pharmacy", "wet_market");

    WebGraphQlTester graphQl;

    @Autowired
    void tester(WebGraphQlTester tester) {
        this.graphQl = tester.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }

    @Test
    void aSubdistrictFilterListsTheGapsOfEachOfItsCommunitiesInBuildingIdOrder() throws IOException {
        List<String> communities = new ArrayList<>();
        for (CSVRecord r : read("neo4j/data/nantong-demo/communities.csv")) {
            if (r.get("subdistrict_id").equals("sd-rengang")) {
                communities.add(r.get("id"));
            }
        }
        assertThat(communities).hasSizeGreaterThan(1);
        int gaps = 0;
        for (String category : BASIC) {
            gaps += assertEqualsUnionOfCommunities(category, Map.of("subdistricts", List.of("sd-rengang")),
                    communities);
        }
        assertThat(gaps).isPositive();
    }

    @Test
    void aPilotBatchFilterListsTheGapsOfTheBatchsCommunities() throws IOException {
        for (CSVRecord first : read("neo4j/data/programme/living_circles.csv").subList(0, 1)) {
            int batch = Integer.parseInt(first.get("pilot_batch"));
            List<String> communities = read("neo4j/data/programme/living_circles.csv").stream()
                    .filter(r -> Integer.parseInt(r.get("pilot_batch")) == batch).map(r -> r.get("community_id"))
                    .distinct().toList();
            int gaps = 0;
            for (String category : BASIC) {
                gaps += assertEqualsUnionOfCommunities(category, Map.of("pilotBatch", batch), communities);
            }
            assertThat(gaps).isPositive();
        }
    }

    @Test
    void aCommunityOutsideTheFilterHasNoGapsAndOneInsideKeepsItsOwn() throws IOException {
        String rengang = null;
        String other = null;
        for (CSVRecord r : read("neo4j/data/nantong-demo/communities.csv")) {
            if (r.get("subdistrict_id").equals("sd-rengang")) {
                rengang = rengang == null ? r.get("id") : rengang;
            } else {
                other = other == null ? r.get("id") : other;
            }
        }
        Map<String, Object> filter = Map.of("subdistricts", List.of("sd-rengang"));
        for (String category : BASIC) {
            assertThat(allRows(category, other, filter)).isEmpty();
            assertThat(allRows(category, rengang, filter)).isEqualTo(allRows(category, rengang, null));
        }
    }

    /** Returns how many gaps there were, so that callers can check the comparison was not between empty lists. */
    private int assertEqualsUnionOfCommunities(String category, Map<String, Object> filter,
            List<String> communities) {
        List<Map<String, Object>> expected = new ArrayList<>();
        for (String community : communities) {
            expected.addAll(allRows(category, community, null));
        }
        expected.sort(Comparator.comparing(GapsAcrossCommunitiesIT::buildingId));
        List<Map<String, Object>> actual = allRows(category, null, filter);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual).allSatisfy(row -> assertThat(communities).contains(communityId(row)));
        GraphQlTester.Response head = page(category, null, filter, 1, null);
        assertThat(head.path("gaps.totalCount").entity(Integer.class).get()).isEqualTo(expected.size());
        assertThat(head.path("gaps.residentsAffected").entity(Integer.class).get()).isEqualTo(expected.stream()
                .mapToInt(row -> ((Number) Objects.requireNonNullElse(node(row).get("residents"), 0)).intValue())
                .sum());
        return expected.size();
    }

    /** Every edge, paged 7 at a time so that cursors cross community boundaries. */
    private List<Map<String, Object>> allRows(String category, String communityId, Map<String, Object> filter) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String after = null;
        do {
            GraphQlTester.Response page = page(category, communityId, filter, 7, after);
            page.path("gaps.edges").entityList(Map.class).get().forEach(m -> rows.add((Map<String, Object>) m));
            after = page.path("gaps.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("gaps.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        return rows;
    }

    private GraphQlTester.Response page(String category, String communityId, Map<String, Object> filter, int first,
            String after) {
        return graphQl.documentName("gapsAcrossCommunities").variable("category", category)
                .variable("communityId", communityId).variable("filter", filter).variable("first", first)
                .variable("after", after).execute();
    }

    private static Map<?, ?> node(Map<String, Object> row) {
        return (Map<?, ?>) row.get("node");
    }

    private static String buildingId(Map<String, Object> row) {
        return (String) node(row).get("id");
    }

    private static String communityId(Map<String, Object> row) {
        return (String) ((Map<?, ?>) node(row).get("community")).get("id");
    }

    private static List<CSVRecord> read(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
