package cn.nantong.livingcircle.importer.osm;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.nantong.livingcircle.community.BuildingRow;
import cn.nantong.livingcircle.community.CommunityWriter.CommunityRow;
import cn.nantong.livingcircle.community.CommunityWriter.DistrictRow;
import cn.nantong.livingcircle.community.CommunityWriter.SubdistrictRow;
import cn.nantong.livingcircle.importer.WalkingEdgeWriter;
import cn.nantong.livingcircle.network.WalkwayWriter.JunctionRow;
import cn.nantong.livingcircle.network.WalkwayWriter.WalkwayRow;
import cn.nantong.livingcircle.place.PlaceRow;

/**
 * Everything an OSM import will write, computed before the write transaction starts, as the rows the shared writers
 * take: only what differs from the graph (so re-importing the same file writes nothing but the dataset stamp), and
 * the statistics for the summary.
 *
 * @param walkingEdgeCreates new edges, grouped per building so a batch expands each building once
 * @param walkingEdgeUpdates stored edges whose length changed, with the new length
 * @param walkingEdgeDeletes stored edges that no longer exist (with their stored length)
 * @param touchedCommunities communities whose buildings changed, for the household and resident totals
 */
record OsmImportPlan(
        List<DistrictRow> districts,
        List<SubdistrictRow> subdistricts,
        List<CommunityRow> communities,
        List<JunctionRow> junctions,
        List<String> walkwayDeletes,
        List<WalkwayRow> walkwayCreates,
        Set<String> orphanJunctionCandidates,
        List<String> buildingDeletes,
        List<BuildingRow> buildingWrites,
        List<String> placeDeletes,
        List<PlaceRow> placeWrites,
        List<WalkingEdgeWriter.Edge> walkingEdgeDeletes,
        List<WalkingEdgeWriter.BuildingEdges> walkingEdgeCreates,
        List<WalkingEdgeWriter.Edge> walkingEdgeUpdates,
        Set<String> touchedCommunities,
        Stats stats) {

    /** Number of new walking edges. */
    int walkingEdgeCreateCount() {
        return walkingEdgeCreates.stream().mapToInt(r -> r.targets().size()).sum();
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
     * @param unmappedPois      places with a POI key (shop, amenity, ...) that no mapping row matches, imported into
     *                          their key's other_* category
     * @param unmappedTop       the most frequent of their key=value pairs with their counts
     * @param unattached        buildings and places farther than the maximum snap distance from every walkway
     * @param buildingsRecomputed buildings whose walking edges were recomputed
     */
    record Stats(long nodes, long ways, long relations, int walkableWays, int junctions, int walkways,
            int islandsDropped, int walkwaysDropped, int buildings, int residentialBuildings, long residents,
            int communities, int places, Map<String, Integer> placesByCategory, int unmappedPois,
            Map<String, Integer> unmappedTop, int unattached, int buildingsRecomputed, int walkingEdgesAfter) {
    }
}
