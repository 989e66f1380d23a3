package cn.nantong.livingcircle.walkway;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

/**
 * Reusable {@link WalkingSearch} scratch space. A search holds six int arrays of the junction count (about 5 MB at
 * 200k junctions), so it is pooled rather than thread-local: the pool keeps as many as were ever in use at once, not
 * one per web or fork-join thread, and a search over a replaced network (an older data version) is dropped when met
 * instead of pinning the old network in memory.
 */
public final class WalkingSearchPool {

    private static final int MAX_POOLED = 64;
    private static final ConcurrentLinkedDeque<WalkingSearch> POOL = new ConcurrentLinkedDeque<>();

    private WalkingSearchPool() {
    }

    /** A search over {@code network} for the caller's exclusive use until {@link #release}. */
    public static WalkingSearch borrow(WalkwayNetwork network) {
        WalkingSearch search;
        while ((search = POOL.pollFirst()) != null) {
            if (search.network() == network) {
                return search;
            }
        }
        return new WalkingSearch(network);
    }

    public static void release(WalkingSearch search) {
        if (POOL.size() < MAX_POOLED) {
            POOL.offerFirst(search);
        }
    }

    /** Runs {@code work} with a borrowed search and gives it back, whatever happens. */
    public static <T> T with(WalkwayNetwork network, Function<WalkingSearch, T> work) {
        WalkingSearch search = borrow(network);
        try {
            return work.apply(search);
        } finally {
            release(search);
        }
    }
}
