package cn.nantong.livingcircle.importer.osm;

import java.nio.file.Path;
import java.util.List;

import cn.nantong.livingcircle.importer.ImportException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ConfigurableApplicationContext;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The start-up command imports the configured files in order and stops at the first bad one. */
class OsmImportCommandTests {

    private final OsmImporter importer = mock(OsmImporter.class);
    private final ConfigurableApplicationContext context = mock(ConfigurableApplicationContext.class);

    @Test
    void withoutFilesTheCommandDoesNothing() {
        new OsmImportCommand(importer, new OsmImportProperties(List.of(), false, 500), context)
                .run(new DefaultApplicationArguments());
        verify(importer, never()).importFile(any());
    }

    @Test
    void importsEveryFileInOrderAndStopsAtTheFirstFailure() {
        when(importer.importFile(Path.of("a.osm"))).thenReturn(summary());
        when(importer.importFile(Path.of("b.osm.pbf"))).thenThrow(new ImportException("b.osm.pbf: truncated"));
        new OsmImportCommand(importer, new OsmImportProperties(List.of("a.osm", "b.osm.pbf", "c.osm"), false, 500),
                context).run(new DefaultApplicationArguments());
        verify(importer).importFile(Path.of("a.osm"));
        verify(importer).importFile(Path.of("b.osm.pbf"));
        verify(importer, never()).importFile(Path.of("c.osm"));
    }

    private static OsmImportSummary summary() {
        return new OsmImportSummary("a.osm", "osm-a", 1, 1, 0, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, java.util.Map.of(), 0,
                java.util.Map.of(), 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1);
    }
}
