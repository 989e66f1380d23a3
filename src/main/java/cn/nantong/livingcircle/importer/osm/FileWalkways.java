package cn.nantong.livingcircle.importer.osm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.nantong.livingcircle.engine.Geo;
import cn.nantong.livingcircle.engine.Millimetres;

/**
 * Phase 1: the walkway pieces of the file's ways. The ways {@link PedestrianWays} accepts are cut at junctions: a
 * node used by two or more walkable ways (or twice by one), the ends of every way, and nodes that are already
 * junctions in the graph (so a second, overlapping file connects to the first). A piece between two consecutive
 * junctions is {@code osm-w<way>-<k>} with every node as its shape and the haversine sum along them as its length, in
 * whole millimetres. Ways crossing without a shared node (bridges, tunnels) are not connected. A piece through a
 * raised kerb node ({@link PedestrianWays#raisedKerb}) is marked, for step-free walks.
 *
 * @param walkableWays the number of walkable ways
 * @param positions    junction id → {@code [lat, lon]} for both ends of every piece
 */
record FileWalkways(int walkableWays, List<WalkwayPiece> pieces, Map<String, double[]> positions) {

    static FileWalkways cut(OsmExtract x, Set<String> storedJunctions) {
        List<OsmExtract.Way> walkable = x.ways.stream()
                .filter(w -> w.nodes().length >= 2 && PedestrianWays.walkable(w.tags())).toList();
        boolean[] junction = junctions(x, walkable, storedJunctions);
        Map<String, double[]> positions = new HashMap<>();
        List<WalkwayPiece> pieces = new ArrayList<>();
        for (OsmExtract.Way w : walkable) {
            int[] nodes = w.nodes();
            String kind = PedestrianWays.kind(w.tags());
            int start = 0;
            int k = 0;
            for (int i = 1; i < nodes.length; i++) {
                if (!junction[nodes[i]] && i < nodes.length - 1) {
                    continue;
                }
                double[] shape = new double[2 * (i - start + 1)];
                double meters = 0.0;
                boolean raisedKerb = false;
                for (int p = start; p <= i; p++) {
                    raisedKerb |= PedestrianWays.raisedKerb(x.nodeTags.get(nodes[p]));
                    shape[2 * (p - start)] = x.lat(nodes[p]);
                    shape[2 * (p - start) + 1] = x.lon(nodes[p]);
                    if (p > start) {
                        meters += Geo.haversineMeters(x.lat(nodes[p - 1]), x.lon(nodes[p - 1]), x.lat(nodes[p]),
                                x.lon(nodes[p]));
                    }
                }
                String from = OsmIds.node(x.nodeId(nodes[start]));
                String to = OsmIds.node(x.nodeId(nodes[i]));
                positions.put(from, new double[] {x.lat(nodes[start]), x.lon(nodes[start])});
                positions.put(to, new double[] {x.lat(nodes[i]), x.lon(nodes[i])});
                pieces.add(new WalkwayPiece(OsmIds.walkway(w.id(), k), from, to, Millimetres.of(meters), shape,
                        w.id(), kind, raisedKerb, null));
                k++;
                start = i;
            }
        }
        return new FileWalkways(walkable.size(), pieces, positions);
    }

    /** Which nodes (by dense index) cut the walkable ways into pieces. */
    private static boolean[] junctions(OsmExtract x, List<OsmExtract.Way> walkable, Set<String> storedJunctions) {
        int[] usage = new int[x.nodeCount()];
        boolean[] junction = new boolean[x.nodeCount()];
        for (OsmExtract.Way w : walkable) {
            int[] nodes = w.nodes();
            for (int i = 0; i < nodes.length; i++) {
                // A closed way's last node repeats its first: that is an end, not a second use.
                if (i < nodes.length - 1 || nodes[i] != nodes[0]) {
                    usage[nodes[i]]++;
                }
            }
            junction[nodes[0]] = true;
            junction[nodes[nodes.length - 1]] = true;
        }
        for (int n = 0; n < usage.length; n++) {
            if (usage[n] >= 2 || (usage[n] == 1 && storedJunctions.contains(OsmIds.node(x.nodeId(n))))) {
                junction[n] = true;
            }
        }
        return junction;
    }
}
