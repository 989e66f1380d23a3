package cn.nantong.livingcircle.engine;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * Places on hand-drawn graphs; numbers on edges are metres, {@code pN} marks place N with its
 * offset from the segment's from-junction (left end) in metres.
 */
class PlaceLocatorTests {

    private static int[] junctions(WalkwayNetwork.Builder b, int n) {
        int[] j = new int[n];
        for (int i = 0; i < n; i++) {
            j[i] = b.addJunction(32.0, 120.9 + i * 0.001);
        }
        return j;
    }

    /** Collects the callbacks, failing if a place is reported twice. */
    private static Map<Integer, Integer> within(PlaceLocator places, WalkingSearch search, int maxMillimetres) {
        Map<Integer, Integer> found = new HashMap<>();
        places.forEachWithin(search, maxMillimetres, (place, mm) -> {
            Integer previous = found.put(place, mm);
            assertThat(previous).as("place %d reported twice", place).isNull();
        });
        return found;
    }

    @Test
    void placeOnSameSegmentUsesDirectOffset() {
        // A ------------------ s0 1000m ------------------ B
        //   p1 (100)   origin (300)   p0 (450)        p2 (900)
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 2);
        int s0 = b.addSegment(j[0], j[1], 1_000_000);
        WalkwayNetwork network = b.build();
        PlaceLocator places = new PlaceLocator(network, new int[] {s0, s0, s0}, new int[] {450_000, 100_000, 900_000});
        WalkingSearch search = new WalkingSearch(network);

        search.run(new Attachment(s0, 300_000), 250_000);

