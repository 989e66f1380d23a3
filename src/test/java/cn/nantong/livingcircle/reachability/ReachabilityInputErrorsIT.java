package cn.nantong.livingcircle.reachability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Typed errors of point origins, {@code nearest} and {@code isochrone}, each with {@code extensions.code}. */
@ApplicationIT
class ReachabilityInputErrorsIT {

    /** Central Nantong, on the demo network. */
    private static final Map<String, Object> ON_NETWORK = Map.of("lat", 32.0, "lon", 120.86);

    @Autowired
    WebGraphQlTester graphQl;

    @Test
    void latitudeOrLongitudeOutOfRangeIsOutOfRange() {
        ResponseError lat = singleError(reachablePoint(91.0, 120.86));
        assertThat(lat.getExtensions()).containsEntry("code", "OUT_OF_RANGE").containsEntry("argument", "from.point.lat")
                .containsEntry("max", 90);
        ResponseError lon = singleError(reachablePoint(32.0, -181.0));
        assertThat(lon.getExtensions()).containsEntry("code", "OUT_OF_RANGE").containsEntry("argument", "from.point.lon");
    }

    /** Far from the demo area: outside its extent (the gap case, TOO_FAR_FROM_WALKWAY, is in DatasetExtentIT). */
    @Test
    void pointFarFromTheDemoAreaIsOutsideCoverage() {
        ResponseError error = singleError(reachablePoint(31.5, 121.5));
        assertThat(error.getExtensions()).containsEntry("code", "OUTSIDE_COVERAGE")
                .containsEntry("argument", "from.point");
        assertThat(error.getMessage()).contains("dataset.extent");
        assertThat(singleError(nearest(Map.of("point", Map.of("lat", 0.0, "lon", 0.0)), "pharmacy", 3))
                .getExtensions()).containsEntry("code", "OUTSIDE_COVERAGE");
        assertThat(singleError(isochrone(Map.of("point", Map.of("lat", 31.5, "lon", 121.5)), List.of(5)))
                .getExtensions()).containsEntry("code", "OUTSIDE_COVERAGE");
    }

    @Test
    void bothOrNeitherOfBuildingAndPointIsBadUserInput() {
        Map<String, Object> both = Map.of("buildingId", "b-1", "point", ON_NETWORK);
        for (Map<String, Object> from : List.of(both, Map.<String, Object>of())) {
            assertThat(singleError(graphQl.document("""
                    query($from: OriginInput!) { reachable(from: $from) { totalCount } }""")
                    .variable("from", from).execute()).getExtensions())
                    .containsEntry("code", "BAD_USER_INPUT").containsEntry("argument", "from");
            assertThat(singleError(nearest(from, "pharmacy", 3)).getExtensions())
                    .containsEntry("code", "BAD_USER_INPUT").containsEntry("argument", "from");
            assertThat(singleError(isochrone(from, List.of(5))).getExtensions())
                    .containsEntry("code", "BAD_USER_INPUT").containsEntry("argument", "from");
        }
    }

    @Test
    void isochroneMinutesEmptyOutOfRangeOrTooManyAreRejected() {
        Map<String, Object> from = Map.of("point", ON_NETWORK);
        // a list's length outside its range is OUT_OF_RANGE, like any other count (one code per kind of bad argument)
        assertThat(singleError(isochrone(from, List.of())).getExtensions())
                .containsEntry("code", "OUT_OF_RANGE").containsEntry("argument", "minutes").containsEntry("min", 1);
        assertThat(singleError(isochrone(from, List.of(5, 21))).getExtensions())
                .containsEntry("code", "OUT_OF_RANGE").containsEntry("argument", "minutes").containsEntry("max", 20);
        assertThat(singleError(isochrone(from, List.of(0))).getExtensions())
                .containsEntry("code", "OUT_OF_RANGE").containsEntry("min", 1);
        assertThat(singleError(isochrone(from, List.of(1, 2, 3, 4, 5, 6, 7))).getExtensions())
                .containsEntry("code", "OUT_OF_RANGE").containsEntry("argument", "minutes").containsEntry("max", 6);
        // 27 minutes fit the horizon at the elderly pace
        graphQl.documentName("isochrone").variable("from", from).variable("minutes", List.of(27))
                .variable("pace", "ELDERLY").execute().errors().verify();
    }

    @Test
    void nearestKOutOfRangeAndUnknownCategoryAreTyped() {
        Map<String, Object> from = Map.of("point", ON_NETWORK);
        for (int k : new int[] {0, 21, -3}) {
            assertThat(singleError(nearest(from, "pharmacy", k)).getExtensions())
                    .containsEntry("code", "OUT_OF_RANGE").containsEntry("argument", "k").containsEntry("max", 20);
        }
        assertThat(singleError(nearest(from, "spa", 3)).getExtensions())
                .containsEntry("code", "UNKNOWN_CATEGORY").containsEntry("value", "spa");
        assertThat(singleError(nearest(Map.of("buildingId", "b-does-not-exist"), "pharmacy", 3)).getExtensions())
                .containsEntry("code", "NOT_FOUND");
    }

    private GraphQlTester.Response reachablePoint(double lat, double lon) {
        return graphQl.documentName("reachablePoint").variable("lat", lat).variable("lon", lon).execute();
    }

    private GraphQlTester.Response nearest(Map<String, Object> from, String category, int k) {
        return graphQl.documentName("nearest").variable("from", from).variable("category", category)
                .variable("k", k).execute();
    }

    private GraphQlTester.Response isochrone(Map<String, Object> from, List<Integer> minutes) {
        return graphQl.documentName("isochrone").variable("from", from).variable("minutes", minutes).execute();
    }

    private static ResponseError singleError(GraphQlTester.Response response) {
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getExtensions()).containsKey("code");
        return errors.get(0);
    }
}
