package cn.nantong.livingcircle.importer;

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
import org.springframework.stereotype.Component;

/**
 * The dataset import command: {@code java -jar app.jar --circle.csv.location=file:/data/city/} imports a directory
 * in the open-data CSV layout as a new dataset generation (replacing the one served once it is complete) after the
 * migrations and, by default, exits (code 0; 1 with the error message, the served dataset unchanged). Runs before
 * the demo-data loader, so importing into an empty database does not load the demo data first. Against an external
 * Neo4j it runs beside the serving replicas, which switch to the new generation within seconds of its activation.
 */
@Component
@Order(4)
class CsvImportCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CsvImportCommand.class);

    private final DatasetImporter importer;
    private final CsvImportProperties properties;
    private final ConfigurableApplicationContext context;

    CsvImportCommand(DatasetImporter importer, CsvImportProperties properties, ConfigurableApplicationContext context) {
        this.importer = importer;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.location() == null || properties.location().isBlank()) {
            return;
        }
        int exitCode = 0;
        try {
            DatasetImporter.ImportSummary s = importer.importCsv(properties.location(),
                    new DatasetImporter.DatasetMetadata(properties.datasetId(), properties.name(), properties.source(),
                            properties.licence(), properties.attribution(), properties.synthetic()));
            log.info("Imported {} as generation {}: {} buildings, {} places, {} junctions, {} walking edges; "
                    + "computed in {} ms, written and activated in {} ms ({} walking edges per second)",
                    properties.location(), s.generation(), s.buildings(), s.outlets() + s.facilities(),
                    s.junctions(), s.walkingEdges(), s.computeMillis(), s.writeMillis(), s.edgesPerSecond());
        } catch (ImportException e) {
            log.error("Dataset import failed: {}", e.getMessage());
            exitCode = 1;
        }
        if (properties.exitAfterImport()) {
            int code = exitCode;
            System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
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
     */
    @ConfigurationProperties("circle.csv")
    record CsvImportProperties(String location, @DefaultValue("city") String datasetId,
            @DefaultValue("Imported dataset") String name, @DefaultValue("CSV import") String source,
            @DefaultValue("ODbL-1.0") String licence,
            @DefaultValue("Nantong living-circle open data contributors") String attribution,
            @DefaultValue("false") boolean synthetic, @DefaultValue("true") boolean exitAfterImport) {
    }
}
