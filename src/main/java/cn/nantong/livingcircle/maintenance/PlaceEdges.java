package cn.nantong.livingcircle.maintenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.PlaceLocator;
import cn.nantong.livingcircle.engine.WalkingEdges;

/**
 * The walking-distance edges of ONE place: building id → metres for every building within the horizon. Walking is
 * symmetric, so one search from the place finds the buildings that can reach it; their distances are then computed
 * from each building exactly as the importers do ({@link WalkingEdges#compute} with a locator holding only this
 * place), so an edge written here equals the one a full re-import would write, to the millimetre.
 */
final class PlaceEdges {

    /**
     * Widens the reverse search so that no building is missed if the two directions ever round differently; the
     * forward computation applies the exact horizon.
     */
    private static final int SLACK_MILLIMETRES = 1_000;

    private PlaceEdges() {
    }

    /**
     * The edges of the place, and how many buildings the reverse search found near enough to have their distance
     * computed (what a recompute costs, for the metrics).
     */
    record Recomputed(Map<String, Double> metersByBuilding, int buildingsComputed) {
    }

    static Recomputed within(CityNetwork city, Attachment place, int horizonMillimetres) {
        int bound = horizonMillimetres + SLACK_MILLIMETRES;
        Attachment[] buildings = city.buildingAttachments();
        List<Integer> candidates = city.network().searches().with(search -> {
            search.run(place, bound);
            List<Integer> near = new ArrayList<>();
            for (int b = 0; b < buildings.length; b++) {
                if (search.distanceTo(buildings[b]) <= bound) {
                    near.add(b);
                }
            }
            return near;
        });
        Attachment[] origins = candidates.stream().map(b -> buildings[b]).toArray(Attachment[]::new);
        PlaceLocator onlyThisPlace = new PlaceLocator(city.network(), new int[] {place.segment()},
                new int[] {place.offsetMillimetres()});
        WalkingEdges edges = WalkingEdges.compute(city.network(), origins, onlyThisPlace, horizonMillimetres);
        Map<String, Double> metersByBuilding = new LinkedHashMap<>();
        for (int i = 0; i < origins.length; i++) {
            for (int e = edges.first()[i]; e < edges.first()[i + 1]; e++) {
                metersByBuilding.put(city.buildingIds()[candidates.get(i)], Millimetres.toMeters(edges.millimetres()[e]));
            }
        }
        return new Recomputed(metersByBuilding, origins.length);
    }
}
