package cn.nantong.livingcircle.importer.osm;

import java.nio.file.Path;
import java.util.Set;

import cn.nantong.livingcircle.engine.WalkwayNetwork;

/**
 * For benchmarks: the walkway network an OSM import of one file into an empty graph would write, built by the
 * importer's own planning phases without Neo4j or Spring ({@link OsmFileReader} → {@link FileWalkways#cut} →
 * {@link MergedWalkways#merge}, islands under {@code minIslandMeters} dropped → {@link MergedNetwork}). The server
 * later loads the same junctions and walkways back from the graph ({@code CityNetworkLoader}); only the order of the
 * dense indices may differ, not a distance.
 */
public final class OsmWalkwayNetworks {

    /** The network and what the import's planning reports about it. */
    public record Built(WalkwayNetwork network, long osmNodes, int osmWays, int walkableWays, int islandsDropped,
            int walkwaysDropped, long millis) {
    }

    private OsmWalkwayNetworks() {
    }

    /** @param minIslandMeters {@code circle.osm.min-island-meters} (500 by default) */
    public static Built fromExtract(Path file, double minIslandMeters) {
        long start = System.nanoTime();
        OsmExtract extract = OsmFileReader.read(file, elements -> { });
        FileWalkways walkways = FileWalkways.cut(extract, Set.of());
        MergedWalkways merged = MergedWalkways.merge(new ExistingGraph(), walkways, extract, minIslandMeters);
        // the snapper MergedNetwork builds for attaching buildings is not used here: the benchmark builds the one the
        // server builds (CityNetworkLoader), with circle.walking.min-snap-component-meters
        MergedNetwork network = new MergedNetwork(merged, 0.0);
        return new Built(network.network, extract.nodeCount(), extract.ways.size(), walkways.walkableWays(),
                merged.islandsDropped(), merged.walkwaysDropped(), (System.nanoTime() - start) / 1_000_000);
    }
}
