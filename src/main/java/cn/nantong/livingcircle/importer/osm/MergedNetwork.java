package cn.nantong.livingcircle.importer.osm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.engine.WalkwayNetwork;

/**
 * Phase 3: the merged network in memory, as it will be after the import, with walkway ids for its segments. Buildings
 * and places attach to it by perpendicular projection onto the nearest segment ({@link SegmentSnapper}).
 */
final class MergedNetwork {

    /** Where a point attaches: the walkway, the offset along it from its from-junction, the distance to it. */
    record Snapped(String walkwayId, double offsetMeters, double snapMeters) {
    }

    final WalkwayNetwork network;
    private final SegmentSnapper snapper;
    private final Map<String, Integer> segmentOf = new HashMap<>();
    private final List<String> walkwayIds = new ArrayList<>();

    MergedNetwork(MergedWalkways merged, double minSnapComponentMeters) {
        WalkwayNetwork.Builder builder = WalkwayNetwork.builder(merged.junctionCount(), merged.kept().size());
        Map<String, Integer> junctions = new HashMap<>();
        Map<String, double[]> positions = merged.positions();
        for (WalkwayPiece p : merged.kept()) {
            int a = junctions.computeIfAbsent(p.fromId(), id -> builder.addJunction(positions.get(id)[0],
                    positions.get(id)[1]));
            int b = junctions.computeIfAbsent(p.toId(), id -> builder.addJunction(positions.get(id)[0],
                    positions.get(id)[1]));
            segmentOf.put(p.id(), builder.addSegment(a, b, p.shape(), p.millimetres()));
            walkwayIds.add(p.id());
        }
        this.network = builder.build();
        this.snapper = new SegmentSnapper(network, minSnapComponentMeters);
    }

    boolean contains(String walkwayId) {
        return segmentOf.containsKey(walkwayId);
    }

    int segment(String walkwayId) {
        return segmentOf.get(walkwayId);
    }

    /** The nearest attachment within {@code maxMeters}, if any. */
    Optional<Snapped> snap(double lat, double lon, double maxMeters) {
        return snapper.snap(lat, lon, maxMeters).map(s -> new Snapped(walkwayIds.get(s.attachment().segment()),
                Millimetres.toMeters(s.attachment().offsetMillimetres()), s.distanceMeters()));
    }

    /** A stored or planned attachment on this network, its offset clamped to the segment. */
    Attachment attachment(String walkwayId, double offsetMeters) {
        int s = segment(walkwayId);
        return new Attachment(s, Math.max(0, Math.min(Millimetres.of(offsetMeters), network.segmentMillimetres(s))));
    }

    /** Both ends of the walkway's segment. */
    List<Attachment> ends(String walkwayId) {
        int s = segment(walkwayId);
        return List.of(new Attachment(s, 0), new Attachment(s, network.segmentMillimetres(s)));
    }
}
