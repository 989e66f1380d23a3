package cn.nantong.livingcircle.dataset;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.api.DatasetChanged;
import cn.nantong.livingcircle.api.Records;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the dataset metadata. Cached and refreshed in the background every few seconds: every reachability request
 * needs the horizon and the version stamp, no request should wait for the refresh, and a replica must still notice
 * within seconds when another one imports new data.
 */
@Service
public class DatasetService {

    private final Neo4jClient neo4j;
    private final TransactionTemplate readOnly;
    private final LoadingCache<String, Optional<DatasetInfo>> cache;
    private final ApplicationEventPublisher events;
    private volatile DatasetInfo counted;
    /**
     * The dataset one GraphQL request reads, fixed at its start ({@link #pin}) on the thread that executes it, so
     * that two fields of one answer never read two generations while a new one is switched in.
     */
    private final ThreadLocal<Pin> pinned = new ThreadLocal<>();
    private final MultiGauge info;
    private final Counter versionChanges;
    private String publishedVersion;

    DatasetService(Neo4jClient neo4j, TransactionTemplate readOnlyTransactions, ApplicationEventPublisher events,
            MeterRegistry meters) {
        this.neo4j = neo4j;
        this.readOnly = readOnlyTransactions;
        this.events = events;
        this.cache = Caffeine.newBuilder().refreshAfterWrite(Duration.ofSeconds(5)).recordStats()
                .build(key -> published(load()));
        CaffeineCacheMetrics.monitor(meters, cache, "dataset");
        this.info = MultiGauge.builder("circle.dataset.info")
                .description("1, tagged with the data version this replica serves; one series, replaced on a change")
                .register(meters);
        this.versionChanges = Counter.builder("circle.dataset.version_changes")
                .description("Data version changes this replica has seen (imports and maintenance writes)")
                .register(meters);
    }

    /**
     * Keeps {@code circle.dataset.info} at one series: the row of the previous version is removed when the new one is
     * registered, so a version stamp (a UUID per import and per maintenance write) never accumulates as live series.
     */
    private synchronized Optional<DatasetInfo> published(Optional<DatasetInfo> loaded) {
        String version = loaded.map(DatasetInfo::version).orElse(null);
        if (!Objects.equals(version, publishedVersion)) {
            info.register(version == null ? List.of() : List.of(MultiGauge.Row.of(Tags.of("version", version), 1)),
                    true);
            if (publishedVersion != null && version != null) {
                versionChanges.increment();
            }
            publishedVersion = version;
        }
        return loaded;
    }

    /**
     * @throws ApiException {@code SERVICE_UNAVAILABLE} while no dataset has been imported yet
     */
    public DatasetInfo current() {
        return find().orElseThrow(() -> new ApiException(ApiException.ErrorCode.SERVICE_UNAVAILABLE,
                "No dataset has been loaded yet"));
    }

    /** The generation number of an empty graph: no node carries it, so every list is empty, as the graph is. */
    public static final long NO_GENERATION = -1;

    /**
     * The active generation's number, which every reader matches the dataset's nodes on; {@link #NO_GENERATION}
     * while no dataset has been imported (what needs the dataset itself asks {@link #current()}, which refuses).
     */
    public long generation() {
        return find().map(DatasetInfo::generation).orElse(NO_GENERATION);
    }

    public Optional<DatasetInfo> find() {
        Pin pin = pinned.get();
        return pin != null ? pin.dataset() : cache.get("current");
    }

    /** A request's hold on one dataset; {@link #unpin} with it. */
    public static final class Pin {
        private final Optional<DatasetInfo> dataset;

        private Pin(Optional<DatasetInfo> dataset) {
            this.dataset = dataset;
        }

        Optional<DatasetInfo> dataset() {
            return dataset;
        }
    }

    /**
     * Fixes what {@link #find}, {@link #current} and {@link #generation} answer on this thread to the dataset of
     * now, until {@link #unpin}; a pin left behind by an earlier request on a pooled thread is replaced.
     */
    public Pin pin() {
        pinned.remove();
        Pin pin = new Pin(cache.get("current"));
        pinned.set(pin);
        return pin;
    }

    /** Ends {@code pin} if it is still this thread's (a request finishing on another thread leaves that one alone). */
    public void unpin(Pin pin) {
        if (pinned.get() == pin) {
            pinned.remove();
        }
    }

    /**
     * Called after a write that changed the version has committed: the next read sees the new one, also later in the
     * request that wrote it.
     */
    public void invalidate() {
        pinned.remove();
        cache.invalidateAll();
        events.publishEvent(new DatasetChanged());
    }

    private Optional<DatasetInfo> load() {
        Optional<DatasetInfo> metadata = readOnly.execute(status -> neo4j.query("""
                        MATCH (g:Generation {state: 'ACTIVE'})
                        MATCH (d:Dataset) WHERE d.generation = g.number
                        WITH g, d ORDER BY d.importedAt DESC LIMIT 1
                        RETURN d.id AS id, d.name AS name, d.source AS source, d.licence AS licence,
                               d.attribution AS attribution, d.synthetic AS synthetic, d.version AS version,
                               toString(d.importedAt) AS importedAt, d.horizonMeters AS horizonMeters,
                               g.number AS generation
                        """)
                .fetchAs(DatasetInfo.class)
                .mappedBy((t, r) -> new DatasetInfo(r.get("id").asString(), r.get("name").asString(),
                        r.get("source").asString(), r.get("licence").asString(), r.get("attribution").asString(),
                        Records.booleanOrFalse(r.get("synthetic")), r.get("version").asString(),
                        r.get("importedAt").asString(), r.get("horizonMeters").asDouble(),
                        r.get("generation").asLong(), 0, 0, 0, 0, 0, 0))
                .one());
        return metadata.map(this::withCounts);
    }

    /**
     * The counts change only with the version, and counting one generation's walking edges reads every building's
     * degree (millions of edges at city scale), so they are counted once per version, not on every refresh.
     */
    private DatasetInfo withCounts(DatasetInfo d) {
        DatasetInfo previous = counted;
        if (previous != null && previous.version().equals(d.version()) && previous.generation() == d.generation()) {
            return previous;
        }
        DatasetInfo full = readOnly.execute(status -> neo4j.query("""
                        RETURN COUNT { (b:Building) WHERE b.generation = $generation } AS buildings,
                               COUNT { (o:Outlet) WHERE o.generation = $generation } AS outlets,
                               COUNT { (f:Facility) WHERE f.generation = $generation } AS facilities,
                               COUNT { (j:Junction) WHERE j.generation = $generation } AS junctions,
                               COUNT { (j:Junction)-[:WALKWAY]->() WHERE j.generation = $generation } AS walkways,
                               COUNT { (b:Building)-[:WALKS_TO]->() WHERE b.generation = $generation } AS walkingEdges
                        """)
                .bind(d.generation()).to("generation")
                .fetchAs(DatasetInfo.class)
                .mappedBy((t, r) -> new DatasetInfo(d.id(), d.name(), d.source(), d.licence(), d.attribution(),
                        d.synthetic(), d.version(), d.importedAt(), d.horizonMeters(), d.generation(),
                        r.get("buildings").asInt(), r.get("outlets").asInt(), r.get("facilities").asInt(),
                        r.get("junctions").asInt(), r.get("walkways").asInt(), r.get("walkingEdges").asInt()))
                .one().orElseThrow());
        counted = full;
        return full;
    }
}
