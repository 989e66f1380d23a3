package cn.nantong.livingcircle.api;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;

/**
 * The version stamp of the loaded dataset, read through the public schema ({@code dataset { version }}): the
 * {@code dataset} package depends on {@code api}, so {@code api} may not call its service without a package cycle,
 * and the schema is the contract anyway. The lookup is served from the dataset service's in-memory cache and skips
 * the web interceptors.
 */
class DataVersion {

    private static final Logger log = LoggerFactory.getLogger(DataVersion.class);

    private static final String DOCUMENT = "{ dataset { version } }";

    /** The dataset service refreshes every 5 s; one more second saves a lookup on every GET under load. */
    private static final long MEMO_NANOS = Duration.ofSeconds(1).toNanos();

    private final ExecutionGraphQlService graphQlService;
    private volatile Memo memo;

    DataVersion(ExecutionGraphQlService graphQlService) {
        this.graphQlService = graphQlService;
    }

    /** The current version, or null while none can be read (no dataset yet, database down): then nothing is cached. */
    String current() {
        Memo last = memo;
        long now = System.nanoTime();
        if (last != null && now - last.readAt() < MEMO_NANOS) {
            return last.version();
        }
        String version = read();
        memo = version == null ? null : new Memo(version, now);
        return version;
    }

    /** A write on this replica changed the version: the next lookup reads it, so its ETags change at once. */
    @EventListener(DatasetChanged.class)
    void forget() {
        memo = null;
    }

    private record Memo(String version, long readAt) {
    }

    private String read() {
        try {
            ExecutionGraphQlResponse response = graphQlService.execute(new DefaultExecutionGraphQlRequest(DOCUMENT,
                    null, null, null, UUID.randomUUID().toString(), null)).block(Duration.ofSeconds(10));
            if (response == null || !response.isValid() || !response.getErrors().isEmpty()) {
                return null;
            }
            Object data = response.getData();
            if (data instanceof Map<?, ?> root && root.get("dataset") instanceof Map<?, ?> dataset
                    && dataset.get("version") instanceof String version) {
                return version;
            }
            return null;
        }
        catch (RuntimeException ex) {
            log.debug("Dataset version unavailable: {}", ex.toString());
            return null;
        }
    }
}
