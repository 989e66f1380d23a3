package cn.nantong.livingcircle.engine;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Expected metres follow from the mean-sphere metres per degree, 6,371,008.8 * pi / 180 =
 * 111,195.0802 m: a point 0.0001 deg of latitude off a street is 11.1195080 m away.
 */
class SegmentSnapperTests {

    private static final double METRE_TOLERANCE = 1e-6;   // a micrometre
    private static final double DEGREE_TOLERANCE = 1e-9;  // about 0.1 mm

    /**
     * One east-west street in Nantong, 0.004 deg of longitude (about 377 m at 32 deg N), recorded as
     * 400 m long:
     * <pre>
     *            * query (32.0001, 120.901)
     *            |  11.12 m
     * A ---------+-------------------------------- B
     * (32.0, 120.900)  foot at 1/4     (32.0, 120.904)
     * </pre>
     */
    private static WalkwayNetwork street() {
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int a = b.addJunction(32.0, 120.900);
        int z = b.addJunction(32.0, 120.904);
        b.addSegment(a, z, 400_000);
        return b.build();
    }

    @Test
    void snapsOntoTheMiddleOfASegmentNotTheNearestJunction() {
        SegmentSnapper snapper = new SegmentSnapper(street());

        SegmentSnapper.Snap snap = snapper.snap(32.0001, 120.901, 50).orElseThrow();

        // A quarter of the way along, a quarter of the recorded 400 m.
        assertThat(snap.attachment()).isEqualTo(new Attachment(0, 100_000));
        assertThat(snap.distanceMeters()).isCloseTo(11.119508, within(METRE_TOLERANCE));
        assertThat(snap.lat()).isCloseTo(32.0, within(DEGREE_TOLERANCE));
        assertThat(snap.lon()).isCloseTo(120.901, within(DEGREE_TOLERANCE));
    }

    @Test
    void pointBeyondTheEndSnapsToTheEndJunction() {
        // A ------------ B     * (32.0, 120.9045), 0.0005 deg east of B = 47.149 m
        SegmentSnapper snapper = new SegmentSnapper(street());

        SegmentSnapper.Snap snap = snapper.snap(32.0, 120.9045, 50).orElseThrow();

        assertThat(snap.attachment()).isEqualTo(new Attachment(0, 400_000));
        assertThat(snap.distanceMeters()).isCloseTo(47.149388, within(METRE_TOLERANCE));
        assertThat(snap.lat()).isEqualTo(32.0);
        assertThat(snap.lon()).isEqualTo(120.904);
    }

    @Test
    void nothingIsSnappedBeyondMaxMeters() {
        SegmentSnapper snapper = new SegmentSnapper(street());

        assertThat(snapper.snap(32.0001, 120.901, 11.0)).isEmpty();
        assertThat(snapper.snap(32.0001, 120.901, 11.2)).isPresent();
        // Inside the square search window (diagonal) but farther than maxMeters.
        assertThat(snapper.snap(32.0, 120.9045, 40.0)).isEmpty();
    }

    @Test
    void nearestOfSeveralSegmentsWins() {
        //   C ------------------ D   (32.0002)   s1: 11.12 m north of the query
        //          * query (32.0001)
        //   A ------------------ B   (31.9998)   s0: 33.36 m south
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int a = b.addJunction(31.9998, 120.900);
        int z = b.addJunction(31.9998, 120.904);
        int c = b.addJunction(32.0002, 120.900);
        int d = b.addJunction(32.0002, 120.904);
        b.addSegment(a, z, 400_000);
        int north = b.addSegment(c, d, 400_000);
        SegmentSnapper snapper = new SegmentSnapper(b.build());

        SegmentSnapper.Snap snap = snapper.snap(32.0001, 120.902, 100).orElseThrow();

        assertThat(snap.attachment()).isEqualTo(new Attachment(north, 200_000));
        assertThat(snap.distanceMeters()).isCloseTo(11.119508, within(METRE_TOLERANCE));
    }

