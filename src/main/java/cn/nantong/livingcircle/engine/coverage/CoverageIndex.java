package cn.nantong.livingcircle.engine.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.WalkingSearch;

/**
 * For one {@link CityNetwork} (one data version): the walking distance from every building to the nearest place of
 * every category, in millimetres.
 *
 * <h2>Algorithm</h2>
 * One multi-source search per category: every place of the category seeds {@link WalkingSearch#runFromSources} at
 * its attachment point, the search runs without a bound, and afterwards each building's distance to the nearest
 * place is a constant-time {@link WalkingSearch#distanceTo} of its own attachment. Distance is symmetric on the
 * walkway graph (every segment is walkable both ways), so "nearest place from the building" equals "nearest source
 * to the building". Cost per category is one Dijkstra over the components that contain a place of the category
 * plus one lookup per building, instead of one search per building. The search is unbounded so that the median and
 * 90th percentile are exact however far the nearest place is; {@link Integer#MAX_VALUE} means no place of the
 * category is reachable on foot at all (another network component).
 *
 * <p>Pace does not enter: it only turns a target in minutes into metres, so one distance array serves every pace
 * and every time threshold.
 *
 * <p>Thread-safe: each category is computed once (concurrent callers wait for the first one's future); searches
 * are borrowed from the {@link WalkingSearchPool}.
 */
public final class CoverageIndex {

    public static final int UNREACHABLE = Integer.MAX_VALUE;

    private final CityNetwork city;
    private final int[][] placesByCategory;
    private final int[][] buildingsByCommunity;
    private final ConcurrentHashMap<Integer, CompletableFuture<int[]>> nearest = new ConcurrentHashMap<>();
    private final Lookups lookups;

    /**
     * Told of every category lookup, so that the application can count hits and time the searches: the engine keeps
     * no metrics of its own.
     */
    public interface Lookups {
        Lookups NONE = new Lookups() {
            @Override
            public void found() {
            }

            @Override
            public void computed(long nanos) {
            }
        };

        /** The category's distances were there already (or being computed by another caller). */
        void found();

        /** The category's distances were computed by this call, in {@code nanos}. */
        void computed(long nanos);
    }

    public CoverageIndex(CityNetwork city) {
        this(city, Lookups.NONE);
    }

    public CoverageIndex(CityNetwork city, Lookups lookups) {
        this.city = city;
        this.lookups = lookups;
        this.placesByCategory = group(city.placeCategory(), city.categoryCodes().length);
        this.buildingsByCommunity = group(city.buildingCommunity(), city.communityIds().length);
    }

    public CityNetwork city() {
        return city;
    }

    /**
     * Building index → millimetres to the nearest place of the category ({@link #UNREACHABLE} if none). A negative
     * category (one the network does not know) has no places.
     */
    public int[] nearestMillimetres(int category) {
        if (category < 0) {
            int[] none = new int[city.buildingCount()];
            java.util.Arrays.fill(none, UNREACHABLE);
            return none;
        }
        CompletableFuture<int[]> mine = new CompletableFuture<>();
        CompletableFuture<int[]> existing = nearest.putIfAbsent(category, mine);
        if (existing != null) {
            lookups.found();
            return existing.join();
        }
        try {
            long start = System.nanoTime();
            mine.complete(nearestMillimetres(sources(category, null, null)));
            lookups.computed(System.nanoTime() - start);
        } catch (RuntimeException e) {
            nearest.remove(category, mine);
            mine.completeExceptionally(e);
            throw e;
        }
        return mine.join();
    }

    /** Computes every category on {@code threads} threads (warm-up and benchmark); returns when all are done. */
    public void computeAll(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<int[]>> futures = new ArrayList<>();
            for (int c = 0; c < placesByCategory.length; c++) {
                int category = c;
                futures.add(pool.submit(() -> nearestMillimetres(category)));
            }
            for (Future<int[]> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing coverage", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("coverage computation failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Place indices of a category. */
    public int[] places(int category) {
        return placesByCategory[category];
    }

    /** Building indices of a community, ascending. */
    public int[] buildingsOf(int community) {
        return buildingsByCommunity[community];
    }

    /** Every building index, ascending. */
    public int[] allBuildings() {
        int[] all = new int[city.buildingCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    /**
     * Attachment points of the category's places, without {@code removed} places (may be null) and with
     * {@code added} attachments (may be null) appended: the sources of a what-if search.
     */
    public Attachment[] sources(int category, boolean[] removed, List<Attachment> added) {
        int[] places = placesByCategory[category];
        List<Attachment> sources = new ArrayList<>(places.length + (added == null ? 0 : added.size()));
        for (int p : places) {
            if (removed == null || !removed[p]) {
                sources.add(city.placeAttachment(p));
            }
        }
        if (added != null) {
            sources.addAll(added);
        }
        return sources.toArray(Attachment[]::new);
    }

    /** Nearest-source distance of every building after one unbounded multi-source search, on the caller's scratch. */
    public int[] nearestMillimetres(Attachment[] sources) {
        return city.network().searches().with(search -> nearestMillimetres(city, search, sources));
    }

    public static int[] nearestMillimetres(CityNetwork city, WalkingSearch search, Attachment[] sources) {
        search.runFromSources(sources, Integer.MAX_VALUE);
        Attachment[] buildings = city.buildingAttachments();
        int[] distances = new int[buildings.length];
        for (int b = 0; b < buildings.length; b++) {
            distances[b] = search.distanceTo(buildings[b]);
        }
        return distances;
    }

    /** Inverts an index → group array into group → ascending indices (negative groups are skipped). */
    private static int[][] group(int[] groupOf, int groups) {
        int[] counts = new int[groups];
        for (int g : groupOf) {
            if (g >= 0) {
                counts[g]++;
            }
        }
        int[][] result = new int[groups][];
        for (int g = 0; g < groups; g++) {
            result[g] = new int[counts[g]];
            counts[g] = 0;
        }
        for (int i = 0; i < groupOf.length; i++) {
            int g = groupOf[i];
            if (g >= 0) {
                result[g][counts[g]++] = i;
            }
        }
        return result;
    }
}