        // Neither A (300 m) nor B (700 m) is within 250 m, yet both neighbours along the street are found.
        assertThat(search.settledCount()).isZero();
        assertThat(within(places, search, 250_000)).containsOnly(entry(0, 150_000), entry(1, 200_000));
    }

    @Test
    void placeAtExactlyTheBoundIsWithin() {
        // A --s0 100m-- B --s1 250m-- C
        //                  p0 (249.999)  p1 at C (250)
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 3);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        int s1 = b.addSegment(j[1], j[2], 250_000);
        WalkwayNetwork network = b.build();
        PlaceLocator places = new PlaceLocator(network, new int[] {s1, s1}, new int[] {249_999, 250_000});
        WalkingSearch search = new WalkingSearch(network);

        search.run(new Attachment(s0, 0), 350_000);
        assertThat(within(places, search, 350_000)).containsOnly(entry(0, 349_999), entry(1, 350_000));
        assertThat(within(places, search, 349_999)).containsOnly(entry(0, 349_999));
    }

    @Test
    void placeBetweenTwoReachedJunctionsIsReportedOnceWithTheShorterSide() {
        //          +---- s2 100m ----+
        //          |                 |
        // A --s0 100m-- B --s1 300m-- C     p0 on s1, 250 m from B: via B 350 m, via C (A->C 100 m) 150 m
        //          (s2 runs A -> C)
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 3);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        int s1 = b.addSegment(j[1], j[2], 300_000);
        b.addSegment(j[0], j[2], 100_000);
        WalkwayNetwork network = b.build();
        PlaceLocator places = new PlaceLocator(network, new int[] {s1}, new int[] {250_000});
        WalkingSearch search = new WalkingSearch(network);

        search.run(new Attachment(s0, 0), 1_000_000);

        assertThat(within(places, search, 1_000_000)).containsOnly(entry(0, 150_000));
    }

    @Test
    void placeOnASegmentReachedOnlyFromItsToEndIsFound() {
        // A --s0 100m-- B <--s1 500m-- C     (s1 is drawn from C to B)
        //                   p0 400 m from C = 100 m from B
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 3);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        int s1 = b.addSegment(j[2], j[1], 500_000);
        WalkwayNetwork network = b.build();
        PlaceLocator places = new PlaceLocator(network, new int[] {s1}, new int[] {400_000});
        WalkingSearch search = new WalkingSearch(network);

        search.run(new Attachment(s0, 0), 300_000);

        assertThat(search.junctionDistance(j[2])).isEqualTo(Integer.MAX_VALUE);
        assertThat(within(places, search, 300_000)).containsOnly(entry(0, 200_000));
    }

    @Test
    void placeOnASelfLoopIsReportedOnce() {
        // A --s0 100m-- B  (s1: 400 m loop B -> B, p0 at 300 m = 100 m back from B)
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 2);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        int s1 = b.addSegment(j[1], j[1], 400_000);
        WalkwayNetwork network = b.build();
        PlaceLocator places = new PlaceLocator(network, new int[] {s1}, new int[] {300_000});
        WalkingSearch search = new WalkingSearch(network);

        search.run(new Attachment(s0, 0), 1_000_000);

        assertThat(within(places, search, 1_000_000)).containsOnly(entry(0, 200_000));
    }

    @Test
    void smallerRadiusThanTheSearchFiltersPlaces() {
        // A --s0 100m-- B --s1 250m-- C    p0 at B, p1 at C
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 3);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        int s1 = b.addSegment(j[1], j[2], 250_000);
        WalkwayNetwork network = b.build();
        PlaceLocator places = new PlaceLocator(network, new int[] {s0, s1}, new int[] {100_000, 250_000});
        WalkingSearch search = new WalkingSearch(network);

        search.run(new Attachment(s0, 0), 1_000_000);

        assertThat(within(places, search, 200_000)).containsOnly(entry(0, 100_000));
        assertThat(within(places, search, 1_000_000)).containsOnly(entry(0, 100_000), entry(1, 350_000));
    }

    @Test
    void placeOnAnUnreachableIslandIsNotReported() {
        // A --s0 100m-- B        C --s1 50m-- D   p0 on s1
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 4);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        int s1 = b.addSegment(j[2], j[3], 50_000);
        WalkwayNetwork network = b.build();
        PlaceLocator places = new PlaceLocator(network, new int[] {s1, s0}, new int[] {25_000, 60_000});
        WalkingSearch search = new WalkingSearch(network);

        search.run(new Attachment(s0, 0), Integer.MAX_VALUE);

        assertThat(within(places, search, Integer.MAX_VALUE)).containsOnly(entry(1, 60_000));
    }

    @Test
    void multiSourcePlacesGetTheDistanceToTheNearestSource() {
        // A --s0 100m-- B --s1 100m-- C --s2 1000m-- D
        // *src at A             p0 at C (200 from A)   *src 500 m into s2
        //                                  p1 600 m into s2 (100 m from the second source)
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 4);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        int s1 = b.addSegment(j[1], j[2], 100_000);
        int s2 = b.addSegment(j[2], j[3], 1_000_000);
        WalkwayNetwork network = b.build();
        PlaceLocator places = new PlaceLocator(network, new int[] {s1, s2}, new int[] {100_000, 600_000});
        WalkingSearch search = new WalkingSearch(network);

        search.runFromSources(new Attachment[] {new Attachment(s0, 0), new Attachment(s2, 500_000)}, 250_000);

        assertThat(within(places, search, 250_000)).containsOnly(entry(0, 200_000), entry(1, 100_000));
    }

    @Test
    void rejectsARadiusBeyondTheSearchBoundAndForeignSearches() {
        WalkwayNetwork.Builder b = WalkwayNetwork.builder();
        int[] j = junctions(b, 2);
        int s0 = b.addSegment(j[0], j[1], 100_000);
        WalkwayNetwork network = b.build();
        PlaceLocator places = new PlaceLocator(network, new int[] {s0}, new int[] {0});
        WalkingSearch search = new WalkingSearch(network);
        WalkingSearch foreign = new WalkingSearch(b.build());

        assertThatThrownBy(() -> places.forEachWithin(search, 10, (p, mm) -> { }))
                .isInstanceOf(IllegalStateException.class);
        search.run(new Attachment(s0, 0), 1_000);
        foreign.run(new Attachment(s0, 0), 1_000);
        assertThatThrownBy(() -> places.forEachWithin(search, 1_001, (p, mm) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> places.forEachWithin(foreign, 1_000, (p, mm) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlaceLocator(network, new int[] {s0}, new int[] {100_001}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlaceLocator(network, new int[] {1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(places.placeCount()).isEqualTo(1);
    }
}
