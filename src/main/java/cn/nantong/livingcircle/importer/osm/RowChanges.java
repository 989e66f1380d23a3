package cn.nantong.livingcircle.importer.osm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.nantong.livingcircle.community.BuildingRow;
import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.place.PlaceRow;

/**
 * Phase 7a, what changed: the buildings and places to write are those whose final row differs from the stored one
 * (record equality: a row equal to the stored one would write the same values) and that are attached to a walkway.
 *
 * @param buildingWrites     new or changed buildings
 * @param placeWrites        new or changed places
 * @param touchedCommunities communities a written or deleted building or a written place is or was in
 * @param placeSeeds         the written places' attachments in the merged network
 * @param storedPlaceSeeds   the stored attachments, in the stored network, of the changed and the deleted places
 */
record RowChanges(List<BuildingRow> buildingWrites, List<PlaceRow> placeWrites, Set<String> touchedCommunities,
        List<Attachment> placeSeeds, List<Attachment> storedPlaceSeeds) {

    static RowChanges diff(ExistingGraph g, Reattachment rows, MergedNetwork network, StoredNetwork storedNetwork) {
        List<BuildingRow> buildingWrites = new ArrayList<>();
        Set<String> touched = new LinkedHashSet<>();
        for (BuildingRow row : rows.buildings().values()) {
            BuildingRow stored = g.buildings.get(row.id());
            if (!row.equals(stored) && row.walkwayId() != null) {
                buildingWrites.add(row);
                touched.add(row.communityId());
                if (stored != null) {
                    touched.add(stored.communityId());
                }
            }
        }
        for (String id : rows.buildingDeletes()) {
            touched.add(g.buildings.get(id).communityId());
        }
        List<PlaceRow> placeWrites = new ArrayList<>();
        List<Attachment> placeSeeds = new ArrayList<>();
        List<Attachment> storedPlaceSeeds = new ArrayList<>();
        for (PlaceRow row : rows.places().values()) {
            PlaceRow stored = g.places.get(row.id());
            if (!row.equals(stored) && row.walkwayId() != null) {
                placeWrites.add(row);
                touched.add(row.communityId());
                placeSeeds.add(network.attachment(row.walkwayId(), row.offsetMeters()));
                if (stored != null) {
                    addIfAttached(storedPlaceSeeds, storedNetwork.attachment(stored.walkwayId(),
                            stored.offsetMeters()));
                }
            }
        }
        for (String id : rows.placeDeletes()) {
            PlaceRow stored = g.places.get(id);
            addIfAttached(storedPlaceSeeds, storedNetwork.attachment(stored.walkwayId(), stored.offsetMeters()));
        }
        touched.remove(null);
        return new RowChanges(buildingWrites, placeWrites, touched, placeSeeds, storedPlaceSeeds);
    }

    private static void addIfAttached(List<Attachment> seeds, Attachment a) {
        if (a != null) {
            seeds.add(a);
        }
    }
}
