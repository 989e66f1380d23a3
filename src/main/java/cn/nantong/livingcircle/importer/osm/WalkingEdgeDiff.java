package cn.nantong.livingcircle.importer.osm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.PlaceLocator;
import cn.nantong.livingcircle.engine.WalkingEdges;
import cn.nantong.livingcircle.importer.WalkingEdgeWriter.BuildingEdges;
import cn.nantong.livingcircle.importer.WalkingEdgeWriter.Edge;
import cn.nantong.livingcircle.importer.WalkingEdgeWriter.Target;
import cn.nantong.livingcircle.place.PlaceRow;

/**
 * Phase 7c: the walking edges of the affected buildings computed on the merged network to every attached place,
 * compared with the stored ones so only the differences are written.
 *
 * @param creates  edges not stored yet, per building
 * @param updates  stored edges with a new length
 * @param deletes  stored edges that no longer exist
 * @param computed the number of edges computed
 */
record WalkingEdgeDiff(List<BuildingEdges> creates, List<Edge> updates, List<Edge> deletes, int computed) {

    /** @param storedEdges reads the stored edges of the buildings: building id → (place id → metres) */
    static WalkingEdgeDiff diff(List<String> affected, Reattachment rows, MergedNetwork network, int horizon,
            Function<Collection<String>, Map<String, Map<String, Double>>> storedEdges) {
        List<String> placeIds = new ArrayList<>();
        List<Attachment> placeAttachments = new ArrayList<>();
        for (PlaceRow row : rows.places().values()) {
            if (row.walkwayId() != null) {
                placeIds.add(row.id());
                placeAttachments.add(network.attachment(row.walkwayId(), row.offsetMeters()));
            }
        }
        PlaceLocator locator = new PlaceLocator(network.network,
                placeAttachments.stream().mapToInt(Attachment::segment).toArray(),
                placeAttachments.stream().mapToInt(Attachment::offsetMillimetres).toArray());
        Attachment[] origins = affected.stream().map(rows.buildings()::get)
                .map(b -> network.attachment(b.walkwayId(), b.offsetMeters())).toArray(Attachment[]::new);
        WalkingEdges edges = WalkingEdges.compute(network.network, origins, locator, horizon);

        Map<String, Map<String, Double>> stored = storedEdges.apply(affected);
        List<BuildingEdges> creates = new ArrayList<>();
        List<Edge> updates = new ArrayList<>();
        List<Edge> deletes = new ArrayList<>();
        for (int b = 0; b < affected.size(); b++) {
            String building = affected.get(b);
            Map<String, Double> before = stored.getOrDefault(building, Map.of());
            Set<String> now = new HashSet<>();
            List<Target> created = new ArrayList<>();
            for (int e = edges.first()[b]; e < edges.first()[b + 1]; e++) {
                String place = placeIds.get(edges.place()[e]);
                double meters = Millimetres.toMeters(edges.millimetres()[e]);
                now.add(place);
                Double old = before.get(place);
                if (old == null) {
                    created.add(new Target(place, meters));
                } else if (old != meters) {
                    updates.add(new Edge(building, place, meters));
                }
            }
            if (!created.isEmpty()) {
                creates.add(new BuildingEdges(building, created));
            }
            before.forEach((place, meters) -> {
                if (!now.contains(place)) {
                    deletes.add(new Edge(building, place, meters));
                }
            });
        }
        return new WalkingEdgeDiff(creates, updates, deletes, edges.count());
    }
}
