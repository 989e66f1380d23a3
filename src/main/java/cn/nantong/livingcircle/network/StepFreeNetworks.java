package cn.nantong.livingcircle.network;

import java.util.Collection;

import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.engine.WalkwayNetwork;
import cn.nantong.livingcircle.metrics.CircleMetrics;
import cn.nantong.livingcircle.metrics.CircleMetrics.VersionedCache;
import org.springframework.stereotype.Service;

/**
 * The walkable city without its obstacles, for a step-free walk (a wheelchair, a pram, a walking frame): the same
 * segments with every flight of steps, and every walkway through a raised kerb, out of the adjacency ({@link WalkwayNetwork#without}), so searches never walk
 * them and snaps never land on them; islands are recomputed, since a square reached only by stairs is one. Built once
 * per data version on first use and kept beside the full network.
 */
@Service
public class StepFreeNetworks {

    private record Cached(String version, CityNetwork city) {
    }

    private final WalkingProperties walking;
    private final CircleMetrics metrics;
    private volatile Cached cached;

    StepFreeNetworks(WalkingProperties walking, CircleMetrics metrics) {
        this.walking = walking;
        this.metrics = metrics;
    }

    /** {@code city} itself, or without steps when {@code avoid} lists {@link Obstacle#STEPS}. */
    public CityNetwork avoiding(CityNetwork city, Collection<Obstacle> avoid) {
        if (avoid == null || !avoid.contains(Obstacle.STEPS)) {
            return city;
        }
        Cached hit = cached;
        if (hit != null && hit.version().equals(city.version())) {
            metrics.cacheHit(VersionedCache.STEP_FREE_NETWORK);
            return hit.city();
        }
        long start = System.nanoTime();
        String[] kinds = city.walkwayKinds();
        boolean[] kerbs = city.walkwayRaisedKerb();
        boolean[] steps = new boolean[kinds.length];
        boolean any = false;
        for (int s = 0; s < kinds.length; s++) {
            steps[s] = "steps".equals(kinds[s]) || kerbs[s];
            any |= steps[s];
        }
        CityNetwork stepFree = city;
        if (any) {
            WalkwayNetwork network = city.network().without(steps);
            stepFree = city.withWalkways(network, new SegmentSnapper(network, walking.minSnapComponentMeters()));
        }
        cached = new Cached(city.version(), stepFree);
        metrics.cacheMiss(VersionedCache.STEP_FREE_NETWORK, System.nanoTime() - start);
        return stepFree;
    }
}
