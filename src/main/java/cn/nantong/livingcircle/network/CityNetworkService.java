package cn.nantong.livingcircle.network;

import cn.nantong.livingcircle.dataset.DatasetInfo;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.metrics.CircleMetrics;
import cn.nantong.livingcircle.metrics.CircleMetrics.VersionedCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Hands out the {@link CityNetwork} of the current data version. When the version stamp in the graph changes (an
 * import on this or another replica), the next caller rebuilds the copy; concurrent callers wait for that one
 * rebuild instead of starting their own. Warmed at start-up, after the demo data, so the first request does not
 * pay for the load.
 */
@Service
@Order(20)
public class CityNetworkService implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CityNetworkService.class);

    private final CityNetworkLoader loader;
    private final DatasetService datasets;
    private final CircleMetrics metrics;
    private volatile CityNetwork current;

    CityNetworkService(CityNetworkLoader loader, DatasetService datasets, CircleMetrics metrics) {
        this.metrics = metrics;
        this.loader = loader;
        this.datasets = datasets;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (datasets.find().isPresent()) {
            current();
        }
    }

    /** Whether a network has been loaded at all (readiness: a replica without one cannot answer searches). */
    public boolean loaded() {
        return current != null;
    }

    /** The network of the current data version, loading it if the version changed. */
    public CityNetwork current() {
        DatasetInfo dataset = datasets.current();
        CityNetwork network = current;
        if (network != null && network.version().equals(dataset.version())) {
            metrics.cacheHit(VersionedCache.WALKWAY_NETWORK);
            return network;
        }
        synchronized (this) {
            network = current;
            if (network == null || !network.version().equals(dataset.version())) {
                long start = System.nanoTime();
                network = loader.load(dataset.version(), dataset.generation());
                current = network;
                metrics.cacheMiss(VersionedCache.WALKWAY_NETWORK, System.nanoTime() - start);
                log.info("Loaded the walkway network of data version {}: {} junctions, {} segments, {} buildings, "
                        + "{} places in {} ms", dataset.version(), network.network().junctionCount(),
                        network.network().segmentCount(), network.buildingCount(), network.placeCount(),
                        (System.nanoTime() - start) / 1_000_000);
            } else {
                // another caller rebuilt it while this one waited
                metrics.cacheHit(VersionedCache.WALKWAY_NETWORK);
            }
            return network;
        }
    }
}
