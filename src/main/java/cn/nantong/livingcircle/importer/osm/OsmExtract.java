package cn.nantong.livingcircle.importer.osm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of an OSM file the import uses, held in memory: every node's position (dense index per node id, so a
 * way's node list resolves without objects per node), the tags of tagged nodes, and every way with its tags and node
 * references. Relations are counted but not used (multipolygon buildings and landuse areas are not imported).
 */
final class OsmExtract {

    final String fileName;
    private final Map<Long, Integer> nodeIndex;
    private final long[] nodeIds;
    private final double[] lat;
    private final double[] lon;
    final Map<Integer, Map<String, String>> nodeTags;
    final List<Way> ways;
    private final Set<Long> wayIds = new HashSet<>();
    final long relations;
    /** Way node references whose node is not in the file (dropped from their way). */
    final long missingNodeRefs;

    record Way(long id, int[] nodes, Map<String, String> tags) {

        boolean closed() {
            return nodes.length >= 4 && nodes[0] == nodes[nodes.length - 1];
        }
    }

    OsmExtract(String fileName, Map<Long, Integer> nodeIndex, long[] nodeIds, double[] lat, double[] lon,
            Map<Integer, Map<String, String>> nodeTags, List<Way> ways, long relations, long missingNodeRefs) {
        this.fileName = fileName;
        this.nodeIndex = nodeIndex;
        this.nodeIds = nodeIds;
        this.lat = lat;
        this.lon = lon;
        this.nodeTags = nodeTags;
        this.ways = ways;
        ways.forEach(w -> wayIds.add(w.id()));
        this.relations = relations;
        this.missingNodeRefs = missingNodeRefs;
    }

    int nodeCount() {
        return nodeIds.length;
    }

    long nodeId(int node) {
        return nodeIds[node];
    }

    double lat(int node) {
        return lat[node];
    }

    double lon(int node) {
        return lon[node];
    }

    Integer indexOf(long nodeId) {
        return nodeIndex.get(nodeId);
    }

    /** True when the file contains the way (walkable or not). */
    boolean containsWay(long wayId) {
        return wayIds.contains(wayId);
    }

    /** Collects nodes and ways in file order; {@link #build} freezes them. */
    static final class Collector {
        private final Map<Long, Integer> nodeIndex = new HashMap<>();
        private long[] ids = new long[1024];
        private double[] lat = new double[1024];
        private double[] lon = new double[1024];
        private int nodes;
        private final Map<Integer, Map<String, String>> nodeTags = new HashMap<>();
        private final List<Way> ways = new java.util.ArrayList<>();
        private long relations;
        private long missingNodeRefs;

        void node(long id, double latitude, double longitude, Map<String, String> tags) {
            if (nodes == ids.length) {
                ids = Arrays.copyOf(ids, nodes * 2);
                lat = Arrays.copyOf(lat, nodes * 2);
                lon = Arrays.copyOf(lon, nodes * 2);
            }
            ids[nodes] = id;
            lat[nodes] = latitude;
            lon[nodes] = longitude;
            nodeIndex.put(id, nodes);
            if (!tags.isEmpty()) {
                nodeTags.put(nodes, tags);
            }
            nodes++;
        }

        void way(long id, long[] nodeRefs, Map<String, String> tags) {
            int[] resolved = new int[nodeRefs.length];
            int n = 0;
            for (long ref : nodeRefs) {
                Integer index = nodeIndex.get(ref);
                if (index == null) {
                    missingNodeRefs++;
                } else {
                    resolved[n++] = index;
                }
            }
            ways.add(new Way(id, Arrays.copyOf(resolved, n), tags));
        }

        void relation() {
            relations++;
        }

        long elements() {
            return nodes + ways.size() + relations;
        }

        OsmExtract build(String fileName) {
            return new OsmExtract(fileName, nodeIndex, Arrays.copyOf(ids, nodes), Arrays.copyOf(lat, nodes),
                    Arrays.copyOf(lon, nodes), nodeTags, List.copyOf(ways), relations, missingNodeRefs);
        }
    }
}
