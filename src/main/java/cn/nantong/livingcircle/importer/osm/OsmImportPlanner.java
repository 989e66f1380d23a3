package cn.nantong.livingcircle.importer.osm;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a parsed OSM file plus the current graph into an {@link OsmImportPlan}. Pure computation, no I/O except the
 * stored walking edges of the buildings it recomputes (read through {@code storedEdges}). One class per phase:
 * <ol>
 *   <li>{@link FileWalkways}: the file's walkable ways cut into pieces at junctions;</li>
 *   <li>{@link MergedWalkways}: merged with the stored network (the file replaces the stored pieces of its ways),
 *       small islands of the file dropped;</li>
 *   <li>{@link MergedNetwork}: that network in memory, to attach to; {@link WalkwayChanges}: the walkways to
 *       write and delete;</li>
 *   <li>{@link FileBuildings} and</li>
 *   <li>{@link FilePlaces} ({@link CategoryMapping}), attached to it and put in {@link OsmCommunities};</li>
 *   <li>{@link Reattachment}: the stored buildings and places the file does not describe snapped again onto the
 *       merged network;</li>
 *   <li>the walking edges: {@link RowChanges} (what changed), {@link AffectedBuildings} (which buildings that can
 *       change), {@link WalkingEdgeDiff} (their new edges against the stored ones).</li>
 * </ol>
 */
final class OsmImportPlanner {

    record Settings(double minIslandMeters, double maxSnapMeters, double minSnapComponentMeters,
            int horizonMillimetres) {
    }

    private final OsmExtract x;
    private final ExistingGraph g;
    private final CategoryMapping mapping;
    private final Settings settings;
    private final String slug;

    OsmImportPlanner(OsmExtract extract, ExistingGraph graph, CategoryMapping mapping, Settings settings,
            String slug) {
        this.x = extract;
        this.g = graph;
        this.mapping = mapping;
        this.settings = settings;
        this.slug = slug;
    }

    OsmImportPlan plan(Function<Collection<String>, Map<String, Map<String, Double>>> storedEdges) {
        FileWalkways file = FileWalkways.cut(x, g.junctions.keySet());
        MergedWalkways merged = MergedWalkways.merge(g, file, x, settings.minIslandMeters());
        MergedNetwork network = new MergedNetwork(merged, settings.minSnapComponentMeters());
        WalkwayChanges walkways = WalkwayChanges.diff(merged, network, g, x);

        OsmCommunities communities = new OsmCommunities(x, slug);
        FileBuildings buildings = FileBuildings.map(x, network, communities, settings.maxSnapMeters());
        FilePlaces places = FilePlaces.map(x, mapping, network, communities, settings.maxSnapMeters());
        Reattachment rows = Reattachment.of(g, x, buildings, places, network, walkways.deletes(),
                settings.maxSnapMeters());

        StoredNetwork stored = new StoredNetwork(g);
        RowChanges changes = RowChanges.diff(g, rows, network, stored);
        List<String> affected = AffectedBuildings.find(g, rows, walkways, changes, network, stored,
                settings.horizonMillimetres());
        WalkingEdgeDiff edges = WalkingEdgeDiff.diff(affected, rows, network, settings.horizonMillimetres(),
                storedEdges);

        OsmImportPlan.Stats stats = new OsmImportPlan.Stats(x.nodeCount(), x.ways.size(), x.relations,
                file.walkableWays(), walkways.junctions().size(), walkways.fileWalkways(), merged.islandsDropped(),
                merged.walkwaysDropped(), buildings.rows().size(), buildings.residential(), buildings.residents(),
                communities.count(), places.rows().size(), places.byCategory(),
                places.unmapped().values().stream().mapToInt(Integer::intValue).sum(), top(places.unmapped(), 10),
                buildings.unattached() + places.unattached(), affected.size(), edges.computed());
        return new OsmImportPlan(communities.districts(), communities.subdistricts(), communities.communities(),
                walkways.junctions(), walkways.deletes(), walkways.creates(), walkways.orphanCandidates(),
                rows.buildingDeletes(), changes.buildingWrites(), rows.placeDeletes(), changes.placeWrites(),
                edges.deletes(), edges.creates(), edges.updates(), changes.touchedCommunities(), stats);
    }

    private static Map<String, Integer> top(Map<String, Integer> counts, int n) {
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
