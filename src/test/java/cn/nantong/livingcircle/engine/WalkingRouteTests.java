package cn.nantong.livingcircle.engine;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Routes on hand-drawn graphs with exact millimetres and positions. Lengths are explicit (authoritative for
 * routing); positions matter only for the line. {@code sN} is segment N drawn from its from-junction to its
 * to-junction, {@code *} an attachment.
 */
class WalkingRouteTests {

    private static final int UNBOUNDED = Integer.MAX_VALUE;

    @Test
    void theRouteTakesTheShorterSideOfADiamondAndEndsOnTheTargetSegment() {
        //   A (32.000, 120.900) --s0 300 m--> B (32.000, 120.903)
        //   |                                  |
        //  s2 200 m                           s1 300 m
        //   v                                  v
        //   C (31.998, 120.900) --s3 500 m--> D (31.998, 120.903)
        // origin * on s0 100 m from A; target * on s3 450 m from C.
        // Via A and C: 100 + 200 + 450 = 750 m. Via B and D: 200 + 300 + 50 = 550 m.
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int a = b.addJunction(32.000, 120.900);
        int bb = b.addJunction(32.000, 120.903);
        int c = b.addJunction(31.998, 120.900);
        int d = b.addJunction(31.998, 120.903);
        int s0 = b.addSegment(a, bb, 300_000);
        int s1 = b.addSegment(bb, d, 300_000);
        b.addSegment(a, c, 200_000);
        int s3 = b.addSegment(c, d, 500_000);
        WalkwayNetwork network = b.build();
        Attachment origin = new Attachment(s0, 100_000);

        WalkingRoute.Route route = WalkingRoute.find(network, origin, new Attachment(s3, 450_000), UNBOUNDED)
                .orElseThrow();

        assertThat(route.millimetres()).isEqualTo(550_000);
        assertThat(route.legs()).containsExactly(new WalkingRoute.Leg(s0, 100_000, 300_000),
                new WalkingRoute.Leg(s1, 0, 300_000), new WalkingRoute.Leg(s3, 500_000, 450_000));
        double[] line = WalkingRoute.polyline(network, route, origin);
        assertThat(line).hasSize(8);
        // the origin, a third of the way from A to B
        assertThat(line[0]).isCloseTo(32.000, within(1e-12));
        assertThat(line[1]).isCloseTo(120.901, within(1e-9));
        assertThat(new double[] {line[2], line[3]}).containsExactly(32.000, 120.903);
        assertThat(new double[] {line[4], line[5]}).containsExactly(31.998, 120.903);
        // the target, 50 m back from D towards C: a tenth of s3
        assertThat(line[6]).isCloseTo(31.998, within(1e-12));
        assertThat(line[7]).isCloseTo(120.9027, within(1e-9));
    }

    @Test
    void aTargetFurtherAlongTheOriginSegmentIsOneLegWithoutJunctions() {
        // A --s0 400 m--> B, origin * at 50 m, target * at 330 m
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int a = b.addJunction(32.0, 120.9);
        int z = b.addJunction(32.0, 120.904);
        int s0 = b.addSegment(a, z, 400_000);
        WalkwayNetwork network = b.build();
        Attachment origin = new Attachment(s0, 50_000);

        WalkingRoute.Route route = WalkingRoute.find(network, origin, new Attachment(s0, 330_000), UNBOUNDED)
                .orElseThrow();

        assertThat(route.millimetres()).isEqualTo(280_000);
        assertThat(route.legs()).containsExactly(new WalkingRoute.Leg(s0, 50_000, 330_000));
        double[] line = WalkingRoute.polyline(network, route, origin);
        assertThat(line).hasSize(4);
        assertThat(line[1]).isCloseTo(120.9005, within(1e-9));
        assertThat(line[3]).isCloseTo(120.9033, within(1e-9));
    }

    @Test
    void aLegWalkedAgainstItsSegmentPassesTheShapePointsInReverse() {
        //   A (32.000, 120.900) <--s0 (shape via P 32.001, 120.901) -- B (32.000, 120.902)
        //   origin * at B's end (offset = length), target * at A
        // s0 is drawn from A to B with the shape point P; walked from B to A, P comes between them.
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int a = b.addJunction(32.000, 120.900);
        int z = b.addJunction(32.000, 120.902);
        int s0 = b.addSegment(a, z, new double[] {32.000, 120.900, 32.001, 120.901, 32.000, 120.902}, 260_000);
        int tail = b.addJunction(32.000, 120.903);
        int s1 = b.addSegment(z, tail, 90_000);
        WalkwayNetwork network = b.build();
        Attachment origin = new Attachment(s1, 30_000);

        WalkingRoute.Route route = WalkingRoute.find(network, origin, new Attachment(s0, 0), UNBOUNDED)
                .orElseThrow();

        assertThat(route.millimetres()).isEqualTo(290_000);
        assertThat(route.legs()).containsExactly(new WalkingRoute.Leg(s1, 30_000, 0),
                new WalkingRoute.Leg(s0, 260_000, 0));
        double[] line = WalkingRoute.polyline(network, route, origin);
        assertThat(line).hasSize(8);
        assertThat(line[1]).isCloseTo(120.902 + 0.001 / 3, within(1e-9));
        assertThat(new double[] {line[2], line[3]}).containsExactly(32.000, 120.902);
        assertThat(new double[] {line[4], line[5]}).containsExactly(32.001, 120.901);
        assertThat(new double[] {line[6], line[7]}).containsExactly(32.000, 120.900);
    }

