package cn.nantong.livingcircle.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * Bounded single- or multi-source Dijkstra over a {@link WalkwayNetwork}, starting from points on
 * segments rather than from junctions.
 *
 * <h2>Algorithm</h2>
 * <ul>
 *   <li><b>Seeding.</b> An origin on segment {@code s} at offset {@code o} can leave the segment
 *       only through its two ends, so it seeds {@code from(s)} with {@code o} and {@code to(s)} with
 *       {@code len(s) - o}. A multi-source search seeds every source that way; junction distances
 *       then are distances to the <em>nearest</em> source.</li>
 *   <li><b>Bound.</b> A tentative distance above {@code maxMillimetres} is never inserted into the
 *       heap, so the heap minimum can never exceed the bound and the search stops by itself once the
 *       ball of radius {@code maxMillimetres} is exhausted. The bound is inclusive.</li>
 *   <li><b>Heap.</b> An indexed binary min-heap in plain int arrays (node and key side by side, plus a
 *       per-junction position for decrease-key). Keeping at most one entry per junction bounds the
 *       heap by the number of reached junctions and avoids stale entries.</li>
 *   <li><b>Scratch reset by visit stamp.</b> Distances and heap positions are only valid for a
 *       junction whose {@code stamp} equals the current search's stamp; starting a new search just
 *       increments the stamp. This is the GraphHopper/OSRM trick: a 1 km search touching a few
 *       thousand junctions must not pay an {@code Arrays.fill} over 200k+ entries.</li>
 *   <li><b>Targets on segments.</b> The distance to a point {@code (t, p)} is
 *       {@code min(dist[from(t)] + p, dist[to(t)] + len(t) - p)}, and if a source lies on {@code t}
 *       itself also {@code |o - p|}, because walking along the segment without reaching a junction
 *       is then possible. This is exact (every other path enters {@code t} through one of its ends)
 *       and handles self-loops, parallel and zero-length segments without special cases.</li>
 *   <li><b>Overflow.</b> Relaxation compares {@code w > max - d}, which cannot overflow because
 *       {@code 0 <= d <= max}; target sums use {@code long}.</li>
 * </ul>
 *
 * <p>Not thread-safe: the scratch arrays are reused between runs. Create one instance per thread
 * (they are cheap relative to the network: six int arrays of {@code junctionCount}, about 5 MB for
 * 200k junctions) and reuse it for many searches. Results refer to the most recent {@code run}/{@code runFromSources}.
 */
public final class WalkingSearch {

    private static final int UNREACHED = Integer.MAX_VALUE;
    /** Heap position of a junction that has been removed from the heap (its distance is final). */
    private static final int SETTLED = -1;

    private final WalkwayNetwork network;
    // Read once into fields: the hot loop then works on plain local arrays.
    private final int[] firstEdge;
    private final int[] edgeTarget;
    private final int[] edgeMillimetres;

    private final int[] stamp;
    private final int[] distance;
    private final int[] heapPosition;
    private final int[] heapJunction;
    private final int[] heapKey;
    private final int[] settledOrder;

    private int currentStamp;
    private int heapSize;
    private int settledCount;
    private int bound = -1;

    /** Sources of the last run, sorted by (segment, offset) for the same-segment lookup. */
    private int[] sourceSegment = new int[1];
    private int[] sourceOffset = new int[1];
    private int sourceCount;

    public WalkingSearch(WalkwayNetwork network) {
        this.network = Objects.requireNonNull(network, "network");
        this.firstEdge = network.firstEdge;
        this.edgeTarget = network.edgeTarget;
        this.edgeMillimetres = network.edgeMillimetres;
        int n = network.junctionCount();
        this.stamp = new int[n];
        this.distance = new int[n];
        this.heapPosition = new int[n];
        this.heapJunction = new int[n];
        this.heapKey = new int[n];
        this.settledOrder = new int[n];
    }

    public WalkwayNetwork network() {
        return network;
    }

    /** Bounded Dijkstra from one point on a segment; afterwards every junction within {@code maxMillimetres} is settled. */
    public void run(Attachment origin, int maxMillimetres) {
        network.checkAttachment(origin);
        checkBound(maxMillimetres);
        sourceSegment[0] = origin.segment();
        sourceOffset[0] = origin.offsetMillimetres();
        sourceCount = 1;
        begin(maxMillimetres);
        seed(origin.segment(), origin.offsetMillimetres());
        search();
    }

