package cn.nantong.livingcircle.importer.osm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.WalkwayNetwork;

/** The network exactly as stored before the import, for the buildings a removed or moved thing used to reach. */
final class StoredNetwork {

    final WalkwayNetwork network;
    private final Map<String, Integer> segmentOf = new HashMap<>();

    StoredNetwork(ExistingGraph g) {
        WalkwayNetwork.Builder builder = WalkwayNetwork.builder(g.junctions.size(), g.walkways.size());
        Map<String, Integer> junctions = new HashMap<>();
        for (ExistingGraph.Walkway w : g.walkways) {
            int a = junctions.computeIfAbsent(w.fromId(), id -> builder.addJunction(g.junctions.get(id)[0],
                    g.junctions.get(id)[1]));
            int b = junctions.computeIfAbsent(w.toId(), id -> builder.addJunction(g.junctions.get(id)[0],
                    g.junctions.get(id)[1]));
            segmentOf.put(w.id(), builder.addSegment(a, b, WalkwayPiece.toArray(w.shape()), w.millimetres()));
        }
        this.network = builder.build();
    }

    /** Both ends of a stored walkway; none if it is not stored. */
    List<Attachment> ends(String walkwayId) {
        Integer s = segmentOf.get(walkwayId);
        return s == null ? List.of()
                : List.of(new Attachment(s, 0), new Attachment(s, network.segmentMillimetres(s)));
    }

    /** The stored attachment on the stored network, its offset clamped to the segment; null if it has none. */
    Attachment attachment(String walkwayId, Double offsetMeters) {
        if (walkwayId == null || offsetMeters == null || !segmentOf.containsKey(walkwayId)) {
            return null;
        }
        int s = segmentOf.get(walkwayId);
        return new Attachment(s, Math.max(0, Math.min(Millimetres.of(offsetMeters), network.segmentMillimetres(s))));
    }
}
