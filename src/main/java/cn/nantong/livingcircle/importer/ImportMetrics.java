package cn.nantong.livingcircle.importer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What imports report while they run and when they end: rows written per table, rows left out by reason, the
 * duration by format and outcome, and the progress of the running phase as a gauge (0 to 1) beside a log line
 * with counts, percent and ETA every few seconds. Tags are fixed sets (format, table, reason, outcome), never
 * file names or ids.
 */
@Component
public class ImportMetrics {

    private static final Logger log = LoggerFactory.getLogger(ImportMetrics.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final MeterRegistry registry;
    /** Millionths of the running phase done; 0 when no import runs. */
    private final AtomicLong progressMillionths = new AtomicLong();

    ImportMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("circle.import.progress", progressMillionths, p -> p.get() / 1e6)
                .description("Share of the running import phase done (0 to 1); 0 when no import runs")
                .register(registry);
        // the reasons are a fixed set: registered at start so a panel shows 0, not "no data"
        for (String reason : new String[] {"too_far_from_walkway", "island_walkway"}) {
            rejects("osm", reason, 0);
        }
    }

    /** Counts rows written to {@code table} by an import of {@code format} ({@code csv}, {@code osm}). */
    public void rows(String format, String table, long rows) {
        Counter.builder("circle.import.rows").description("Rows written by imports")
                .tags("format", format, "table", table).register(registry).increment(rows);
    }

    /** Counts rows of the input that an import left out, by {@code reason}. */
    public void rejects(String format, String reason, long rows) {
        Counter.builder("circle.import.rejects").description("Input rows left out by imports")
                .tags("format", format, "reason", reason).register(registry).increment(rows);
    }

    public Timer.Sample start() {
        return Timer.start(registry);
    }

    /** Records an import's duration; {@code outcome} is {@code success} or {@code failure}. */
    public void finished(Timer.Sample sample, String format, String outcome) {
        sample.stop(Timer.builder("circle.import.duration").description("Duration of imports, start to activation")
                .tags("format", format, "outcome", outcome).register(registry));
        progressMillionths.set(0);
    }

    /**
     * A progress reporter for one phase of {@code total} items: give it the count done so far (as the writers'
     * progress callbacks do); it sets the gauge and logs counts, percent and ETA at most every five seconds and
     * once at the end.
     */
    public IntConsumer phase(String job, String what, long total) {
        long start = System.nanoTime();
        long[] lastLog = {start};
        progressMillionths.set(0);
        return done -> {
            long now = System.nanoTime();
            double share = total <= 0 ? 1 : Math.min(1, done / (double) total);
            progressMillionths.set(Math.round(share * 1e6));
            if (now - lastLog[0] >= LOG_EVERY_NANOS || done >= total) {
                lastLog[0] = now;
                double elapsed = (now - start) / 1e9;
                String eta = share <= 0 || share >= 1 ? "" : ", ETA " + Math.round(elapsed / share - elapsed) + " s";
                log.info("{}: {} / {} {} ({} %){}, {} per second", job, done, total, what,
                        String.format(java.util.Locale.ROOT, "%.1f", share * 100), eta,
                        elapsed <= 0 ? "-" : Math.round(done / elapsed));
            }
        };
    }
}
