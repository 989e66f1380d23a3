package cn.nantong.livingcircle.importer.osm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 * after the migrations and, by default, exits (code 0; 1 with the error message on bad input). Each file is one
 * transaction into the active dataset generation: a file that fails is rolled back, and the log names the files
 * committed before it, which stay.
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
        List<String> committed = new ArrayList<>();
        List<String> files = properties.files();
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            try {
                OsmImportSummary s = importer.importFile(Path.of(file));
                log.info("Imported {} in {} ms: {} junctions, {} walkways, {} islands dropped ({} walkways), "
                        + "{} buildings ({} residential, ~{} residents), {} communities, {} places {}, "
                        + "{} unmapped POIs (top: {}), {} too far from any walkway, {} buildings' walking edges "
                        + "recomputed", file, s.totalMillis(), s.junctions(), s.walkways(), s.islandsDropped(),
                        s.walkwaysDropped(), s.buildings(), s.residentialBuildings(), s.estimatedResidents(),
                        s.communities(), s.places(), s.placesByCategory(), s.unmappedPois(), s.unmappedTop(),
                        s.unattached(), s.buildingsRecomputed());
                committed.add(file);
            } catch (ImportException e) {
                // each file is its own transaction: say exactly what stays committed, never a blanket "unchanged"
                log.error("OSM import of {} failed and was rolled back: {}. {}; not attempted: {}", file,
                        e.getMessage(), committed.isEmpty() ? "No file was committed, the graph is unchanged"
                                : "Committed before it and kept: " + committed, files.subList(i + 1, files.size()));
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
