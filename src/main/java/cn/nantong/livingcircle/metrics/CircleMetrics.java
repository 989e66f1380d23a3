package cn.nantong.livingcircle.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The application's own meters ({@code circle.*}) that more than one package records. Every tag value comes from an
 * enum of this class, never from a request or from the data (no ids, no version stamps, no category codes), so the
 * number of series is fixed by the code: a client cannot create new ones.
 *
 * <p>Every meter is registered at start-up with its whole tag set, so a dashboard shows zero, not "no data", until
 * the first event, and the scrape always names every metric.
 */
@Component
public class CircleMetrics {

    /** What a walking search answers. */
    public enum SearchKind {
        REACHABLE("reachable"), NEAREST("nearest"), ISOCHRONE("isochrone"),
        /** One category's nearest-place distance of every building, the index coverage, gaps and livableBuildings read. */
        COVERAGE("coverage"),
        WHAT_IF("whatIf"), SITE_SUGGESTIONS("siteSuggestions"), ROUTE("route");

        final String tag;

        SearchKind(String tag) {
            this.tag = tag;
        }
    }

    /** Where a walking search starts. */
    public enum Origin {
        BUILDING, POINT,
        /** Many sources at once: every place of a category (and the hypothetical ones of a what-if). */
        PLACES;

        final String tag = name().toLowerCase(Locale.ROOT);
    }

    /** In-memory caches of something computed from one data version, rebuilt when the version changes. */
    public enum VersionedCache {
        WALKWAY_NETWORK("walkway-network"), NETWORK_EXTENT("network-extent"),
        COVERAGE_NEAREST("coverage-nearest"), COMMUNITY_COVERAGE("community-coverage"), AREA_STATS("area-stats"),
        MAP_OUTLINES("map-outlines"), STEP_FREE_NETWORK("step-free-network"), PLACE_DETAILS("place-details");

        final String tag;

        VersionedCache(String tag) {
            this.tag = tag;
        }
    }

    /** The pairs of kind and origin that exist: only these are registered, so the dashboard has no empty series. */
    private static final Map<SearchKind, Origin[]> SEARCHES = new EnumMap<>(Map.of(
            SearchKind.REACHABLE, new Origin[] {Origin.BUILDING, Origin.POINT},
            SearchKind.NEAREST, new Origin[] {Origin.BUILDING, Origin.POINT},
            SearchKind.ISOCHRONE, new Origin[] {Origin.BUILDING, Origin.POINT},
            SearchKind.COVERAGE, new Origin[] {Origin.PLACES},
            SearchKind.WHAT_IF, new Origin[] {Origin.PLACES},
            SearchKind.SITE_SUGGESTIONS, new Origin[] {Origin.BUILDING},
            SearchKind.ROUTE, new Origin[] {Origin.BUILDING, Origin.POINT}));

    /**
     * Fixed histogram buckets instead of Micrometer's percentile histogram (about 70 buckets per series): twelve are
     * enough for {@code histogram_quantile} between 1 ms and 10 s, the range between a building's precomputed
     * reach and a city-wide coverage category.
     */
    static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    /** {@code circle.isochrones{limits}}: 1 to 5 time limits as themselves, more as {@code 6+}. */
    static final int MAX_LIMITS_TAG = 6;

    private final MeterRegistry meters;
    private final Map<SearchKind, Map<Origin, Timer>> searches = new EnumMap<>(SearchKind.class);
    private final Timer[] isochrones = new Timer[MAX_LIMITS_TAG + 1];
    private final Map<VersionedCache, Counter> hits = new EnumMap<>(VersionedCache.class);
    private final Map<VersionedCache, Counter> misses = new EnumMap<>(VersionedCache.class);
    private final Map<VersionedCache, Timer> loads = new EnumMap<>(VersionedCache.class);

    public CircleMetrics(MeterRegistry meters) {
        this.meters = meters;
        SEARCHES.forEach((kind, origins) -> {
            Map<Origin, Timer> byOrigin = new EnumMap<>(Origin.class);
            for (Origin origin : origins) {
                byOrigin.put(origin, Timer.builder("circle.reachability.searches")
                        .description("Walking searches answered, by what they answer and where they start")
                        .tags("kind", kind.tag, "origin", origin.tag).serviceLevelObjectives(BUCKETS)
                        .register(meters));
            }
            searches.put(kind, byOrigin);
        });
        for (int limits = 1; limits <= MAX_LIMITS_TAG; limits++) {
            isochrones[limits] = Timer.builder("circle.isochrones")
                    .description("Isochrone computations (search and contours of every limit), by number of limits")
                    .tag("limits", limits == MAX_LIMITS_TAG ? MAX_LIMITS_TAG + "+" : String.valueOf(limits))
                    .serviceLevelObjectives(BUCKETS).register(meters);
        }
        for (VersionedCache cache : VersionedCache.values()) {
            hits.put(cache, gets(cache, "hit"));
            misses.put(cache, gets(cache, "miss"));
            loads.put(cache, Timer.builder("circle.cache.loads")
                    .description("Time to rebuild a per-data-version cache entry after a miss").tag("cache", cache.tag)
                    .register(meters));
        }
    }

    private Counter gets(VersionedCache cache, String result) {
        return Counter.builder("circle.cache.gets")
                .description("Lookups of a per-data-version in-memory cache: hit, or miss (rebuilt for a new version)")
                .tags("cache", cache.tag, "result", result).register(meters);
    }

    /** Records one search that took {@code nanos}. */
    public void search(SearchKind kind, Origin origin, long nanos) {
        Timer timer = searches.get(kind).get(origin);
        if (timer == null) {
            throw new IllegalArgumentException("No " + kind + " search starts at " + origin);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Records one isochrone computation of {@code limits} time limits. */
    public void isochrones(int limits, long nanos) {
        isochrones[Math.max(1, Math.min(limits, MAX_LIMITS_TAG))]
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void cacheHit(VersionedCache cache) {
        hits.get(cache).increment();
    }

    /** A miss whose rebuild took {@code nanos}. */
    public void cacheMiss(VersionedCache cache, long nanos) {
        misses.get(cache).increment();
        loads.get(cache).record(nanos, TimeUnit.NANOSECONDS);
    }
}
