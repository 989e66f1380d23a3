package cn.nantong.livingcircle.importer.osm;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything an OSM import will write, computed before the write transaction starts: only what differs from the
 * graph (so re-importing the same file writes nothing but the dataset stamp), and the statistics for the summary.
 *
 * <p>{@code walkingEdgeCreates} rows are {@code {b: buildingId, targets: [{p: placeId, m: meters}]}} (new edges, grouped
 * per building so a batch expands each building once); {@code walkingEdgeUpdates} rows are {@code {b, p, m}} for
 * stored edges whose length changed; {@code walkingEdgeDeletes} rows are {@code {b, p}}.
 */
record OsmImportPlan(
        List<Map<String, Object>> districts,
        List<Map<String, Object>> subdistricts,
        List<Map<String, Object>> communities,
        List<Map<String, Object>> junctions,
        List<String> walkwayDeletes,
        List<Map<String, Object>> walkwayCreates,
        Set<String> orphanJunctionCandidates,
        List<String> buildingDeletes,
        List<Map<String, Object>> buildingWrites,
        List<String> placeDeletes,
        List<Map<String, Object>> placeWrites,
        List<Map<String, Object>> walkingEdgeDeletes,
        List<Map<String, Object>> walkingEdgeCreates,
        List<Map<String, Object>> walkingEdgeUpdates,
        Set<String> touchedCommunities,
        Stats stats) {

    /** Number of new walking edges. */
    int walkingEdgeCreateCount() {
        return walkingEdgeCreates.stream().mapToInt(r -> ((List<?>) r.get("targets")).size()).sum();
    }

    /**
     * Counts over the file (not over what changed), for the import summary.
     *
     * @param junctions         junctions of the file's walkway network after dropping islands
     * @param walkways          walkway segments of the file after dropping islands
     * @param islandsDropped    disconnected components dropped as smaller than the threshold
     * @param walkwaysDropped   segments in those components
     * @param buildings         buildings imported (attached to a walkway)
     * @param placesByCategory  places imported per category code
     * @param unmappedPois      elements with a POI key (shop, amenity, ...) that no mapping row matches
     * @param unmappedTop       the most frequent unmapped key=value pairs with their counts
     * @param unattached        buildings and places farther than the maximum snap distance from every walkway
     * @param buildingsRecomputed buildings whose walking edges were recomputed
     */
    record Stats(long nodes, long ways, long relations, int walkableWays, int junctions, int walkways,
            int islandsDropped, int walkwaysDropped, int buildings, int residentialBuildings, long residents,
            int communities, int places, Map<String, Integer> placesByCategory, int unmappedPois,
            Map<String, Integer> unmappedTop, int unattached, int buildingsRecomputed, int walkingEdgesAfter) {
    }
}
