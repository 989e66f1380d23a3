package cn.nantong.livingcircle.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LoadMixTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REQUESTS = 20_000;

    /** A small made-up city: a square extent with entrances on a grid. */
    private static LoadTargets targets() {
        List<String> buildings = new ArrayList<>();
        List<double[]> entrances = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            buildings.add("b-" + i);
            entrances.add(new double[] {32.00 + (i % 8) * 0.002, 120.85 + (i / 8) * 0.002});
        }
        List<double[]> outline = List.of(new double[] {120.84, 31.99}, new double[] {120.87, 31.99},
                new double[] {120.87, 32.02}, new double[] {120.84, 32.02}, new double[] {120.84, 31.99});
        return new LoadTargets(buildings, List.of("c-1", "c-2", "c-3"), List.of("pharmacy", "convenience_store"),
                LoadTargets.pointsInside(outline, entrances, 250, 100, 3));
    }

    @Test
    void aSeedsSequenceHasTheSixtyFifteenTenFifteenSharesWithinOnePercentagePoint() {
        Map<LoadMix.Kind, Integer> counts = new EnumMap<>(LoadMix.Kind.class);
        for (LoadMix.Request request : new LoadMix(targets(), 42).requests(REQUESTS)) {
            counts.merge(request.kind(), 1, Integer::sum);
        }
        int searchOrBrowse = counts.entrySet().stream().filter(e -> e.getKey().searchOrBrowse())
                .mapToInt(Map.Entry::getValue).sum();

        assertThat(share(counts.get(LoadMix.Kind.REACHABLE_FROM_BUILDING))).isCloseTo(60.0, within(1.0));
        assertThat(share(counts.get(LoadMix.Kind.REACHABLE_FROM_POINT))).isCloseTo(15.0, within(1.0));
        assertThat(share(counts.get(LoadMix.Kind.COVERAGE))).isCloseTo(10.0, within(1.0));
        assertThat(share(searchOrBrowse)).isCloseTo(15.0, within(1.0));
        assertThat(counts.keySet()).as("every kind of search and browse is sent")
                .contains(LoadMix.Kind.PLACES, LoadMix.Kind.COMMUNITIES, LoadMix.Kind.BUILDINGS);
    }

    @Test
    void theSameSeedGivesTheSameRequestsAndAnotherSeedOthers() {
        List<String> first = bodies(new LoadMix(targets(), 7).requests(2_000));
        List<String> again = bodies(new LoadMix(targets(), 7).requests(2_000));
        List<String> other = bodies(new LoadMix(targets(), 8).requests(2_000));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aRequestDependsOnlyOnItsIndexNotOnWhichWereDrawnBefore() {
        LoadMix mix = new LoadMix(targets(), 7);
        String thousandth = mix.request(999).body();

        assertThat(new LoadMix(targets(), 7).requests(1_000).get(999).body()).isEqualTo(thousandth);
        assertThat(mix.request(-5).body()).as("warm-up indices are a sequence of their own")
                .isEqualTo(new LoadMix(targets(), 7).request(-5).body());
    }

    @Test
    void everyRequestIsAGraphQlBodyWithItsOperationAndOriginsFromTheTargets() {
        LoadTargets targets = targets();
        for (LoadMix.Request request : new LoadMix(targets, 11).requests(500)) {
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.path("query").asString()).contains("query " + body.path("operationName").asString() + "(");
            JsonNode variables = body.path("variables");
            switch (request.kind()) {
                case REACHABLE_FROM_BUILDING -> assertThat(targets.buildingIds())
                        .contains(variables.path("building").asString());
                case REACHABLE_FROM_POINT -> assertThat(targets.points()).anySatisfy(point -> {
                    assertThat(point[0]).isEqualTo(variables.path("lat").asDouble());
                    assertThat(point[1]).isEqualTo(variables.path("lon").asDouble());
                });
                case COVERAGE -> assertThat(targets.communityIds()).contains(variables.path("community").asString());
                default -> assertThat(request.kind().searchOrBrowse()).isTrue();
            }
        }
    }

    @Test
    void originPointsLieInsideTheOutlineAndNearAnEntrance() {
        List<double[]> square = List.of(new double[] {0, 0}, new double[] {1, 0}, new double[] {1, 1},
                new double[] {0, 1}, new double[] {0, 0});
        List<double[]> entrances = List.of(new double[] {0.5, 0.5});

        List<double[]> points = LoadTargets.pointsInside(square, entrances, 1_000, 50, 1);

        assertThat(points).hasSize(50).allSatisfy(point -> {
            assertThat(LoadTargets.inside(square, point[1], point[0])).isTrue();
            double dy = (point[0] - 0.5) * 111_320;
            double dx = (point[1] - 0.5) * 111_320 * Math.cos(Math.toRadians(point[0]));
            assertThat(Math.hypot(dx, dy)).isLessThanOrEqualTo(1_000.0);
        });
        assertThat(LoadTargets.inside(square, 1.5, 0.5)).isFalse();
    }

    private static double share(int count) {
        return 100.0 * count / REQUESTS;
    }

    private static List<String> bodies(List<LoadMix.Request> requests) {
        return requests.stream().map(LoadMix.Request::body).toList();
    }
}