    @Test
    void offsetIsMeasuredFromTheFromJunctionEvenWhenTheSegmentRunsWestward() {
        // B <------------------ A   segment drawn from A (east) to B (west); query above 1/4 from A
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int east = b.addJunction(32.0, 120.904);
        int west = b.addJunction(32.0, 120.900);
        b.addSegment(east, west, 400_000);
        SegmentSnapper snapper = new SegmentSnapper(b.build());

        SegmentSnapper.Snap snap = snapper.snap(32.0001, 120.903, 50).orElseThrow();

        assertThat(snap.attachment()).isEqualTo(new Attachment(0, 100_000));
    }

    @Test
    void polylineOffsetIsProportionalToGeometricLength() {
        // On the equator a degree of longitude is as long as a degree of latitude, so both legs
        // below are 111.195 m and the proportions are exact. Recorded length: 2000 m.
        //
        //                 B (0.001, 0.001)
        //                 |
        //            foot +----* query (0.0005, 0.0012), 22.239 m east of the foot (0.0005, 0.001)
        //                 |
        // A --------------+ corner (0, 0.001)
        // (0, 0)
        //
        // Foot = one full leg + half a leg = 3/4 of the geometry = 1500 m of the recorded 2000 m.
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int a = b.addJunction(0.0, 0.0);
        int z = b.addJunction(0.001, 0.001);
        int s = b.addSegment(a, z, new double[] {0.0, 0.0, 0.0, 0.001, 0.001, 0.001}, 2_000_000);
        SegmentSnapper snapper = new SegmentSnapper(b.build());

        SegmentSnapper.Snap snap = snapper.snap(0.0005, 0.0012, 50).orElseThrow();

        assertThat(snap.attachment()).isEqualTo(new Attachment(s, 1_500_000));
        assertThat(snap.distanceMeters()).isCloseTo(22.239016, within(METRE_TOLERANCE));
        assertThat(snap.lat()).isCloseTo(0.0005, within(DEGREE_TOLERANCE));
        assertThat(snap.lon()).isCloseTo(0.001, within(DEGREE_TOLERANCE));
    }

    @Test
    void pointOnASharedJunctionGoesToTheLowestSegmentIndex() {
        // A --s0-- B --s1-- C ; query exactly at B
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int a = b.addJunction(32.0, 120.900);
        int m = b.addJunction(32.0, 120.901);
        int c = b.addJunction(32.0, 120.902);
        b.addSegment(a, m, 100_000);
        b.addSegment(m, c, 100_000);
        SegmentSnapper snapper = new SegmentSnapper(b.build());

        Optional<SegmentSnapper.Snap> snap = snapper.snap(32.0, 120.901, 1);

        assertThat(snap).get().extracting(SegmentSnapper.Snap::attachment).isEqualTo(new Attachment(0, 100_000));
        assertThat(snap.get().distanceMeters()).isZero();
    }

    /**
     * A railway platform beside a street: the platform is a walkway of its own, connected to nothing, 1,200 m
     * long, 0.0002 deg (22.24 m) north of a 4,000 m street. A shop stands 0.0001 deg (11.12 m) north of the
     * platform, 33.36 m from the street:
     * <pre>
     *                 * shop (32.0003, 120.915)
     *                 |  11.12 m
     *        P1 ======+========= P2        platform island, 1,200 m (32.0002, 120.910 .. 120.9227)
     *                 |  22.24 m
     * A --------------+---------------------------------- B   street, 4,000 m (32.0, 120.900 .. 120.940)
     *                 foot at 15/40 of the street = 1,500 m
     * </pre>
     */
    private static WalkwayNetwork platformBesideStreet() {
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        b.addSegment(b.addJunction(32.0, 120.900), b.addJunction(32.0, 120.940), 4_000_000);
        b.addSegment(b.addJunction(32.0002, 120.910), b.addJunction(32.0002, 120.9227), 1_200_000);
        return b.build();
    }

    @Test
    void aPlatformIslandNeverCapturesASnapWhileTheStreetIsWithinReach() {
        SegmentSnapper snapper = new SegmentSnapper(platformBesideStreet(), 3_000);

        SegmentSnapper.Snap snap = snapper.snap(32.0003, 120.915, 50).orElseThrow();

        assertThat(snapper.onIsland(1)).isTrue();
        assertThat(snapper.onIsland(0)).isFalse();
        assertThat(snap.attachment()).isEqualTo(new Attachment(0, 1_500_000));
        assertThat(snap.distanceMeters()).isCloseTo(3 * 11.119508, within(1e-5));
    }

