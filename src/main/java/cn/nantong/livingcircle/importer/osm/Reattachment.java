package cn.nantong.livingcircle.importer.osm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.nantong.livingcircle.community.BuildingRow;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.place.PlaceRow;

/**
 * Phase 6: every building and place as it will be after the import. The file is authoritative for the elements it
 * contains: their stored rows are replaced by the file's, or deleted when the file no longer maps them. Every other
 * stored building and place (other files, the CSV dataset) is snapped again onto the merged network, its position
 * being authoritative, and keeps all its other fields.
 *
 * <p>A stored attachment is kept while its walkway is unchanged and no other walkway is closer by more than a
 * millimetre: equidistant candidates (a point snapped onto a junction shared by several walkways) must not flip
 * between imports just because the segments are numbered differently.
 *
 * @param buildings       building id → final row: stored ones in id order, then the file's (a null walkway: not
 *                        within the snap distance of any walkway any more)
 * @param places          likewise for places
 * @param buildingDeletes stored buildings of the file that it no longer maps
 * @param placeDeletes    likewise for places
 */
record Reattachment(Map<String, BuildingRow> buildings, Map<String, PlaceRow> places, List<String> buildingDeletes,
        List<String> placeDeletes) {

    private static final double ONE_MILLIMETRE = Millimetres.toMeters(1);

    static Reattachment of(ExistingGraph g, OsmExtract x, FileBuildings fileBuildings, FilePlaces filePlaces,
            MergedNetwork network, Collection<String> changedWalkways, double maxSnapMeters) {
        Snapper snapper = new Snapper(network, new HashSet<>(changedWalkways), maxSnapMeters);
        Map<String, BuildingRow> buildings = new LinkedHashMap<>();
        List<String> buildingDeletes = new ArrayList<>();
        for (BuildingRow stored : g.buildings.values()) {
            if (!OsmIds.describedBy(stored.id(), x)) {
                Target t = snapper.reattach(stored.lat(), stored.lon(), stored.walkwayId(), stored.snapMeters());
                buildings.put(stored.id(), t == null ? stored
                        : stored.withAttachment(t.walkwayId(), t.offsetMeters(), t.snapMeters()));
            } else if (!fileBuildings.rows().containsKey(stored.id())) {
                buildingDeletes.add(stored.id());
            }
        }
        buildings.putAll(fileBuildings.rows());
        Map<String, PlaceRow> places = new LinkedHashMap<>();
        List<String> placeDeletes = new ArrayList<>();
        for (PlaceRow stored : g.places.values()) {
            if (!OsmIds.describedBy(stored.id(), x)) {
                Target t = snapper.reattach(stored.lat(), stored.lon(), stored.walkwayId(), stored.snapMeters());
                places.put(stored.id(), t == null ? stored
                        : stored.withAttachment(t.walkwayId(), t.offsetMeters(), t.snapMeters()));
            } else if (!filePlaces.rows().containsKey(stored.id())) {
                placeDeletes.add(stored.id());
            }
        }
        places.putAll(filePlaces.rows());
        return new Reattachment(buildings, places, buildingDeletes, placeDeletes);
    }

    /** A new attachment; all null: detached. */
    private record Target(String walkwayId, Double offsetMeters, Double snapMeters) {
        static final Target DETACHED = new Target(null, null, null);
    }

    private record Snapper(MergedNetwork network, Set<String> changedWalkways, double maxSnapMeters) {

        /** The new attachment of a stored point, or null to keep the stored one. */
        Target reattach(double lat, double lon, String storedWalkway, Double storedSnapMeters) {
            boolean storedValid = storedWalkway != null && network.contains(storedWalkway)
                    && !changedWalkways.contains(storedWalkway) && storedSnapMeters != null;
            Optional<MergedNetwork.Snapped> snap = network.snap(lat, lon, maxSnapMeters);
            if (snap.isEmpty()) {
                return storedValid ? null : Target.DETACHED;
            }
            if (storedValid && snap.get().snapMeters() >= storedSnapMeters - ONE_MILLIMETRE) {
                return null;
            }
            MergedNetwork.Snapped s = snap.get();
            return new Target(s.walkwayId(), s.offsetMeters(), s.snapMeters());
        }
    }
}
