package cn.nantong.livingcircle.importer.osm;

import java.nio.file.Path;

import cn.nantong.livingcircle.importer.ImportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The OSM import command: {@code java -jar app.jar --circle.osm.files=a.osm.pbf[,b.osm.gz]} imports the files in order
 * after the migrations and, by default, exits (code 0; 1 with the error message on bad input, nothing written).
 * Runs before the demo-data loader, so importing into an empty database does not load the demo data first.
 * Without {@code circle.osm.files} it does nothing.
 */
@Component
@Order(5)
class OsmImportCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OsmImportCommand.class);

    private final OsmImporter importer;
    private final OsmImportProperties properties;
    private final ConfigurableApplicationContext context;

    OsmImportCommand(OsmImporter importer, OsmImportProperties properties, ConfigurableApplicationContext context) {
        this.importer = importer;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.files().isEmpty()) {
            return;
        }
        int exitCode = 0;
        for (String file : properties.files()) {
            try {
                OsmImportSummary s = importer.importFile(Path.of(file));
                log.info("Imported {} in {} ms: {} junctions, {} walkways, {} islands dropped ({} walkways), "
                        + "{} buildings ({} residential, ~{} residents), {} communities, {} places {}, "
                        + "{} unmapped POIs (top: {}), {} too far from any walkway, {} buildings' walking edges "
                        + "recomputed", file, s.totalMillis(), s.junctions(), s.walkways(), s.islandsDropped(),
                        s.walkwaysDropped(), s.buildings(), s.residentialBuildings(), s.estimatedResidents(),
                        s.communities(), s.places(), s.placesByCategory(), s.unmappedPois(), s.unmappedTop(),
                        s.unattached(), s.buildingsRecomputed());
            } catch (ImportException e) {
                log.error("OSM import failed, the graph is unchanged: {}", e.getMessage());
                exitCode = 1;
                break;
            }
        }
        if (properties.exitAfterImport()) {
            int code = exitCode;
            System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
        }
    }
}
