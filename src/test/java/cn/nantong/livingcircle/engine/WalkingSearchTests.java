package cn.nantong.livingcircle.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hand-drawn graphs with exact expected millimetres. Junction positions are irrelevant to the
 * search (lengths are explicit), so every junction sits near Nantong and only the topology matters.
 * In the diagrams numbers on edges are metres, {@code sN} is segment N drawn from its from-junction
 * (left/top) to its to-junction unless an arrow says otherwise, and {@code *} marks an attachment.
 */
class WalkingSearchTests {

    private static final int UNREACHED = Integer.MAX_VALUE;
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    /** A, B, C, ... : n junctions near Nantong. */
    private static int[] junctions(WalkwayNetwork.Builder b, int n) {
        int[] j = new int[n];
        for (int i = 0; i < n; i++) {
            j[i] = b.addJunction(32.0 + i * 0.001, 120.9);
        }
        return j;
    }

    @Test
    void simplePathAddsSegmentLengthsFromTheOriginJunction() {
        // A --s0 100m-- B --s1 250m-- C
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 3);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        int s1 = b.addSegment(j[1], j[2], 250_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.run(new Attachment(s0, 0), UNBOUNDED);

        assertThat(search.junctionDistance(j[0])).isEqualTo(0);
        assertThat(search.junctionDistance(j[1])).isEqualTo(100_000);
        assertThat(search.junctionDistance(j[2])).isEqualTo(350_000);
        assertThat(search.distanceTo(new Attachment(s1, 50_000))).isEqualTo(150_000);
        assertThat(search.settledCount()).isEqualTo(3);
    }

    @Test
    void originInTheMiddleOfASegmentSeedsBothEnds() {
        // A --s0 100m-- B --s1 250m-- C
        //      * origin 40 m from A
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 3);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        b.addSegment(j[1], j[2], 250_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.run(new Attachment(s0, 40_000), UNBOUNDED);

        assertThat(search.junctionDistance(j[0])).isEqualTo(40_000);
        assertThat(search.junctionDistance(j[1])).isEqualTo(60_000);
        assertThat(search.junctionDistance(j[2])).isEqualTo(310_000);
    }

    @Test
    void shorterOfTwoRoutesWins() {
        //          B
        //   s0 300/ \ s1 300
        //        A   D
        //   s2 200\ / s3 500 (C -> D)
        //          C
        // A->D: via B 600 m, via C 700 m.
        // Target on s3, 480 m from C: via C 200+480 = 680 m, via D 600+20 = 620 m.
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 4);
        int a = j[0];
        int bb = j[1];
        int c = j[2];
        int d = j[3];
        int s0 = b.addSegment(a, bb, 300_000);
        b.addSegment(bb, d, 300_000);
        b.addSegment(a, c, 200_000);
        int s3 = b.addSegment(c, d, 500_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.run(new Attachment(s0, 0), UNBOUNDED);

        assertThat(search.junctionDistance(d)).isEqualTo(600_000);
        assertThat(search.junctionDistance(c)).isEqualTo(200_000);
        assertThat(search.distanceTo(new Attachment(s3, 480_000))).isEqualTo(620_000);
        assertThat(search.distanceTo(new Attachment(s3, 100_000))).isEqualTo(300_000);
    }

    @Test
    void boundIsInclusiveForJunctions() {
        // A --s0 100m-- B --s1 250m-- C      C is exactly 350 m from A
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 3);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        b.addSegment(j[1], j[2], 250_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.run(new Attachment(s0, 0), 350_000);
        assertThat(search.junctionDistance(j[2])).isEqualTo(350_000);
        assertThat(search.settledCount()).isEqualTo(3);

        search.run(new Attachment(s0, 0), 349_999);
        assertThat(search.junctionDistance(j[2])).isEqualTo(UNREACHED);
        assertThat(search.junctionDistance(j[1])).isEqualTo(100_000);
        assertThat(search.settledCount()).isEqualTo(2);
    }

    @Test
    void boundedSearchStopsAtTheBoundPartwayAlongASegment() {
        // A --s0 100m-- B --s1 250m-- C,  bound 200 m: reaches 100 m into s1, not C
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 3);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        int s1 = b.addSegment(j[1], j[2], 250_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.run(new Attachment(s0, 0), 200_000);

        assertThat(search.distanceTo(new Attachment(s1, 100_000))).isEqualTo(200_000);
        assertThat(search.distanceTo(new Attachment(s1, 100_001))).isEqualTo(UNREACHED);
        assertThat(search.junctionDistance(j[2])).isEqualTo(UNREACHED);
        assertThat(search.settledCount()).isEqualTo(2);
        assertThat(search.maxMillimetres()).isEqualTo(200_000);
    }

    @Test
    void zeroBoundReachesOnlyTheOriginPoint() {
        // A --s0 100m-- B,  origin at A, bound 0
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 2);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.run(new Attachment(s0, 0), 0);

