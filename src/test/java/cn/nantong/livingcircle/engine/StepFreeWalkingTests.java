package cn.nantong.livingcircle.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step-free walk on hand-drawn graphs: the network {@link WalkwayNetwork#without} its flights of steps keeps every
 * index, so attachments stay valid, but a search never walks the steps and a snap never lands on them.
 *
 * <pre>
 *            s0 steps 30 m
 *      A ====================== B --s3 50 m-- D
 *      |                        |
 *   s1 200 m                 s2 150 m
 *      |                        |
 *      C -----------------------+   (C is joined to B by s2)
 * </pre>
 * Place P on s3 20 m from B; place Q on the steps s0, 10 m from A. The origin is A itself (offset 0 on s1).
 */
class StepFreeWalkingTests {

    private final WalkwayNetwork network;
    private final boolean[] steps;
    private final int s0;
    private final int s1;
    private final int s2;
    private final int s3;

    StepFreeWalkingTests() {
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int a = b.addJunction(32.0000, 120.9000);
        int bb = b.addJunction(32.0000, 120.9003);
        int c = b.addJunction(31.9985, 120.9000);
        int d = b.addJunction(32.0000, 120.9008);
        s0 = b.addSegment(a, bb, 30_000);
        s1 = b.addSegment(a, c, 200_000);
        s2 = b.addSegment(c, bb, 150_000);
        s3 = b.addSegment(bb, d, 50_000);
        network = b.build();
        steps = new boolean[network.segmentCount()];
        steps[s0] = true;
    }

    @Test
    void withoutTheStepsThePlaceBeyondThemIsReachedTheLongWayRound() {
        WalkwayNetwork stepFree = network.without(steps);
        Attachment origin = new Attachment(s1, 0);
        Attachment p = new Attachment(s3, 20_000);

        WalkingSearch full = new WalkingSearch(network);
        full.run(origin, Integer.MAX_VALUE);
        WalkingSearch free = new WalkingSearch(stepFree);
        free.run(origin, Integer.MAX_VALUE);

        assertThat(full.distanceTo(p)).isEqualTo(50_000); // 30 up the steps + 20
        assertThat(free.distanceTo(p)).isEqualTo(370_000); // 200 + 150 + 20
        assertThat(stepFree.edgeCount()).isEqualTo(network.edgeCount() - 2);
        assertThat(stepFree.walkable(s0)).isFalse();
        assertThat(stepFree.walkable(s1)).isTrue();
    }

    @Test
    void aPlaceOnTheStepsIsNotReachedStepFree() {
        WalkwayNetwork stepFree = network.without(steps);
        int[] segment = {s3, s0};
        int[] offset = {20_000, 10_000};
        PlaceLocator fullPlaces = new PlaceLocator(network, segment, offset);
        PlaceLocator freePlaces = new PlaceLocator(stepFree, segment, offset);
        WalkingSearch full = new WalkingSearch(network);
        full.run(new Attachment(s1, 0), 1_000_000);
        WalkingSearch free = new WalkingSearch(stepFree);
        free.run(new Attachment(s1, 0), 1_000_000);

        List<int[]> reachedFull = new java.util.ArrayList<>();
        fullPlaces.forEachWithin(full, 1_000_000, (place, mm) -> reachedFull.add(new int[] {place, mm}));
        List<int[]> reachedFree = new java.util.ArrayList<>();
        freePlaces.forEachWithin(free, 1_000_000, (place, mm) -> reachedFree.add(new int[] {place, mm}));

        assertThat(reachedFull).extracting(r -> r[0] + "@" + r[1]).containsExactlyInAnyOrder("0@50000", "1@10000");
        assertThat(reachedFree).extracting(r -> r[0] + "@" + r[1]).containsExactly("0@370000");
    }

    @Test
    void aStepFreeRouteTakesTheRampAndNeverEndsOnTheSteps() {
        WalkwayNetwork stepFree = network.without(steps);
        Attachment origin = new Attachment(s1, 0);

        WalkingRoute.Route route = WalkingRoute.find(stepFree, origin, new Attachment(s3, 20_000), Integer.MAX_VALUE)
                .orElseThrow();

        assertThat(route.millimetres()).isEqualTo(370_000);
        assertThat(route.legs()).extracting(WalkingRoute.Leg::segment).containsExactly(s1, s2, s3);
        assertThat(WalkingRoute.find(stepFree, origin, new Attachment(s0, 10_000), Integer.MAX_VALUE)).isEmpty();
        assertThat(WalkingRoute.find(network, origin, new Attachment(s0, 10_000), Integer.MAX_VALUE)).isPresent();
    }

    @Test
    void aPointBesideTheStepsSnapsToTheNearestWalkwayThatIsNotSteps() {
        // 5 m north of the middle of the steps; the street s3 begins 15 m east of the steps' end
        double lat = 32.0000 + 5 / Geo.METERS_PER_DEGREE;
        double lon = 120.90015;
        SegmentSnapper full = new SegmentSnapper(network, 0);
        SegmentSnapper free = new SegmentSnapper(network.without(steps), 0);

        assertThat(full.snap(lat, lon, 500).orElseThrow().attachment().segment()).isEqualTo(s0);
        int stepFreeSegment = free.snap(lat, lon, 500).orElseThrow().attachment().segment();
        assertThat(stepFreeSegment).isNotEqualTo(s0);
    }

    @Test
    void aTerraceReachedOnlyByStepsBecomesAnIslandWhenTheyAreAvoided() {
        //   street X --s0 4,000 m-- Y ==s1 steps 20 m== T --s2 terrace 300 m-- U
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int x = b.addJunction(32.00, 120.90);
        int y = b.addJunction(32.00, 120.94);
        int t = b.addJunction(32.0002, 120.94);
        int u = b.addJunction(32.0002, 120.943);
        b.addSegment(x, y, 4_000_000);
        int stairs = b.addSegment(y, t, 20_000);
        int terrace = b.addSegment(t, u, 300_000);
        WalkwayNetwork city = b.build();
        boolean[] removed = new boolean[city.segmentCount()];
        removed[stairs] = true;

        assertThat(new SegmentSnapper(city, 3000).onIsland(terrace)).isFalse();
        assertThat(new SegmentSnapper(city.without(removed), 3000).onIsland(terrace)).isTrue();
    }
}