    /**
     * Bounded multi-source Dijkstra: afterwards {@link #junctionDistance} and {@link #distanceTo} give the
     * distance to the nearest of the sources (e.g. "how far is the nearest pharmacy" for every junction
     * of the city in one pass). An empty array is allowed and reaches nothing.
     */
    public void runFromSources(Attachment[] sources, int maxMillimetres) {
        Objects.requireNonNull(sources, "sources");
        checkBound(maxMillimetres);
        int k = sources.length;
        // Packed (segment, offset) longs sort in one primitive Arrays.sort; both halves are >= 0.
        long[] packed = new long[k];
        for (int i = 0; i < k; i++) {
            network.checkAttachment(sources[i]);
            packed[i] = ((long) sources[i].segment() << 32) | sources[i].offsetMillimetres();
        }
        Arrays.sort(packed);
        if (sourceSegment.length < k) {
            sourceSegment = new int[k];
            sourceOffset = new int[k];
        }
        for (int i = 0; i < k; i++) {
            sourceSegment[i] = (int) (packed[i] >>> 32);
            sourceOffset[i] = (int) packed[i];
        }
        sourceCount = k;
        begin(maxMillimetres);
        for (int i = 0; i < k; i++) {
            seed(sourceSegment[i], sourceOffset[i]);
        }
        search();
    }

    /** Distance in mm from the origin (nearest source) to junction j, or {@link Integer#MAX_VALUE} if beyond the bound. */
    public int junctionDistance(int junction) {
        checkRan();
        return stamp[junction] == currentStamp ? distance[junction] : UNREACHED;
    }

    /**
     * Network distance in mm from the origin (nearest source) to a point on a segment, including the
     * direct walk along the segment when a source lies on the same segment; {@link Integer#MAX_VALUE}
     * if it exceeds the bound of the last run.
     */
    public int distanceTo(Attachment target) {
        checkRan();
        network.checkAttachment(target);
        long d = distanceAt(target.segment(), target.offsetMillimetres());
        return d <= bound ? (int) d : UNREACHED;
    }

    /** Number of junctions settled (reached within the bound) by the last run. */
    public int settledCount() {
        return settledCount;
    }