        assertThat(search.junctionDistance(j[0])).isEqualTo(0);
        assertThat(search.junctionDistance(j[1])).isEqualTo(UNREACHED);
        assertThat(search.distanceTo(new Attachment(s0, 0))).isEqualTo(0);
        assertThat(search.distanceTo(new Attachment(s0, 1))).isEqualTo(UNREACHED);
    }

    @Test
    void targetOnTheOriginSegmentUsesTheDirectOffsetInBothDirections() {
        // A ----------------- s0 1000m ----------------- B
        //      t1 (100)   origin (300)     t2 (700)
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 2);
        int s0 = b.addSegment(j[0], j[1], 1_000_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.run(new Attachment(s0, 300_000), UNBOUNDED);

        assertThat(search.distanceTo(new Attachment(s0, 700_000))).isEqualTo(400_000); // towards B
        assertThat(search.distanceTo(new Attachment(s0, 100_000))).isEqualTo(200_000); // towards A
        assertThat(search.distanceTo(new Attachment(s0, 300_000))).isEqualTo(0);
    }

    @Test
    void targetOnTheOriginSegmentIsFoundEvenWhenNoJunctionIsWithinTheBound() {
        // A ------- s0 1000m ------- B,  origin at 300 m, bound 150 m: neither A nor B is reached
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 2);
        int s0 = b.addSegment(j[0], j[1], 1_000_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.run(new Attachment(s0, 300_000), 150_000);

        assertThat(search.settledCount()).isZero();
        assertThat(search.distanceTo(new Attachment(s0, 450_000))).isEqualTo(150_000);
        assertThat(search.distanceTo(new Attachment(s0, 150_000))).isEqualTo(150_000);
        assertThat(search.distanceTo(new Attachment(s0, 451_000))).isEqualTo(UNREACHED);
    }

    @Test
    void parallelSegmentsUseTheShorterOneAndAttachmentsOnEitherAreExact() {
        //        s0 500m
        //    +-------------+
        //    A             B
        //    +-------------+
        //        s1 300m
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 2);
        int s0 = b.addSegment(j[0], j[1], 500_000);
        int s1 = b.addSegment(j[0], j[1], 300_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.run(new Attachment(s0, 0), UNBOUNDED);

        assertThat(search.junctionDistance(j[1])).isEqualTo(300_000);
        // 450 m along s0: directly 450 m, or via s1 to B and back 50 m = 350 m.
        assertThat(search.distanceTo(new Attachment(s0, 450_000))).isEqualTo(350_000);
        assertThat(search.distanceTo(new Attachment(s1, 200_000))).isEqualTo(200_000);
    }

    @Test
    void walkingAroundViaAParallelShortcutBeatsTheDirectOffset() {
        //        s0 1000m
        //    +-*-------------*-+      origin 1 m from A, target 1 m from B
        //    A                 B
        //    +-----------------+
        //        s1 10m
        // Direct along s0: 998 m. Around: 1 + 10 + 1 = 12 m.
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 2);
        int s0 = b.addSegment(j[0], j[1], 1_000_000);
        b.addSegment(j[0], j[1], 10_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.run(new Attachment(s0, 1_000), UNBOUNDED);

        assertThat(search.distanceTo(new Attachment(s0, 999_000))).isEqualTo(12_000);
    }

    @Test
    void selfLoopCanBeWalkedEitherWayRound() {
        //                 +------+
        // A --s0 100m-- B  s1 400m loop B -> B
        //                 +------+
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 2);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        int s1 = b.addSegment(j[1], j[1], 400_000);
        WalkwayNetwork network = b.build();
        WalkingSearch search = new WalkingSearch(network);

        search.run(new Attachment(s0, 0), UNBOUNDED);
        assertThat(search.distanceTo(new Attachment(s1, 100_000))).isEqualTo(200_000);
        assertThat(search.distanceTo(new Attachment(s1, 300_000))).isEqualTo(200_000); // the other way round
        assertThat(search.distanceTo(new Attachment(s1, 200_000))).isEqualTo(300_000); // opposite side of the loop

        // From a point on the loop: B is min(100, 300) = 100 m away; on the loop itself 50 -> 350 is 100 m round the back.
        search.run(new Attachment(s1, 100_000), UNBOUNDED);
        assertThat(search.junctionDistance(j[1])).isEqualTo(100_000);
        assertThat(search.junctionDistance(j[0])).isEqualTo(200_000);
        search.run(new Attachment(s1, 50_000), UNBOUNDED);
        assertThat(search.distanceTo(new Attachment(s1, 350_000))).isEqualTo(100_000);
        assertThat(search.distanceTo(new Attachment(s1, 150_000))).isEqualTo(100_000);
    }

    @Test
    void zeroLengthSegmentsCostNothing() {
        // A --s0 0m-- B --s1 100m-- C
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 3);
        int s0 = b.addSegment(j[0], j[1], 0);
        int s1 = b.addSegment(j[1], j[2], 100_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.run(new Attachment(s1, 100_000), UNBOUNDED); // origin at C

        assertThat(search.junctionDistance(j[0])).isEqualTo(100_000);
        assertThat(search.junctionDistance(j[1])).isEqualTo(100_000);
        assertThat(search.distanceTo(new Attachment(s0, 0))).isEqualTo(100_000);
    }

    @Test
    void disconnectedIslandIsUnreachable() {
        // A --s0 100m-- B        C --s1 50m-- D   (no walkway between the two)
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 4);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        int s1 = b.addSegment(j[2], j[3], 50_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.run(new Attachment(s0, 0), UNBOUNDED);

        assertThat(search.junctionDistance(j[2])).isEqualTo(UNREACHED);
        assertThat(search.junctionDistance(j[3])).isEqualTo(UNREACHED);
        assertThat(search.distanceTo(new Attachment(s1, 25_000))).isEqualTo(UNREACHED);
        assertThat(search.settledCount()).isEqualTo(2);
    }

    @Test
    void multiSourceSearchGivesTheDistanceToTheNearestSource() {
        // A --s0 100-- B --s1 100-- C --s2 100-- D --s3 100-- E
        // *source 1 at A                            *source 2 50 m into s3
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 5);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        int s1 = b.addSegment(j[1], j[2], 100_000);
        b.addSegment(j[2], j[3], 100_000);
        int s3 = b.addSegment(j[3], j[4], 100_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.runFromSources(new Attachment[] {new Attachment(s0, 0), new Attachment(s3, 50_000)}, UNBOUNDED);

        assertThat(search.junctionDistance(j[0])).isEqualTo(0);
        assertThat(search.junctionDistance(j[1])).isEqualTo(100_000);
        assertThat(search.junctionDistance(j[2])).isEqualTo(150_000); // D at 50 m + 100 m beats 200 m from A
        assertThat(search.junctionDistance(j[3])).isEqualTo(50_000);
        assertThat(search.junctionDistance(j[4])).isEqualTo(50_000);
        assertThat(search.distanceTo(new Attachment(s1, 30_000))).isEqualTo(130_000);
        assertThat(search.distanceTo(new Attachment(s3, 90_000))).isEqualTo(40_000);
    }

    @Test
    void multiSourceSearchWithSeveralSourcesOnOneSegmentUsesTheNearestDirectly() {
        // A ------------ s0 1000m ------------ B
        //   *src 100        t 500   t 700  *src 800
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 2);
        int s0 = b.addSegment(j[0], j[1], 1_000_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.runFromSources(new Attachment[] {new Attachment(s0, 800_000), new Attachment(s0, 100_000)}, 400_000);

        assertThat(search.distanceTo(new Attachment(s0, 500_000))).isEqualTo(300_000);
        assertThat(search.distanceTo(new Attachment(s0, 700_000))).isEqualTo(100_000);
        assertThat(search.distanceTo(new Attachment(s0, 0))).isEqualTo(100_000);
        assertThat(search.junctionDistance(j[1])).isEqualTo(200_000);
    }

    @Test
    void multiSourceSearchWithoutSourcesReachesNothing() {
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 2);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.runFromSources(new Attachment[0], UNBOUNDED);

        assertThat(search.settledCount()).isZero();
        assertThat(search.distanceTo(new Attachment(s0, 0))).isEqualTo(UNREACHED);
    }

    @Test
    void reusedSearchForgetsThePreviousRun() {
        // A --s0 100m-- B --s1 250m-- C
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 3);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        int s1 = b.addSegment(j[1], j[2], 250_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.run(new Attachment(s1, 250_000), UNBOUNDED); // from C: reaches everything
        search.run(new Attachment(s0, 0), 100_000);         // from A: C is out of range now

        assertThat(search.junctionDistance(j[2])).isEqualTo(UNREACHED);
        assertThat(search.junctionDistance(j[1])).isEqualTo(100_000);
        assertThat(search.distanceTo(new Attachment(s1, 250_000))).isEqualTo(UNREACHED);
    }

    @Test
    void hugeLengthsDoNotOverflow() {
        // A --s0 2,000,000,000 mm-- B --s1 2,000,000,000 mm-- C  (absurd, but must not wrap around)
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 3);
        int s0 = b.addSegment(j[0], j[1], 2_000_000_000);
        int s1 = b.addSegment(j[1], j[2], 2_000_000_000);
        WalkingSearch search = new WalkingSearch(b.build());

        search.run(new Attachment(s0, 0), UNBOUNDED);

        assertThat(search.junctionDistance(j[1])).isEqualTo(2_000_000_000);
        assertThat(search.junctionDistance(j[2])).isEqualTo(UNREACHED);
        assertThat(search.distanceTo(new Attachment(s1, 147_483_000))).isEqualTo(2_147_483_000);
        assertThat(search.distanceTo(new Attachment(s1, 1_000_000_000))).isEqualTo(UNREACHED);
    }

    @Test
    void rejectsInvalidInputs() {
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 2);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        WalkingSearch search = new WalkingSearch(b.build());

        assertThatThrownBy(() -> search.distanceTo(new Attachment(s0, 0))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> search.run(new Attachment(s0, 100_001), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> search.run(new Attachment(1, 0), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> search.run(new Attachment(s0, 0), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attachment(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
