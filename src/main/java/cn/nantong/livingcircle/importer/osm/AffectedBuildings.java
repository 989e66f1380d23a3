package cn.nantong.livingcircle.importer.osm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.nantong.livingcircle.community.BuildingRow;
import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.WalkingSearch;

/**
 * Phase 7b, which buildings need their walking edges recomputed. Walking distance is symmetric, so a building's edges
 * can only change if it lies within the horizon of something that changed:
 * <ol>
 *   <li>every new or changed building (position, attachment or attributes), and</li>
 *   <li>every building within the horizon, in the NEW network, of a new or changed place or of either end of a new or
 *       changed walkway, and</li>
 *   <li>every stored building within the horizon, in the OLD network (as stored), of a moved or deleted place or of
 *       either end of a changed or deleted walkway (a removed shortcut lengthens paths that used it).</li>
 * </ol>
 * Each set is one multi-source bounded search, so the cost is proportional to the changed area, not the city.
 */
final class AffectedBuildings {

    private AffectedBuildings() {
    }

    /** The ids, in a stable order: changed buildings, then those near a change in the new, then the old network. */
    static List<String> find(ExistingGraph g, Reattachment rows, WalkwayChanges walkways, RowChanges changes,
            MergedNetwork network, StoredNetwork storedNetwork, int horizon) {
        Set<String> affected = new LinkedHashSet<>();
        changes.buildingWrites().forEach(b -> affected.add(b.id()));

        List<Attachment> seeds = new ArrayList<>(walkways.seeds());
        seeds.addAll(changes.placeSeeds());
        if (!seeds.isEmpty()) {
            WalkingSearch search = new WalkingSearch(network.network);
            search.runFromSources(seeds.toArray(Attachment[]::new), horizon);
            for (BuildingRow row : rows.buildings().values()) {
                if (row.walkwayId() != null
                        && search.distanceTo(network.attachment(row.walkwayId(), row.offsetMeters())) <= horizon) {
                    affected.add(row.id());
                }
            }
        }

        List<Attachment> storedSeeds = new ArrayList<>();
        walkways.deletes().forEach(id -> storedSeeds.addAll(storedNetwork.ends(id)));
        storedSeeds.addAll(changes.storedPlaceSeeds());
        if (!storedSeeds.isEmpty()) {
            WalkingSearch search = new WalkingSearch(storedNetwork.network);
            search.runFromSources(storedSeeds.toArray(Attachment[]::new), horizon);
            for (BuildingRow stored : g.buildings.values()) {
                Attachment a = storedNetwork.attachment(stored.walkwayId(), stored.offsetMeters());
                BuildingRow after = rows.buildings().get(stored.id());
                if (a != null && search.distanceTo(a) <= horizon && after != null && after.walkwayId() != null) {
                    affected.add(stored.id());
                }
            }
        }
        return List.copyOf(affected);
    }
}
