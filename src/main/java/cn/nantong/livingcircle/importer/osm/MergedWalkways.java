package cn.nantong.livingcircle.importer.osm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.nantong.livingcircle.engine.Millimetres;

/**
 * Phase 2: the file's pieces merged with the stored network, small islands of the file dropped. The file is
 * authoritative for every way it contains, so the stored pieces of those ways are left out (and replaced by the
 * file's). Connected components of the merged network are measured by total walkway length; a component with less
 * than {@code minIslandMeters} that holds only pieces of this file, and is not the file's largest component, is
 * dropped: these are mostly footways inside private grounds or pieces cut off by the extract's boundary, and a
 * building attached to one would reach almost nothing.
 *
 * @param kept            the pieces of the merged network: kept stored pieces first, then the file's
 * @param junctionCount   junctions before dropping islands (a capacity hint for the network)
 * @param positions       junction id → {@code [lat, lon]}, stored and file junctions
 * @param islandsDropped  components dropped
 * @param walkwaysDropped pieces in those components
 */
record MergedWalkways(List<WalkwayPiece> kept, int junctionCount, Map<String, double[]> positions,
        int islandsDropped, int walkwaysDropped) {

    static MergedWalkways merge(ExistingGraph g, FileWalkways file, OsmExtract x, double minIslandMeters) {
        List<WalkwayPiece> pieces = new ArrayList<>();
        for (ExistingGraph.Walkway w : g.walkways) {
            if (w.osmWay() == null || !x.containsWay(w.osmWay())) {
                pieces.add(WalkwayPiece.of(w));
            }
        }
        int storedKept = pieces.size();
        pieces.addAll(file.pieces());
        Map<String, double[]> positions = new HashMap<>(g.junctions);
        positions.putAll(file.positions());

        Map<String, Integer> junctionIndex = new HashMap<>();
        for (WalkwayPiece p : pieces) {
            junctionIndex.putIfAbsent(p.fromId(), junctionIndex.size());
            junctionIndex.putIfAbsent(p.toId(), junctionIndex.size());
        }
        int[] parent = new int[junctionIndex.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (WalkwayPiece p : pieces) {
            union(parent, junctionIndex.get(p.fromId()), junctionIndex.get(p.toId()));
        }
        Map<Integer, Double> componentMeters = new HashMap<>();
        Set<Integer> componentWithStored = new HashSet<>();
        for (int i = 0; i < pieces.size(); i++) {
            WalkwayPiece p = pieces.get(i);
            int root = find(parent, junctionIndex.get(p.fromId()));
            componentMeters.merge(root, Millimetres.toMeters(p.millimetres()), Double::sum);
            if (i < storedKept) {
                componentWithStored.add(root);
            }
        }
        // The file's largest component is always kept, even when the graph already holds a larger city elsewhere.
        int largest = componentMeters.entrySet().stream().filter(e -> !componentWithStored.contains(e.getKey()))
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
        Set<Integer> dropped = new HashSet<>();
        componentMeters.forEach((root, meters) -> {
            if (meters < minIslandMeters && root != largest && !componentWithStored.contains(root)) {
                dropped.add(root);
            }
        });
        List<WalkwayPiece> kept = new ArrayList<>();
        int walkwaysDropped = 0;
        for (WalkwayPiece p : pieces) {
            if (dropped.contains(find(parent, junctionIndex.get(p.fromId())))) {
                walkwaysDropped++;
            } else {
                kept.add(p);
            }
        }
        return new MergedWalkways(kept, junctionIndex.size(), positions, dropped.size(), walkwaysDropped);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