    @Test
    void aPlaceBeyondTheBoundOrOnAnotherComponentHasNoRoute() {
        // A --s0 100 m-- B          C --s1 50 m-- D   (two components)
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int a = b.addJunction(32.0, 120.900);
        int bb = b.addJunction(32.0, 120.901);
        int c = b.addJunction(32.0, 120.905);
        int d = b.addJunction(32.0, 120.906);
        int s0 = b.addSegment(a, bb, 100_000);
        int s1 = b.addSegment(c, d, 50_000);
        WalkwayNetwork network = b.build();

        assertThat(WalkingRoute.find(network, new Attachment(s0, 0), new Attachment(s1, 10_000), UNBOUNDED))
                .isEmpty();
        assertThat(WalkingRoute.find(network, new Attachment(s0, 0), new Attachment(s0, 100_000), 99_999))
                .isEmpty();
        assertThat(WalkingRoute.find(network, new Attachment(s0, 0), new Attachment(s0, 100_000), 100_000))
                .isPresent();
    }

    @Test
    void zeroLengthSegmentsAndParallelTiesGiveTheSameRouteEveryTime() {
        // A --s0 100 m-- B ==s1 0 m== C --s3 100 m-- D, with s2 a second 100 m segment from A to B (a tie with s0)
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int a = b.addJunction(32.0, 120.900);
        int bb = b.addJunction(32.0, 120.901);
        int c = b.addJunction(32.0, 120.901);
        int d = b.addJunction(32.0, 120.902);
        b.addSegment(a, bb, 100_000);
        b.addSegment(bb, c, 0);
        b.addSegment(a, bb, 100_000);
        int s3 = b.addSegment(c, d, 100_000);
        int stub = b.addJunction(31.999, 120.900);
        int s4 = b.addSegment(stub, a, 10_000);
        WalkwayNetwork network = b.build();

        WalkingRoute.Route first = WalkingRoute.find(network, new Attachment(s4, 0), new Attachment(s3, 100_000),
                UNBOUNDED).orElseThrow();
        WalkingRoute.Route again = WalkingRoute.find(network, new Attachment(s4, 0), new Attachment(s3, 100_000),
                UNBOUNDED).orElseThrow();

        assertThat(first.millimetres()).isEqualTo(210_000);
        assertThat(first).isEqualTo(again);
        assertThat(first.legs()).extracting(WalkingRoute.Leg::millimetres).containsExactly(10_000, 100_000, 100_000);
    }

    @Test
    void aZeroLengthDeadEndFirstInAJunctionsListDoesNotLeadTheWayBackAstray() {
        // X --s1 30 m-- A --s2 100 m-- B --s3 50 m-- D, and C hangs off B by s0 of 0 m, drawn first so that it is
        // B's first edge. Origin at X, target on s3 20 m from B: 150 m, back through B, A and X, never C.
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int x = b.addJunction(32.0, 120.899);
        int a = b.addJunction(32.0, 120.900);
        int bb = b.addJunction(32.0, 120.901);
        int c = b.addJunction(32.0001, 120.901);
        int d = b.addJunction(32.0, 120.902);
        int s0 = b.addSegment(bb, c, 0);
        int s1 = b.addSegment(x, a, 30_000);
        int s2 = b.addSegment(a, bb, 100_000);
        int s3 = b.addSegment(bb, d, 50_000);
        WalkwayNetwork network = b.build();

        WalkingRoute.Route route = WalkingRoute.find(network, new Attachment(s1, 0), new Attachment(s3, 20_000),
                UNBOUNDED).orElseThrow();

        assertThat(route.millimetres()).isEqualTo(150_000);
        assertThat(route.legs()).extracting(WalkingRoute.Leg::segment).containsExactly(s1, s2, s3).doesNotContain(s0);
    }

