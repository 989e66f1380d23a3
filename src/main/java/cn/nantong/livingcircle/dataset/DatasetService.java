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
        return cache.get("current").orElseThrow(() -> new ApiException(ApiException.ErrorCode.SERVICE_UNAVAILABLE,
                "No dataset has been loaded yet"));
    }

    public Optional<DatasetInfo> find() {
        return cache.get("current");
    }

    /** Called after a write that changed the version has committed: the next read sees the new one. */
    public void invalidate() {
        cache.invalidateAll();
        events.publishEvent(new DatasetChanged());
    }

    private Optional<DatasetInfo> load() {
        return readOnly.execute(status -> neo4j.query("""
                        MATCH (d:Dataset) WITH d ORDER BY d.importedAt DESC LIMIT 1
                        RETURN d.id AS id, d.name AS name, d.source AS source, d.licence AS licence,
                               d.attribution AS attribution, d.synthetic AS synthetic, d.version AS version,
                               toString(d.importedAt) AS importedAt, d.horizonMeters AS horizonMeters,
                               COUNT { (:Building) } AS buildings, COUNT { (:Outlet) } AS outlets,
                               COUNT { (:Facility) } AS facilities, COUNT { (:Junction) } AS junctions,
                               COUNT { ()-[:WALKWAY]->() } AS walkways, COUNT { ()-[:WALKS_TO]->() } AS walkingEdges
                        """)
                .fetchAs(DatasetInfo.class)
                .mappedBy((t, r) -> new DatasetInfo(r.get("id").asString(), r.get("name").asString(),
                        r.get("source").asString(), r.get("licence").asString(), r.get("attribution").asString(),
                        Records.booleanOrFalse(r.get("synthetic")), r.get("version").asString(),
                        r.get("importedAt").asString(), r.get("horizonMeters").asDouble(), r.get("buildings").asInt(),
                        r.get("outlets").asInt(), r.get("facilities").asInt(), r.get("junctions").asInt(),
                        r.get("walkways").asInt(), r.get("walkingEdges").asInt()))
                .one());
    }
}
