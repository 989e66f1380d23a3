package cn.nantong.livingcircle.engine;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

/**
 * Reusable {@link WalkingSearch} scratch space of one {@link WalkwayNetwork}, owned by that network
 * ({@link WalkwayNetwork#searches()}). A search holds six int arrays of the junction count (about 5 MB at 200k
 * junctions), so it is pooled rather than thread-local: the pool keeps as many as were ever in use at once, not one
 * per web or fork-join thread, and it goes away with its network when a newer data version replaces it.
 */
public final class WalkingSearchPool {

    private static final int MAX_POOLED = 64;

    private final WalkwayNetwork network;
    private final ConcurrentLinkedDeque<WalkingSearch> pool = new ConcurrentLinkedDeque<>();

    WalkingSearchPool(WalkwayNetwork network) {
        this.network = network;
    }

    /** A search over this pool's network for the caller's exclusive use until {@link #release}. */
    public WalkingSearch borrow() {
        WalkingSearch search = pool.pollFirst();
        return search != null ? search : new WalkingSearch(network);
    }

    public void release(WalkingSearch search) {
        if (search.network() != network) {
            throw new IllegalArgumentException("search belongs to another network");
        }
        if (pool.size() < MAX_POOLED) {
            pool.offerFirst(search);
        }
    }

    /** Runs {@code work} with a borrowed search and gives it back, whatever happens. */
    public <T> T with(Function<WalkingSearch, T> work) {
        WalkingSearch search = borrow();
        try {
            return work.apply(search);
        } finally {
            release(search);
        }
    }
}