    /** The i-th junction settled by the last run, in order of non-decreasing distance ({@code 0 <= i < settledCount()}). */
    public int settledJunction(int i) {
        if (i < 0 || i >= settledCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return settledOrder[i];
    }

    /** The bound of the last run in mm. */
    public int maxMillimetres() {
        checkRan();
        return bound;
    }

    /** Whether {@link #run} or {@link #runFromSources} has been called at least once. */
    public boolean hasRun() {
        return bound >= 0;
    }

    // ---------------------------------------------------------------- package-private, for PlaceLocator

    /**
     * Distance to (s, p) from what the last run settled, not yet clipped to the bound; a long so
     * callers can compare against their own bound without overflow. {@code Long.MAX_VALUE} if
     * unreachable. No validation: the caller guarantees {@code 0 <= p <= len(s)}.
     */
    long distanceAt(int s, int p) {
        long best = Long.MAX_VALUE;
        int a = network.segmentFrom(s);
        if (stamp[a] == currentStamp) {
            best = (long) distance[a] + p;
        }
        int z = network.segmentTo(s);
        if (stamp[z] == currentStamp) {
            best = Math.min(best, (long) distance[z] + (network.segmentMillimetres(s) - p));
        }
        return Math.min(best, directDistance(s, p));
    }

    /** Distance from the nearest source lying on segment s itself, walking along s; {@code Long.MAX_VALUE} if none. */
    long directDistance(int s, int p) {
        if (sourceCount == 1) {
            // The common single-origin case: no search structure needed.
            return sourceSegment[0] == s ? Math.abs((long) sourceOffset[0] - p) : Long.MAX_VALUE;
        }
        int lo = lowerBound(s, -1);
        if (lo >= sourceCount || sourceSegment[lo] != s) {
            return Long.MAX_VALUE;
        }
        // Offsets of sources on s are sorted: the nearest is adjacent to p's insertion point.
        int i = lowerBound(s, p);
        long best = Long.MAX_VALUE;
        if (i < sourceCount && sourceSegment[i] == s) {
            best = (long) sourceOffset[i] - p;
        }
        if (i > lo) {
            best = Math.min(best, (long) p - sourceOffset[i - 1]);
        }
        return best;
    }

    /** Segment of the i-th source of the last run; sources are sorted by (segment, offset). */
    int sourceSegment(int i) {
        return sourceSegment[i];
    }

    int sourceCount() {
        return sourceCount;
    }

    // ---------------------------------------------------------------- internals

    /** First index whose (segment, offset) is >= (s, p); with p = -1 the first source on s. */
    private int lowerBound(int s, int p) {
        int lo = 0;
        int hi = sourceCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int ms = sourceSegment[mid];
            if (ms < s || (ms == s && sourceOffset[mid] < p)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void checkBound(int maxMillimetres) {
        if (maxMillimetres < 0) {
            throw new IllegalArgumentException("maxMillimetres must be >= 0: " + maxMillimetres);
        }
    }

    private void checkRan() {
        if (bound < 0) {
            throw new IllegalStateException("no search has been run yet");
        }
    }

    private void begin(int maxMillimetres) {
        if (currentStamp == Integer.MAX_VALUE) {
            // Once every ~2 billion searches: stamps would wrap and old entries look current.
            Arrays.fill(stamp, 0);
            currentStamp = 0;
        }
        currentStamp++;
        heapSize = 0;
        settledCount = 0;
        bound = maxMillimetres;
    }

    private void seed(int s, int offset) {
        offer(network.segmentFrom(s), offset);
        offer(network.segmentTo(s), network.segmentMillimetres(s) - offset);
    }

    private void search() {
        final int[] firstEdge = this.firstEdge;
        final int[] edgeTarget = this.edgeTarget;
        final int[] edgeMillimetres = this.edgeMillimetres;
        final int max = bound;
        while (heapSize > 0) {
            int u = heapJunction[0];
            int du = heapKey[0];
            removeMin();
            heapPosition[u] = SETTLED;
            settledOrder[settledCount++] = u;
            int slack = max - du; // >= 0 because only keys <= max enter the heap
            for (int e = firstEdge[u], end = firstEdge[u + 1]; e < end; e++) {
                int w = edgeMillimetres[e];
                if (w > slack) {
                    continue;
                }
                int v = edgeTarget[e];
                int dv = du + w;
                if (stamp[v] != currentStamp) {
                    stamp[v] = currentStamp;
                    distance[v] = dv;
                    siftUp(heapSize++, v, dv);
                } else if (dv < distance[v] && heapPosition[v] != SETTLED) {
                    distance[v] = dv;
                    siftUp(heapPosition[v], v, dv);
                }
            }
        }
    }

    /** Insert or decrease-key for a seed; seeds beyond the bound are dropped. */
    private void offer(int j, int d) {
        if (d > bound) {
            return;
        }
        if (stamp[j] != currentStamp) {
            stamp[j] = currentStamp;
            distance[j] = d;
            siftUp(heapSize++, j, d);
        } else if (d < distance[j]) {
            // Seeding happens before any junction is settled, so j is still in the heap.
            distance[j] = d;
            siftUp(heapPosition[j], j, d);
        }
    }

    /** Moves (j, key) up from hole {@code pos} to its place; used for insert (pos = old size) and decrease-key. */
    private void siftUp(int pos, int j, int key) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            int parentKey = heapKey[parent];
            if (parentKey <= key) {
                break;
            }
            int pj = heapJunction[parent];
            heapJunction[pos] = pj;
            heapKey[pos] = parentKey;
            heapPosition[pj] = pos;
            pos = parent;
        }
        heapJunction[pos] = j;
        heapKey[pos] = key;
        heapPosition[j] = pos;
    }

    /** Removes the root and sifts the last element down from the root hole. */
    private void removeMin() {
        int size = --heapSize;
        if (size == 0) {
            return;
        }
        int j = heapJunction[size];
        int key = heapKey[size];
        int pos = 0;
        int half = size >>> 1; // nodes at index >= half are leaves
        while (pos < half) {
            int child = 2 * pos + 1;
            int childKey = heapKey[child];
            int right = child + 1;
            if (right < size && heapKey[right] < childKey) {
                child = right;
                childKey = heapKey[right];
            }
            if (key <= childKey) {
                break;
            }
            int cj = heapJunction[child];
            heapJunction[pos] = cj;
            heapKey[pos] = childKey;
            heapPosition[cj] = pos;
            pos = child;
        }
        heapJunction[pos] = j;
        heapKey[pos] = key;
        heapPosition[j] = pos;
    }
}
