package cn.nantong.livingcircle.network;

import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.NetworkExtent;
import cn.nantong.livingcircle.metrics.CircleMetrics;
import cn.nantong.livingcircle.metrics.CircleMetrics.VersionedCache;
import org.springframework.stereotype.Service;

/**
 * The {@link NetworkExtent} of the current walkway network, computed once per data version (a hull of every shape
 * point: tens of milliseconds on the demo, not worth repeating per request), and the one place that decides why a
 * point that snapped to no walkway is refused.
 */
@Service
public class NetworkExtents {

    private record Cached(String version, NetworkExtent extent) {
    }

    private final CityNetworkService networks;
    private final WalkingProperties walking;
    private final CircleMetrics metrics;
    private volatile Cached cached;

    NetworkExtents(CityNetworkService networks, WalkingProperties walking, CircleMetrics metrics) {
        this.metrics = metrics;
        this.networks = networks;
        this.walking = walking;
    }

    /** The extent of the current network. */
    public NetworkExtent current() {
        return of(networks.current());
    }

    /** The extent of {@code city}, from the cache when it was built for the same data version. */
    public NetworkExtent of(CityNetwork city) {
        Cached hit = cached;
        if (hit != null && hit.version().equals(city.version())) {
            metrics.cacheHit(VersionedCache.NETWORK_EXTENT);
            return hit.extent();
        }
        // Racing callers may both compute it once; the result is the same and the cost is small.
        long start = System.nanoTime();
        NetworkExtent extent = NetworkExtent.of(city.network(), walking.maxSnapMeters());
        cached = new Cached(city.version(), extent);
        metrics.cacheMiss(VersionedCache.NETWORK_EXTENT, System.nanoTime() - start);
        return extent;
    }

    /**
     * The error for a point ({@code lat}/{@code lon} in WGS84; {@code givenLat}/{@code givenLon} as the client sent
     * them, for the message) that is farther than {@code maxSnapMeters} from every walkway: OUTSIDE_COVERAGE outside
     * {@code extent}, TOO_FAR_FROM_WALKWAY in a gap inside it.
     */
    public static ApiException unsnappable(NetworkExtent extent, String argument, double lat, double lon,
            double givenLat, double givenLon, double maxSnapMeters) {
        if (!extent.covers(lat, lon)) {
            return ApiException.outsideCoverage(argument, givenLat, givenLon);
        }
        return ApiException.tooFarFromWalkway(argument, givenLat, givenLon, maxSnapMeters);
    }
}
