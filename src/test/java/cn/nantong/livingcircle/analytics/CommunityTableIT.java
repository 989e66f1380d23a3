package cn.nantong.livingcircle.analytics;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code communities(filter, orderBy)} with each community's coverage, against the demo CSVs and {@code coverage}. */
@ApplicationIT
class CommunityTableIT {

    WebGraphQlTester graphQl;

    /** Every new filter shape is planned once by Neo4j, which takes longer than the tester's default 5 s on a busy machine. */
    @Autowired
    void tester(WebGraphQlTester tester) {
        this.graphQl = tester.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }

    @Test
    void filtersByDistrictSubdistrictAndPilotBatchFindTheCommunitiesOfTheCsv() throws IOException {
        Map<String, String> subdistrictOf = new HashMap<>();
        for (CSVRecord r : read("neo4j/data/nantong-demo/communities.csv")) {
            subdistrictOf.put(r.get("id"), r.get("subdistrict_id"));
        }
        Map<String, String> subdistrictNames = new HashMap<>();
        for (CSVRecord r : read("neo4j/data/nantong-demo/subdistricts.csv")) {
            subdistrictNames.put(r.get("id"), r.get("name_zh"));
        }
        Map<String, Integer> batchOf = new HashMap<>();
        for (CSVRecord r : read("neo4j/data/programme/living_circles.csv")) {
            batchOf.put(r.get("community_id"), Integer.valueOf(r.get("pilot_batch")));
        }
        assertThat(rows(Map.of("districts", List.of("崇川区")), List.of("ID_ASC")))
                .extracting(m -> m.get("id")).isEqualTo(subdistrictOf.keySet().stream().sorted().toList());
        assertThat(rows(Map.of("subdistricts", List.of(subdistrictNames.get("sd-rengang"))), List.of("ID_ASC")))
                .extracting(m -> m.get("id")).isEqualTo(subdistrictOf.entrySet().stream()
                        .filter(e -> e.getValue().equals("sd-rengang")).map(Map.Entry::getKey).sorted().toList());
        for (int batch : batchOf.values().stream().distinct().toList()) {
            assertThat(rows(Map.of("pilotBatch", batch), List.of("ID_ASC"))).extracting(m -> m.get("id"))
                    .isEqualTo(batchOf.entrySet().stream().filter(e -> e.getValue() == batch)
                            .map(Map.Entry::getKey).sorted().toList());
        }
        assertThat(rows(Map.of("pilotBatch", 99), List.of("ID_ASC"))).isEmpty();
    }

    @Test
    void completenessOrderSortsByTheScoreThatCoverageReports() {
        List<Map<String, Object>> ascending = rows(null, List.of("COMPLETENESS_ASC"));
        assertThat(ascending).hasSize(20);
        List<Map<String, Object>> expected = new ArrayList<>(ascending);
        for (Map<String, Object> row : ascending) {
            double score = graphQl.documentName("coverage").variable("communityId", row.get("id")).execute()
                    .path("coverage.completenessScore").entity(Double.class).get();
            Map<?, ?> coverage = (Map<?, ?>) row.get("coverage");
            assertThat(((Number) coverage.get("completenessScore")).doubleValue()).isEqualTo(score);
            assertThat(((Map<?, ?>) coverage.get("community")).get("id")).isEqualTo(row.get("id"));
        }
        expected.sort(Comparator.comparing((Map<String, Object> m) -> score(m)).thenComparing(m -> (String) m.get("id")));
        assertThat(ascending).isEqualTo(expected);
        List<Map<String, Object>> descending = rows(null, List.of("COMPLETENESS_DESC"));
        expected.sort(Comparator.comparing((Map<String, Object> m) -> -score(m)).thenComparing(m -> (String) m.get("id")));
        assertThat(descending).isEqualTo(expected);
        List<Map<String, Object>> byResidents = rows(null, List.of("RESIDENTS_DESC", "NAME_ASC"));
        expected.sort(Comparator.comparing((Map<String, Object> m) -> -((Number) m.get("residents")).intValue())
                .thenComparing(m -> (String) m.get("name")).thenComparing(m -> (String) m.get("id")));
        assertThat(byResidents).isEqualTo(expected);
    }

    private static double score(Map<String, Object> row) {
        return ((Number) ((Map<?, ?>) row.get("coverage")).get("completenessScore")).doubleValue();
    }

    /** Every row, paged 6 at a time. */
    private List<Map<String, Object>> rows(Map<String, Object> filter, List<String> orderBy) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String after = null;
        do {
            GraphQlTester.Response page = graphQl.documentName("communitiesTable").variable("filter", filter)
                    .variable("orderBy", orderBy).variable("first", 6).variable("after", after).execute();
            page.path("communities.edges[*].node").entityList(Map.class).get()
                    .forEach(m -> rows.add((Map<String, Object>) m));
            after = page.path("communities.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("communities.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        return rows;
    }

    private static List<CSVRecord> read(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
