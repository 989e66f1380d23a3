package cn.nantong.livingcircle.network;

import cn.nantong.livingcircle.dataset.DatasetService;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code /readyz}): a replica is ready only once a dataset is in the graph and its walkway network
 * is in memory; before that every search would fail, so a load balancer should not send it traffic.
 */
@Component
class DatasetHealthIndicator implements HealthIndicator {

    private final DatasetService datasets;
    private final CityNetworkService networks;

    DatasetHealthIndicator(DatasetService datasets, CityNetworkService networks) {
        this.datasets = datasets;
        this.networks = networks;
    }

    @Override
    public Health health() {
        if (datasets.find().isEmpty()) {
            return Health.outOfService().withDetail("reason", "no dataset loaded").build();
        }
        if (!networks.loaded()) {
            return Health.outOfService().withDetail("reason", "walkway network not built yet").build();
        }
        return Health.up().build();
    }
}
