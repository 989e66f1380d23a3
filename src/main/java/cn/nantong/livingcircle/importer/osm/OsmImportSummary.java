package cn.nantong.livingcircle.importer.osm;

import java.util.Map;

/**
 * What an OSM import found and wrote. Counts describe the file (after filtering); the {@code written*} counts are
 * the differences actually written to the graph (all zero when the same file is imported again).
 *
 * @param islandsDropped      disconnected walkway components dropped as shorter than the island threshold
 * @param walkwaysDropped     walkway segments in those components
 * @param unmappedPois        places with a POI key (shop, amenity, healthcare, leisure, tourism, office, craft) that no
 *                            row of the category mapping matches, imported into that key's other_* category
 * @param unmappedTop         the most frequent of their tags
 * @param unattached          buildings and places farther than the maximum snap distance from every walkway; skipped
 * @param buildingsRecomputed buildings whose walking edges were recomputed (see {@link AffectedBuildings})
 */
public record OsmImportSummary(String file, String datasetId, long nodes, long ways, long relations,
        int walkableWays, int junctions, int walkways, int islandsDropped, int walkwaysDropped, int buildings,
        int residentialBuildings, long estimatedResidents, int communities, int places,
        Map<String, Integer> placesByCategory, int unmappedPois, Map<String, Integer> unmappedTop, int unattached,
        int buildingsRecomputed, int writtenWalkways, int deletedWalkways, int writtenBuildings,
        int deletedBuildings, int writtenPlaces, int deletedPlaces, int writtenWalkingEdges,
        int deletedWalkingEdges, long parseMillis, long planMillis, long writeMillis) {

    /** Total wall time. */
    public long totalMillis() {
        return parseMillis + planMillis + writeMillis;
    }

    /** True when the import wrote nothing but the dataset stamp. */
    public boolean unchanged() {
        return writtenWalkways == 0 && deletedWalkways == 0 && writtenBuildings == 0 && deletedBuildings == 0
                && writtenPlaces == 0 && deletedPlaces == 0 && writtenWalkingEdges == 0 && deletedWalkingEdges == 0;
    }
}
