package cn.nantong.livingcircle.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * Places (buildings, shops, facilities...) attached to walkway segments, indexed so that a finished
 * {@link WalkingSearch} can list every place within walking distance.
 *
 * <h2>Algorithm</h2>
 * Places are grouped by segment in compressed sparse rows ({@code placeFirst[s] .. placeFirst[s+1]-1},
 * sorted by offset), so a segment without places costs one comparison. After a search, a place can
 * only be within the bound if its segment is touched by the search: either one of the segment's
 * junctions was settled, or a source lies on the segment itself (a short search from the middle of a
 * long street may settle no junction at all). So we walk the directed edges of the settled junctions
 * and the source segments, rather than all places of the city.
 *
 * <p>Each segment must be evaluated exactly once even though both of its ends may be settled: it is
 * evaluated from its forward edge if its from-junction was settled, otherwise from its backward edge
 * if its to-junction was, otherwise (neither end settled) as a source segment. Self-loops have only
 * one from-junction and therefore one evaluation too.
 *
 * <p>Immutable and thread-safe; all per-query state lives in the (per-thread) {@link WalkingSearch}.
 */
public final class PlaceLocator {

    private final WalkwayNetwork network;
    private final int[] placeSegment;
    private final int[] placeOffset;
    /** Places of segment s are {@code placeBySegment[placeFirst[s] .. placeFirst[s+1]-1]}. */
    private final int[] placeFirst;
    private final int[] placeBySegment;

    /**
     * @param placeSegment segment of each place (place index = array index)
     * @param placeOffsetMillimetres offset of each place from the segment's from-junction, {@code 0..len}
     */
    public PlaceLocator(WalkwayNetwork network, int[] placeSegment, int[] placeOffsetMillimetres) {
        this.network = Objects.requireNonNull(network, "network");
        Objects.requireNonNull(placeSegment, "placeSegment");
        Objects.requireNonNull(placeOffsetMillimetres, "placeOffsetMillimetres");
        if (placeSegment.length != placeOffsetMillimetres.length) {
            throw new IllegalArgumentException("placeSegment has " + placeSegment.length
                    + " entries but placeOffsetMillimetres has " + placeOffsetMillimetres.length);
        }
        int count = placeSegment.length;
        int segments = network.segmentCount();
        this.placeSegment = placeSegment.clone();
        this.placeOffset = placeOffsetMillimetres.clone();
        for (int i = 0; i < count; i++) {
            int s = this.placeSegment[i];
            if (s < 0 || s >= segments) {
                throw new IllegalArgumentException("place " + i + ": segment " + s + " out of range");
            }
            int o = this.placeOffset[i];
            if (o < 0 || o > network.segmentMillimetres(s)) {
                throw new IllegalArgumentException("place " + i + ": offset " + o + " mm outside segment " + s
                        + " (0.." + network.segmentMillimetres(s) + " mm)");
            }
        }
        // Counting sort by segment; places were given in any order.
        int[] first = new int[segments + 1];
        for (int i = 0; i < count; i++) {
            first[this.placeSegment[i] + 1]++;
        }
        for (int s = 0; s < segments; s++) {
            first[s + 1] += first[s];
        }
        int[] next = Arrays.copyOf(first, segments);
        int[] bySegment = new int[count];
        for (int i = 0; i < count; i++) {
            bySegment[next[this.placeSegment[i]]++] = i;
        }
        // Within a segment, order by offset: sort (offset, place) packed into longs, a primitive sort
        // that stays O(k log k) even if thousands of places share one segment.
        long[] packed = new long[count];
        for (int k = 0; k < count; k++) {
            packed[k] = ((long) this.placeOffset[bySegment[k]] << 32) | bySegment[k];
        }
        for (int s = 0; s < segments; s++) {
            if (first[s + 1] - first[s] > 1) {
                Arrays.sort(packed, first[s], first[s + 1]);
            }
        }
        for (int k = 0; k < count; k++) {
            bySegment[k] = (int) packed[k];
        }
        this.placeFirst = first;
        this.placeBySegment = bySegment;
    }

    public WalkwayNetwork network() {
        return network;
    }

    public int placeCount() {
        return placeSegment.length;
    }

    public int placeSegment(int place) {
        return placeSegment[place];
    }

    public int placeOffsetMillimetres(int place) {
        return placeOffset[place];
    }

    public Attachment placeAttachment(int place) {
        return new Attachment(placeSegment[place], placeOffset[place]);
    }

    /**
     * Calls {@code consumer(placeIndex, millimetres)} once for every place within {@code maxMillimetres}
     * (inclusive) of the origin(s) of the last run of {@code search}. The order is unspecified.
     *
     * @throws IllegalArgumentException if the search is over another network, or if
     *     {@code maxMillimetres} exceeds the bound of the search's last run (places beyond that bound
     *     would silently be missed)
     * @throws IllegalStateException if the search has not been run
     */
    public void forEachWithin(WalkingSearch search, int maxMillimetres, PlaceConsumer consumer) {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(consumer, "consumer");
        if (search.network() != network) {
            throw new IllegalArgumentException("search runs over a different WalkwayNetwork");
        }
        if (maxMillimetres < 0) {
            throw new IllegalArgumentException("maxMillimetres must be >= 0: " + maxMillimetres);
        }
        if (maxMillimetres > search.maxMillimetres()) {
            throw new IllegalArgumentException("maxMillimetres " + maxMillimetres
                    + " exceeds the bound of the last search (" + search.maxMillimetres() + ")");
        }
        if (placeBySegment.length == 0) {
            return;
        }
        final int[] firstEdge = network.firstEdge;
        final int[] edgeSegment = network.edgeSegment;
        final int[] forwardEdge = network.segmentForwardEdge;
        final int[] placeFirst = this.placeFirst;

        int settled = search.settledCount();
        for (int i = 0; i < settled; i++) {
            int j = search.settledJunction(i);
            for (int e = firstEdge[j], end = firstEdge[j + 1]; e < end; e++) {
                int s = edgeSegment[e];
                if (placeFirst[s] == placeFirst[s + 1]) {
                    continue;
                }
                // Backward edge: evaluate here only if the from-end was not settled (else its forward edge does it).
                if (e == forwardEdge[s]
                        || search.junctionDistance(network.segmentFrom(s)) == Integer.MAX_VALUE) {
                    emitSegment(search, s, maxMillimetres, consumer);
                }
            }
        }
        // Segments carrying a source but with neither end settled (e.g. origin mid-way along a long street).
        int sources = search.sourceCount();
        for (int i = 0; i < sources; i++) {
            int s = search.sourceSegment(i);
            if (i > 0 && search.sourceSegment(i - 1) == s) {
                continue; // sources are sorted by segment: skip duplicates
            }
            if (placeFirst[s] != placeFirst[s + 1]
                    && search.junctionDistance(network.segmentFrom(s)) == Integer.MAX_VALUE
                    && search.junctionDistance(network.segmentTo(s)) == Integer.MAX_VALUE) {
                emitSegment(search, s, maxMillimetres, consumer);
            }
        }
    }

    private void emitSegment(WalkingSearch search, int s, int maxMillimetres, PlaceConsumer consumer) {
        for (int k = placeFirst[s], end = placeFirst[s + 1]; k < end; k++) {
            int place = placeBySegment[k];
            long d = search.distanceAt(s, placeOffset[place]);
            if (d <= maxMillimetres) {
                consumer.accept(place, (int) d);
            }
        }
    }

    /** Receives a place index and its walking distance in millimetres. */
    @FunctionalInterface
    public interface PlaceConsumer {
        void accept(int place, int millimetres);
    }
}
