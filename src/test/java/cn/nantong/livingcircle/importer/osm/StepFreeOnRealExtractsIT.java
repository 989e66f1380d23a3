package cn.nantong.livingcircle.importer.osm;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.NetworkReach;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.ReachedPlace;
import cn.nantong.livingcircle.engine.WalkingRoute;
import cn.nantong.livingcircle.engine.WalkwayNetwork;
import cn.nantong.livingcircle.network.CityNetworkService;
import cn.nantong.livingcircle.network.Obstacle;
import cn.nantong.livingcircle.network.StepFreeNetworks;
import cn.nantong.livingcircle.reachability.OriginInput;
import cn.nantong.livingcircle.reachability.PointInput;
import cn.nantong.livingcircle.reachability.ReachabilityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step-free reach against adult reach on the real extracts of Monaco (a city of stairways) and Krems. From the same
 * seeded origins (points on walkways that are not steps) the step-free reach within 15 minutes must be a subset of
 * the adult reach, every common place at least as far, and on Monaco it must differ for a sizeable share of origins.
 *
 * <p>Measured (200 origins per extract, 15 minutes): printed by the test as {@code step-free <extract>: ...}.
 */
@OsmApplicationIT
class StepFreeOnRealExtractsIT {

    private static final int ORIGINS = 200;
    private static final int FIFTEEN_MINUTES = Pace.ADULT.thresholdMillimetres(15);

    @Autowired
    OsmImporter importer;

    @Autowired
    CityNetworkService networks;

    @Autowired
    StepFreeNetworks stepFree;

    @Autowired
    ReachabilityService reachability;

    @Test
    void onMonacoStepFreeReachIsASubsetOfAdultReachAndOftenSmaller() {
        importer.importFile(OsmImportIT.MONACO);
        Comparison monaco = compare(43.70, 43.76, 7.38, 7.45, 1);
        System.out.println("step-free Monaco: " + monaco);
        assertThat(monaco.stepSegments()).isGreaterThan(50);
        assertThat(monaco.originsWithADifference()).as("Monaco's stairways change many walks")
                .isGreaterThan(ORIGINS / 10);
        assertThat(monaco.placesLost() + monaco.placesFarther()).isPositive();

        // the same through the API's service: a point where the walks differ, with and without avoid: [STEPS]
        double[] at = WalkingRoute.pointAt(networks.current().network(), monaco.differingOrigin().segment(),
                monaco.differingOrigin().offsetMillimetres());
        OriginInput point = OriginInput.point(PointInput.wgs84(at[0], at[1]));
        int adult = reachability.reachable(point, 15, Pace.ADULT, null, null, null, 100, null, null, null)
                .totalCount();
        int stepFreeTotal = reachability.reachable(point, 15, Pace.ADULT, null, null, null, 100, null, null,
                List.of(Obstacle.STEPS)).totalCount();
        assertThat(stepFreeTotal).isLessThanOrEqualTo(adult);
        assertThat(stepFreeTotal).isEqualTo(monaco.differingStepFreeCount());
        assertThat(adult).isEqualTo(monaco.differingAdultCount());
    }

    @Test
    void onKremsStepFreeReachIsASubsetOfAdultReach() {
        importer.importFile(OsmGraphHopperAgreementIT.KREMS);
        Comparison krems = compare(48.38, 48.44, 15.55, 15.66, 2);
        System.out.println("step-free Krems: " + krems);
        assertThat(krems.stepSegments()).isPositive();
        assertThat(krems.pairs()).isGreaterThan(1000);
    }

    /**
     * @param stepSegments            flights of steps (segments of kind steps) inside the box
     * @param pairs                   (origin, place) pairs reached at the adult pace
     * @param originsWithADifference  origins whose step-free reach differs from the adult one
     * @param placesLost              pairs reached by the adult walk only
     * @param placesFarther           pairs reached by both, farther step-free
     */
    record Comparison(int stepSegments, int pairs, int originsWithADifference, int placesLost, int placesFarther,
            Attachment differingOrigin, int differingAdultCount, int differingStepFreeCount) {

        @Override
        public String toString() {
            return stepSegments + " step segments, " + pairs + " adult (origin, place) pairs, "
                    + originsWithADifference + " of " + ORIGINS + " origins differ, " + placesLost + " pairs lost, "
                    + placesFarther + " farther";
        }
    }

    private Comparison compare(double minLat, double maxLat, double minLon, double maxLon, long seed) {
        CityNetwork city = networks.current();
        CityNetwork free = stepFree.avoiding(city, List.of(Obstacle.STEPS));
        WalkwayNetwork network = city.network();
        int steps = 0;
        List<Integer> candidates = new java.util.ArrayList<>();
        for (int s = 0; s < network.segmentCount(); s++) {
            int a = network.segmentFrom(s);
            double lat = network.junctionLat(a);
            double lon = network.junctionLon(a);
            if (lat < minLat || lat > maxLat || lon < minLon || lon > maxLon) {
                continue;
            }
            if ("steps".equals(city.walkwayKinds()[s])) {
                steps++;
                assertThat(free.network().walkable(s)).isFalse();
            } else if (!city.snapper().onIsland(s) && !free.snapper().onIsland(s)) {
                candidates.add(s);
            }
        }
        assertThat(candidates).isNotEmpty();
        Random random = new Random(seed);
        int pairs = 0;
        int differ = 0;
        int lost = 0;
        int farther = 0;
        Attachment differing = null;
        int differingAdult = 0;
        int differingFree = 0;
        for (int i = 0; i < ORIGINS; i++) {
            int s = candidates.get(random.nextInt(candidates.size()));
            Attachment origin = new Attachment(s, random.nextInt(network.segmentMillimetres(s) + 1));
            Map<String, Integer> adult = byId(NetworkReach.placesWithin(city, origin, FIFTEEN_MINUTES, p -> true));
            Map<String, Integer> stepFreeReach = byId(NetworkReach.placesWithin(free, origin, FIFTEEN_MINUTES,
                    p -> true));
            assertThat(adult.keySet()).as("origin %s", origin).containsAll(stepFreeReach.keySet());
            pairs += adult.size();
            boolean different = adult.size() != stepFreeReach.size();
            for (Map.Entry<String, Integer> e : adult.entrySet()) {
                Integer without = stepFreeReach.get(e.getKey());
                if (without == null) {
                    lost++;
                } else {
                    assertThat(without).as("origin %s place %s", origin, e.getKey()).isGreaterThanOrEqualTo(e.getValue());
                    if (without > e.getValue()) {
                        farther++;
                        different = true;
                    }
                }
            }
            differ += different ? 1 : 0;
            if (different && differing == null && adult.size() != stepFreeReach.size()) {
                differing = origin;
                differingAdult = adult.size();
                differingFree = stepFreeReach.size();
            }
        }
        return new Comparison(steps, pairs, differ, lost, farther, differing, differingAdult, differingFree);
    }

    private static Map<String, Integer> byId(List<ReachedPlace> reached) {
        Map<String, Integer> map = new HashMap<>();
        reached.forEach(r -> map.put(r.placeId(), r.walkMillimetres()));
        return map;
    }
}
