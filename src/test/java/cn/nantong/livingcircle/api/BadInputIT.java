package cn.nantong.livingcircle.api;

import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.support.ApplicationIT;
import cn.nantong.livingcircle.support.GraphFingerprint;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input gets one typed error with {@code extensions.code}, and a read writes nothing. */
@ApplicationIT
class BadInputIT {

    @Autowired
    WebGraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Test
    void unknownBuildingIsNotFound() {
        ResponseError error = singleError(reachable("b-does-not-exist").execute());
        assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND").containsEntry("id", "b-does-not-exist");
        assertThat(error.getMessage()).isEqualTo("No Building with id 'b-does-not-exist'");
    }

    @Test
    void minutesOutsideTheHorizonNameTheLimit() {
        ResponseError tooMany = singleError(reachable(aBuilding()).variable("minutes", 21).execute());
        assertThat(tooMany.getExtensions()).containsEntry("code", "OUT_OF_RANGE").containsEntry("argument", "minutes")
                .containsEntry("max", 20);
        assertThat(tooMany.getMessage()).contains("between 1 and 20");
        assertThat(singleError(reachable(aBuilding()).variable("minutes", 0).execute()).getExtensions())
                .containsEntry("code", "OUT_OF_RANGE");
        // the same 1,666.67 m horizon lasts 27 whole minutes at the elderly pace
        ResponseError elderly = singleError(reachable(aBuilding()).variable("minutes", 28).variable("pace", "ELDERLY")
                .execute());
        assertThat(elderly.getExtensions()).containsEntry("max", 27);
        reachable(aBuilding()).variable("minutes", 27).variable("pace", "ELDERLY").execute().errors().verify();
    }

    @Test
    void negativeOrHugeFirstIsRejectedNotTruncated() {
        for (int first : new int[] {-1, 101, 1_000_000}) {
            ResponseError error = singleError(reachable(aBuilding()).variable("first", first).execute());
            assertThat(error.getExtensions()).containsEntry("code", "OUT_OF_RANGE").containsEntry("argument", "first")
                    .containsEntry("max", 100);
        }
        ResponseError communities = singleError(graphQl.documentName("communities").variable("first", 101).execute());
        assertThat(communities.getExtensions()).containsEntry("code", "OUT_OF_RANGE");
        ResponseError buildings = singleError(graphQl.documentName("communities").variable("first", 1)
                .variable("buildingsFirst", -5).execute());
        assertThat(buildings.getExtensions()).containsEntry("code", "OUT_OF_RANGE");
        assertThat(buildings.getPath()).isEqualTo("communities.edges[0].node.buildings");
    }

    @Test
    void badCursorIsRejected() {
        for (String cursor : List.of("not-a-cursor", "", "%%%", "cmVhY2h8eHx5")) {
            ResponseError error = singleError(reachable(aBuilding()).variable("after", cursor).execute());
            assertThat(error.getExtensions()).containsEntry("code", "INVALID_CURSOR");
        }
        String communityCursor = graphQl.documentName("communities").variable("first", 1).execute()
                .path("communities.pageInfo.endCursor").entity(String.class).get();
        assertThat(singleError(reachable(aBuilding()).variable("after", communityCursor).execute()).getExtensions())
                .as("a cursor of another list").containsEntry("code", "INVALID_CURSOR");
    }

    @Test
    void unknownCategoryCodeIsNamed() {
        ResponseError error = singleError(reachable(aBuilding()).variable("categories", List.of("pharmacy", "spa"))
                .execute());
        assertThat(error.getExtensions()).containsEntry("code", "UNKNOWN_CATEGORY").containsEntry("value", "spa");
    }

    @Test
    void malformedQueryIsAParseError() {
        ResponseError error = singleError(graphQl.document("{ reachable(from: {buildingId: \"x\"} { totalCount }").execute());
        assertThat(error.getExtensions()).containsEntry("code", "GRAPHQL_PARSE_FAILED");
    }

    @Test
    void unknownFieldAndWrongTypesAreValidationErrors() {
        assertThat(singleError(graphQl.document("{ reachable(from: {buildingId: \"x\"}) { nope } }").execute())
                .getExtensions()).containsEntry("code", "GRAPHQL_VALIDATION_FAILED");
        assertThat(singleError(graphQl.document("{ reachable(from: {buildingId: \"x\"}, minutes: \"ten\") { totalCount } }")
                .execute()).getExtensions()).containsEntry("code", "GRAPHQL_VALIDATION_FAILED");
        assertThat(singleError(graphQl.document("{ reachable(from: {buildingId: \"x\"}, pace: RUNNING) { totalCount } }")
                .execute()).getExtensions()).containsEntry("code", "GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void wrongVariableTypeIsBadUserInput() {
        ResponseError error = singleError(graphQl.documentName("reachable").variable("buildingId", aBuilding())
                .variable("minutes", "ten").execute());
        assertThat(error.getExtensions()).containsKey("code");
        assertThat(error.getExtensions().get("code")).isIn("BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void originWithoutBuildingIsBadUserInput() {
        ResponseError error = singleError(graphQl.document("{ reachable(from: {}) { totalCount } }").execute());
        assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT").containsEntry("argument", "from");
    }

    @Test
    void queriesAskingForTooMuchAreRejectedBeforeExecution() {
        // 100 communities x 100 buildings x their community's 100 buildings: a million rows
        ResponseError tooMany = singleError(graphQl.document("""
                { communities(first: 100) { edges { node { buildings(first: 100) { edges { node {
                    community { buildings(first: 100) { edges { node { id } } } } } } } } } } }
                """).execute());
        assertThat(tooMany.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX");
        // depth 18 with pages of one: cheap, but nested beyond the depth limit of 15
        ResponseError tooDeep = singleError(graphQl.document("""
                { building(id: "x") { community { buildings(first: 1) { edges { node { community {
                    buildings(first: 1) { edges { node { community { buildings(first: 1) { edges { node {
                    community { buildings(first: 1) { edges { node { id } } } } } } } } } } } } } } } } } }
                """).execute());
        assertThat(tooDeep.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX");
        // a realistic nested page is still fine
        graphQl.documentName("communities").variable("first", 100).variable("buildingsFirst", 100).execute()
                .errors().verify();
    }

    @Test
    void readsWriteNothingEvenWhenTheyFail() {
        GraphFingerprint before = GraphFingerprint.of(driver);
        reachable("b-does-not-exist").execute();
        reachable(aBuilding()).variable("minutes", 99).execute();
        reachable(aBuilding()).variable("minutes", 12).variable("first", 5).execute();
        graphQl.documentName("communities").variable("first", 3).variable("buildingsFirst", 2).execute();
        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
    }

    @Test
    void errorMessagesLeakNoInternals() {
        ResponseError error = singleError(reachable(aBuilding()).variable("after", "cmVhY2h8eHx5").execute());
        assertThat(error.getMessage()).doesNotContain("MATCH", "Exception", "at cn.", "java.");
    }

    private GraphQlTester.Request<?> reachable(String buildingId) {
        return graphQl.documentName("reachable").variable("buildingId", buildingId);
    }

    private String aBuilding() {
        return graphQl.documentName("communities").variable("first", 1).variable("buildingsFirst", 1).execute()
                .path("communities.edges[0].node.buildings.edges[0].node.id").entity(String.class).get();
    }

    private static ResponseError singleError(GraphQlTester.Response response) {
        List<ResponseError> errors = new java.util.ArrayList<>();
        response.errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(1);
        Map<String, Object> extensions = errors.get(0).getExtensions();
        assertThat(extensions).containsKey("code");
        return errors.get(0);
    }
}
