package cn.nantong.livingcircle.engine.coverage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.PlaceLocator;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.engine.WalkwayNetwork;

/**
 * A hand-built town with exactly known answers. Lengths are authoritative (whole metres); positions run east
 * along latitude 32° so snapping agrees with them to within a metre.
 *
 * <pre>
 *  x (m):  0        300       600       900       1200      1500      1800
 *          J0--s0---J1--s1---J2--s2---J3--s3---J4--s4---J5--s5---J6        island:  J7--s6--J8 (200 m)
 *            P  B0     B1          B2     B3   C                  B4                      L  B5
 *  P  pharmacy          s0+100 (x=100)          B0 s0+250 (x=250)  100 residents  community A
 *  C  convenience store s3+200 (x=1100)         B1 s1+200 (x=500)  200 residents  community A
 *  L  library           s6+0   (island J7)      B2 s2+200 (x=800)  300 residents  community A
 *                                               B3 s3+100 (x=1000) 400 residents  community B
 *                                               B4 s5+100 (x=1600)  50 residents  community B
 *                                               B5 s6+100 (island)  10 residents  community B
 * </pre>
 */
final class SmallTown {

    static final double LAT = 32.0;
    /** Metres per degree of longitude at 32°N on the mean-radius sphere. */
    static final double METERS_PER_DEGREE_LON = 6_371_008.8 * Math.PI / 180.0 * Math.cos(Math.toRadians(LAT));
    static final double LON0 = 120.8;

    static final int CONVENIENCE = 0;
    static final int LIBRARY = 1;
    static final int PHARMACY = 2;
    static final String[] CATEGORIES = {"convenience_store", "library", "pharmacy"};

    static final int J4 = 4;
    static final int J7 = 7;

    private SmallTown() {
    }

    static double lonAt(double xMeters) {
        return LON0 + xMeters / METERS_PER_DEGREE_LON;
    }

    static CityNetwork build() {
        WalkwayNetwork.Builder builder = WalkwayNetwork.builder();
        for (int j = 0; j <= 6; j++) {
            builder.addJunction(LAT, lonAt(300.0 * j));
        }
        builder.addJunction(LAT + 0.01, lonAt(0)); // J7, island about 1.1 km north
        builder.addJunction(LAT + 0.01, lonAt(200));
        for (int s = 0; s < 6; s++) {
            builder.addSegment(s, s + 1, 300_000);
        }
        builder.addSegment(7, 8, 200_000);
        WalkwayNetwork network = builder.build();

        String[] placeIds = {"p-pharmacy", "p-convenience", "p-library"};
        int[] placeCategory = {PHARMACY, CONVENIENCE, LIBRARY};
        int[] placeSegment = {0, 3, 6};
        int[] placeOffset = {100_000, 200_000, 0};
        String[] buildingIds = {"b0", "b1", "b2", "b3", "b4", "b5"};
        Attachment[] buildings = {new Attachment(0, 250_000), new Attachment(1, 200_000), new Attachment(2, 200_000),
                new Attachment(3, 100_000), new Attachment(5, 100_000), new Attachment(6, 100_000)};
        int[] residents = {100, 200, 300, 400, 50, 10};
        int[] households = {40, 80, 120, 160, 20, 4};
        int[] community = {0, 0, 0, 1, 1, 1};
        String[] communityIds = {"c-a", "c-b"};
        String[] walkwayIds = {"w0", "w1", "w2", "w3", "w4", "w5", "w6"};
        return new CityNetwork("small-town-1", network, new SegmentSnapper(network), walkwayIds, buildingIds,
                buildings, residents, households, community, communityIds, placeIds, placeCategory,
                new boolean[] {true, true, false}, CATEGORIES, new PlaceLocator(network, placeSegment, placeOffset),
                index(List.of(buildingIds)), index(List.of(placeIds)), index(List.of(communityIds)),
                index(List.of(CATEGORIES)));
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            map.put(ids.get(i), i);
        }
        return map;
    }
}
