package cn.nantong.livingcircle.engine;

import java.util.stream.IntStream;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.IntList;
import cn.nantong.livingcircle.engine.PlaceLocator;
import cn.nantong.livingcircle.engine.WalkwayNetwork;

/**
 * The precomputed {@code (:Building)-[:WALKS_TO {meters}]->(:Place)} edges: one bounded search per building over
 * the in-memory network, every place within the horizon collected. Buildings are independent, so they run in
 * parallel with pooled searches ({@link WalkingSearchPool}).
 *
 * <p>Result layout: for building {@code b}, its edges are {@code [first[b], first[b+1])} in {@code place} and
 * {@code millimetres}.
 */
public record WalkingEdges(int[] first, int[] place, int[] millimetres) {

    public int count() {
        return place.length;
    }

    public static WalkingEdges compute(WalkwayNetwork network, Attachment[] buildings, PlaceLocator places,
            int horizonMillimetres) {
        int n = buildings.length;
        int[][] perPlace = new int[n][];
        int[][] perMillimetres = new int[n][];
        IntStream.range(0, n).parallel().forEach(b -> {
            IntList targets = new IntList();
            IntList distances = new IntList();
            network.searches().with(search -> {
                search.run(buildings[b], horizonMillimetres);
                places.forEachWithin(search, horizonMillimetres, (place, mm) -> {
                    targets.add(place);
                    distances.add(mm);
                });
                return null;
            });
            perPlace[b] = targets.toArray();
            perMillimetres[b] = distances.toArray();
        });
        int[] first = new int[n + 1];
        for (int b = 0; b < n; b++) {
            first[b + 1] = first[b] + perPlace[b].length;
        }
        int[] place = new int[first[n]];
        int[] millimetres = new int[first[n]];
        for (int b = 0; b < n; b++) {
            System.arraycopy(perPlace[b], 0, place, first[b], perPlace[b].length);
            System.arraycopy(perMillimetres[b], 0, millimetres, first[b], perMillimetres[b].length);
        }
        return new WalkingEdges(first, place, millimetres);
    }
}