    @Test
    void withoutTheIslandRuleTheNearerPlatformCapturesTheShop() {
        SegmentSnapper snapper = new SegmentSnapper(platformBesideStreet());

        SegmentSnapper.Snap snap = snapper.snap(32.0003, 120.915, 50).orElseThrow();

        assertThat(snapper.onIsland(1)).isFalse();
        assertThat(snap.attachment().segment()).isEqualTo(1);
        assertThat(snap.distanceMeters()).isCloseTo(11.119508, within(METRE_TOLERANCE));
    }

    @Test
    void anIslandCapturesAPointWithNothingElseWithinReach() {
        // 0.0003 deg north of the platform (33.36 m), 0.0005 deg north of the street (55.60 m > 50 m)
        SegmentSnapper snapper = new SegmentSnapper(platformBesideStreet(), 3_000);

        SegmentSnapper.Snap snap = snapper.snap(32.0005, 120.915, 50).orElseThrow();

        assertThat(snap.attachment().segment()).isEqualTo(1);
        assertThat(snap.distanceMeters()).isCloseTo(3 * 11.119508, within(1e-5));
    }

    @Test
    void aComponentIsMeasuredOverAllItsSegmentsAndTheLongestIsNeverAnIsland() {
        // the platform in two pieces of 1,600 m each (3,200 m together, over the 3,000 m rule), beside the street
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        b.addSegment(b.addJunction(32.0, 120.900), b.addJunction(32.0, 120.940), 4_000_000);
        int p1 = b.addJunction(32.0002, 120.910);
        int p2 = b.addJunction(32.0002, 120.916);
        b.addSegment(p1, p2, 1_600_000);
        b.addSegment(p2, b.addJunction(32.0002, 120.9227), 1_600_000);
        SegmentSnapper twoPieces = new SegmentSnapper(b.build(), 3_000);
        // a lone 400 m street is the longest (the only) component, shorter than the rule but never an island
        SegmentSnapper lone = new SegmentSnapper(street(), 3_000);

        assertThat(twoPieces.snap(32.0003, 120.915, 50).orElseThrow().attachment().segment()).isEqualTo(1);
        assertThat(lone.onIsland(0)).isFalse();
        assertThat(lone.snap(32.0001, 120.901, 50)).get().extracting(SegmentSnapper.Snap::attachment)
                .isEqualTo(new Attachment(0, 100_000));
    }

    @Test
    void aStreetBeyondTheFirstWindowIsFoundByWidening() {
        // 0.0012 deg north of the street: 133.43 m, beyond the first 50 m window, within the 500 m asked for
        SegmentSnapper.Snap snap = new SegmentSnapper(street()).snap(32.0012, 120.901, 500).orElseThrow();

        assertThat(snap.attachment()).isEqualTo(new Attachment(0, 100_000));
        assertThat(snap.distanceMeters()).isCloseTo(12 * 11.1195080, within(1e-4));
    }

    @Test
    void anIslandInsideTheFirstWindowDoesNotCaptureAStreetFoundOnlyByWidening() {
        // the platform 0.0003 deg (33.36 m) south of the point, inside the first 50 m window; the street 0.0005 deg
        // (55.60 m) south of it, found only by the next window
        SegmentSnapper snapper = new SegmentSnapper(platformBesideStreet(), 3_000);

        SegmentSnapper.Snap snap = snapper.snap(32.0005, 120.915, 200).orElseThrow();

        assertThat(snap.attachment()).isEqualTo(new Attachment(0, 1_500_000));
        assertThat(snap.distanceMeters()).isCloseTo(5 * 11.1195080, within(1e-4));
    }

    @Test
    void emptyNetworkSnapsNothing() {
        SegmentSnapper snapper = new SegmentSnapper(WalkwayNetwork.builder().build());

        assertThat(snapper.snap(32.0, 120.9, 1_000)).isEmpty();
    }
}
