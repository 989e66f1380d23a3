package cn.nantong.livingcircle.importer;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import cn.nantong.livingcircle.dataset.DatasetWriter;
import cn.nantong.livingcircle.system.Neo4jSessions;
import jakarta.annotation.PreDestroy;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The dataset import command: {@code java -jar app.jar --circle.csv.location=file:/data/city/} imports a directory
 * in the open-data CSV layout as a new dataset generation (replacing the one served once it is complete) after the
 * migrations and, by default, exits (code 0; 1 with the error message, the served dataset unchanged). Runs before
 * the demo-data loader, so importing into an empty database does not load the demo data first.
 *
 * <p>With {@code circle.csv.exit-after-import=false} the application serves on, and with
 * {@code circle.csv.watch-interval} it re-reads the published directory at that interval and imports it again
 * whenever its files' SHA-256 differs from the one recorded on the served dataset, in the background while the
 * previous generation keeps answering: how a Community-edition replica with its own embedded database follows a
 * published dataset. Files that did not change are not imported again, at start-up either.
 */
@Component
@Order(4)
class CsvImportCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CsvImportCommand.class);

    private final DatasetImporter importer;
    private final CsvImportProperties properties;
    private final ConfigurableApplicationContext context;
    private final Neo4jSessions sessions;
    private final ResourceLoader resources;
    private ScheduledExecutorService watcher;

    CsvImportCommand(DatasetImporter importer, CsvImportProperties properties, ConfigurableApplicationContext context,
            Neo4jSessions sessions, ResourceLoader resources) {
        this.importer = importer;
        this.properties = properties;
        this.context = context;
        this.sessions = sessions;
        this.resources = resources;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.location() == null || properties.location().isBlank()) {
            return;
        }
        boolean imported = importIfChanged();
        if (properties.exitAfterImport()) {
            int code = imported ? 0 : 1;
            System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
        }
        if (!properties.watchInterval().isZero()) {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "dataset-watch");
                thread.setDaemon(true);
                return thread;
            });
            long millis = properties.watchInterval().toMillis();
            watcher.scheduleWithFixedDelay(this::importIfChanged, millis, millis, TimeUnit.MILLISECONDS);
            log.info("Watching {} every {} for a new version of the dataset", properties.location(),
                    properties.watchInterval());
        }
    }

    @PreDestroy
    void stopWatching() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    /** @return false when the import failed (the served dataset is then unchanged) */
    private boolean importIfChanged() {
        try {
            String published = DatasetImporter.sourceDigest(resources, properties.location());
            String served;
            try (Session session = sessions.read()) {
                served = session.executeRead(DatasetWriter::activeSourceSha256);
            }
            if (published.equals(served)) {
                log.debug("The dataset at {} is the one served (SHA-256 {})", properties.location(), published);
                return true;
            }
            DatasetImporter.ImportSummary s = importer.importCsv(properties.location(),
                    new DatasetImporter.DatasetMetadata(properties.datasetId(), properties.name(), properties.source(),
                            properties.licence(), properties.attribution(), properties.synthetic()));
            log.info("Imported {} as generation {}: {} buildings, {} places, {} junctions, {} walking edges; "
                    + "computed in {} ms, written and activated in {} ms ({} walking edges per second)",
                    properties.location(), s.generation(), s.buildings(), s.outlets() + s.facilities(),
                    s.junctions(), s.walkingEdges(), s.computeMillis(), s.writeMillis(), s.edgesPerSecond());
            return true;
        } catch (ImportException e) {
            log.error("Dataset import failed: {}", e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // the watcher must survive a failed round (Neo4j down, a file being replaced) and try again
            log.error("Dataset import failed, the served dataset is unchanged: {}", e.getMessage());
            return false;
        }
    }

    /**
     * @param location        directory (URL: {@code file:}, {@code classpath:}) of the CSV files; none: no import
     * @param datasetId       id of the {@code (:Dataset)} node the import writes
     * @param name            its title
     * @param source          where the files come from
     * @param licence         licence of the data (SPDX id)
     * @param attribution     attribution the licence requires, shown in every download
     * @param synthetic       whether the data is generated rather than surveyed
     * @param exitAfterImport exit once the import ended instead of serving
     * @param watchInterval   when serving, how often to look for changed files and import them; 0 = never
     */
    @ConfigurationProperties("circle.csv")
    record CsvImportProperties(String location, @DefaultValue("city") String datasetId,
            @DefaultValue("Imported dataset") String name, @DefaultValue("CSV import") String source,
            @DefaultValue("ODbL-1.0") String licence,
            @DefaultValue("Nantong living-circle open data contributors") String attribution,
            @DefaultValue("false") boolean synthetic, @DefaultValue("true") boolean exitAfterImport,
            @DefaultValue("0s") Duration watchInterval) {
    }
}