    @Test
    void onRandomGridsEveryRouteIsAContiguousWalkAsLongAsTheSearchDistance() {
        Random random = new Random(13);
        for (int round = 0; round < 20; round++) {
            int size = 8;
            WalkwayNetwork.Builder b = WalkwayNetwork.builder();
            int[][] j = new int[size][size];
            for (int x = 0; x < size; x++) {
                for (int y = 0; y < size; y++) {
                    j[x][y] = b.addJunction(32.0 + y * 0.001, 120.9 + x * 0.001);
                }
            }
            for (int x = 0; x < size; x++) {
                for (int y = 0; y < size; y++) {
                    // random direction and length, and some streets missing
                    if (x + 1 < size && random.nextInt(6) > 0) {
                        segment(b, random, j[x][y], j[x + 1][y]);
                    }
                    if (y + 1 < size && random.nextInt(6) > 0) {
                        segment(b, random, j[x][y], j[x][y + 1]);
                    }
                }
            }
            WalkwayNetwork network = b.build();
            WalkingSearch search = new WalkingSearch(network);
            for (int pair = 0; pair < 30; pair++) {
                Attachment origin = anywhere(network, random);
                Attachment target = anywhere(network, random);
                search.run(origin, UNBOUNDED);
                int expected = search.distanceTo(target);
                var route = WalkingRoute.find(network, origin, target, UNBOUNDED);
                if (expected == Integer.MAX_VALUE) {
                    assertThat(route).isEmpty();
                    continue;
                }
                assertThat(route.orElseThrow().legs().isEmpty()).isEqualTo(expected == 0);
                assertContiguous(network, origin, target, route.orElseThrow().legs());
                assertThat(route.get().millimetres()).isEqualTo(expected);
                assertThat(route.get().legs().stream().mapToInt(WalkingRoute.Leg::millimetres).sum())
                        .isEqualTo(expected);
            }
        }
    }

    private static void segment(WalkwayNetwork.Builder b, Random random, int p, int q) {
        // one block in ten has no length (two junctions drawn at one spot), the case a route must cross with care
        int length = random.nextInt(10) == 0 ? 0 : 80_000 + random.nextInt(60_000);
        if (random.nextBoolean()) {
            b.addSegment(p, q, length);
        } else {
            b.addSegment(q, p, length);
        }
    }

    private static Attachment anywhere(WalkwayNetwork network, Random random) {
        int s = random.nextInt(network.segmentCount());
        return new Attachment(s, random.nextInt(network.segmentMillimetres(s) + 1));
    }

    /**
     * Each leg starts where the previous one ended: at the origin, then at shared junctions, then at the target;
     * "where" allows a hop over zero-length walkways, whose legs add nothing and are left out.
     */
    private static void assertContiguous(WalkwayNetwork network, Attachment origin, Attachment target,
            List<WalkingRoute.Leg> legs) {
        if (legs.isEmpty()) {
            return; // the caller checks that the distance is 0
        }
        WalkingRoute.Leg first = legs.get(0);
        if (!(first.segment() == origin.segment() && first.fromMillimetres() == origin.offsetMillimetres())) {
            assertThat(sameSpot(network, junctionAt(network, origin), startJunction(network, first)))
                    .as("first leg %s leaves from the origin %s", first, origin).isTrue();
        }
        WalkingRoute.Leg last = legs.get(legs.size() - 1);
        if (!(last.segment() == target.segment() && last.toMillimetres() == target.offsetMillimetres())) {
            assertThat(sameSpot(network, endJunction(network, last), junctionAt(network, target)))
                    .as("last leg %s arrives at the target %s", last, target).isTrue();
        }
        for (int i = 0; i + 1 < legs.size(); i++) {
            assertThat(sameSpot(network, endJunction(network, legs.get(i)), startJunction(network, legs.get(i + 1))))
                    .as("legs %s and %s meet", legs.get(i), legs.get(i + 1)).isTrue();
        }
    }

    /** The junction an attachment stands on, -1 in the middle of a segment. */
    private static int junctionAt(WalkwayNetwork network, Attachment a) {
        if (a.offsetMillimetres() == 0) {
            return network.segmentFrom(a.segment());
        }
        return a.offsetMillimetres() == network.segmentMillimetres(a.segment()) ? network.segmentTo(a.segment()) : -1;
    }

    /** Whether two junctions are one, or joined by zero-length segments only. */
    private static boolean sameSpot(WalkwayNetwork network, int from, int to) {
        if (from < 0 || to < 0) {
            return false;
        }
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(from));
        java.util.Set<Integer> seen = new java.util.HashSet<>(List.of(from));
        while (!queue.isEmpty()) {
            int j = queue.poll();
            if (j == to) {
                return true;
            }
            for (int e = network.firstEdge(j), end = network.firstEdge(j + 1); e < end; e++) {
                if (network.edgeMillimetres(e) == 0 && seen.add(network.edgeTarget(e))) {
                    queue.add(network.edgeTarget(e));
                }
            }
        }
        return false;
    }

    private static int endJunction(WalkwayNetwork network, WalkingRoute.Leg leg) {
        return leg.toMillimetres() == 0 ? network.segmentFrom(leg.segment()) : network.segmentTo(leg.segment());
    }

    private static int startJunction(WalkwayNetwork network, WalkingRoute.Leg leg) {
        return leg.fromMillimetres() == 0 ? network.segmentFrom(leg.segment()) : network.segmentTo(leg.segment());
    }
}
