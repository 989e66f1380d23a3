package cn.nantong.livingcircle.importer.osm;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OSM import settings.
 *
 * @param files           OSM files ({@code .osm}, {@code .osm.gz}, {@code .osm.bz2}, {@code .osm.pbf}) to import at
 *                        start-up, in order; empty = no import (the normal server start)
 * @param exitAfterImport stop the application after importing {@code files} (exit code 0, or 1 on a failed import);
 *                        false keeps serving the API with the imported data
 * @param minIslandMeters a disconnected walkway component shorter than this in total is dropped (the largest one is
 *                        always kept)
 */
@ConfigurationProperties("circle.osm")
public record OsmImportProperties(@DefaultValue List<String> files, @DefaultValue("true") boolean exitAfterImport,
        @DefaultValue("500") double minIslandMeters) {
}
