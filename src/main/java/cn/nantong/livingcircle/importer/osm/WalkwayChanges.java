package cn.nantong.livingcircle.importer.osm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.network.WalkwayWriter.JunctionRow;
import cn.nantong.livingcircle.network.WalkwayWriter.WalkwayRow;

/**
 * The walkways the import writes: the file's kept pieces that are new or differ from the stored piece with the same
 * id, and the stored pieces of the file's ways that are changed or gone.
 *
 * @param junctions         every junction of the file's kept pieces, in id order
 * @param creates           new and changed pieces
 * @param deletes           stored walkways that no longer hold as stored: pieces that change (deleted, then
 *                          created) or are gone
 * @param orphanCandidates  ends of those, deleted if no walkway touches them any more
 * @param seeds             both ends of every created piece in the merged network
 * @param fileWalkways      the file's kept pieces
 */
record WalkwayChanges(List<JunctionRow> junctions, List<WalkwayRow> creates, List<String> deletes,
        Set<String> orphanCandidates, List<Attachment> seeds, int fileWalkways) {

    static WalkwayChanges diff(MergedWalkways merged, MergedNetwork network, ExistingGraph g, OsmExtract x) {
        Map<String, ExistingGraph.Walkway> storedById = new HashMap<>();
        g.walkways.forEach(w -> storedById.put(w.id(), w));
        Set<String> keptFileIds = new HashSet<>();
        List<WalkwayRow> creates = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        List<Attachment> seeds = new ArrayList<>();
        Map<String, double[]> junctions = new TreeMap<>();
        int fileWalkways = 0;
        for (WalkwayPiece p : merged.kept()) {
            if (!p.fromFile()) {
                continue;
            }
            fileWalkways++;
            keptFileIds.add(p.id());
            junctions.put(p.fromId(), merged.positions().get(p.fromId()));
            junctions.put(p.toId(), merged.positions().get(p.toId()));
            ExistingGraph.Walkway stored = storedById.get(p.id());
            List<Double> shape = p.shapeList();
            boolean same = stored != null && stored.fromId().equals(p.fromId()) && stored.toId().equals(p.toId())
                    && stored.millimetres() == p.millimetres() && shape.equals(stored.shape())
                    && p.kind().equals(stored.kind()) && p.raisedKerb() == stored.raisedKerb();
            if (!same) {
                if (stored != null) {
                    deletes.add(p.id());
                }
                creates.add(new WalkwayRow(p.id(), p.fromId(), p.toId(), Millimetres.toMeters(p.millimetres()),
                        p.kind(), false, shape, p.osmWay(), p.raisedKerb()));
                seeds.addAll(network.ends(p.id()));
            }
        }
        for (ExistingGraph.Walkway w : g.walkways) {
            if (w.osmWay() != null && x.containsWay(w.osmWay()) && !keptFileIds.contains(w.id())) {
                deletes.add(w.id());
            }
        }
        Set<String> orphanCandidates = new LinkedHashSet<>();
        for (String id : deletes) {
            ExistingGraph.Walkway w = storedById.get(id);
            orphanCandidates.add(w.fromId());
            orphanCandidates.add(w.toId());
        }
        List<JunctionRow> junctionRows = new ArrayList<>(junctions.size());
        junctions.forEach((id, pos) -> junctionRows.add(new JunctionRow(id, pos[0], pos[1])));
        return new WalkwayChanges(junctionRows, creates, deletes, orphanCandidates, seeds, fileWalkways);
    }
}
