package cn.nantong.livingcircle.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.Geo;
import cn.nantong.livingcircle.engine.PlaceLocator;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.engine.WalkwayNetwork;

/**
 * Builds small {@link CityNetwork}s for unit tests from junctions given in metres east/north of a point in Nantong
 * (32° N, 120.86° E), so drawn lengths equal geometric lengths on the mean sphere.
 */
public final class HandDrawnCity {

    public static final double LAT0 = 32.0;
    public static final double LON0 = 120.86;
    public static final double METERS_PER_DEGREE_LON = Geo.METERS_PER_DEGREE * Math.cos(Math.toRadians(LAT0));

    private final WalkwayNetwork.Builder builder = WalkwayNetwork.builder();
    private final List<String> placeIds = new ArrayList<>();
    private final List<Attachment> placeAttachments = new ArrayList<>();
    private final List<String> placeCategories = new ArrayList<>();

    public static double lat(double northMeters) {
        return LAT0 + northMeters / Geo.METERS_PER_DEGREE;
    }

    public static double lon(double eastMeters) {
        return LON0 + eastMeters / METERS_PER_DEGREE_LON;
    }

    public int junction(double eastMeters, double northMeters) {
        return builder.addJunction(lat(northMeters), lon(eastMeters));
    }

    public int segment(int from, int to, int millimetres) {
        return builder.addSegment(from, to, millimetres);
    }

    public HandDrawnCity place(String id, String category, int segment, int offsetMillimetres) {
        placeIds.add(id);
        placeAttachments.add(new Attachment(segment, offsetMillimetres));
        placeCategories.add(category);
        return this;
    }

    public CityNetwork build() {
        WalkwayNetwork network = builder.build();
        int places = placeIds.size();
        int[] segment = new int[places];
        int[] offset = new int[places];
        List<String> categoryCodes = new ArrayList<>();
        Map<String, Integer> categoryIndex = new HashMap<>();
        int[] placeCategory = new int[places];
        Map<String, Integer> placeIndex = new HashMap<>();
        for (int i = 0; i < places; i++) {
            segment[i] = placeAttachments.get(i).segment();
            offset[i] = placeAttachments.get(i).offsetMillimetres();
            placeCategory[i] = categoryIndex.computeIfAbsent(placeCategories.get(i), code -> {
                categoryCodes.add(code);
                return categoryCodes.size() - 1;
            });
            placeIndex.put(placeIds.get(i), i);
        }
        String[] walkwayIds = new String[network.segmentCount()];
        for (int s = 0; s < walkwayIds.length; s++) {
            walkwayIds[s] = "w" + s;
        }
        return new CityNetwork("test", network, new SegmentSnapper(network), walkwayIds, new String[0],
                new Attachment[0], new int[0], new int[0], new int[0], new String[0],
                placeIds.toArray(String[]::new), placeCategory, new boolean[places],
                categoryCodes.toArray(String[]::new), new PlaceLocator(network, segment, offset), Map.of(),
                placeIndex, Map.of(), categoryIndex);
    }
}
