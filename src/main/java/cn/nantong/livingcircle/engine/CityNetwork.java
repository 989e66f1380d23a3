package cn.nantong.livingcircle.engine;

import java.util.Map;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.PlaceLocator;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.engine.WalkwayNetwork;

/**
 * An immutable in-memory copy of the walkable city, built from the graph for one data version: the walkway network
 * in compressed arrays, a spatial index over its segments, and every building and place with its attachment point.
 * Point-origin searches and the analytics run on this copy; it is a cache of the graph, rebuilt when the data
 * version changes, so API replicas stay stateless.
 *
 * <p>Buildings and places are addressed by dense indices (array positions); the id arrays map them back.
 *
 * @param version            the {@code Dataset.version} this copy was built from
 * @param walkwayIds         segment index → {@code WALKWAY.id}
 * @param buildingIds        building index → id
 * @param buildingResidents  residents per building (0 when unknown)
 * @param buildingHouseholds households per building (0 when unknown)
 * @param buildingCommunity  building index → index into {@code communityIds}
 * @param placeIds           place index → id (outlets and facilities)
 * @param placeCategory      place index → index into {@code categoryCodes}
 * @param placeOutlet        place index → true for an outlet, false for a public facility
 * @param places             places attached to segments, for "every place within d of a search"
 * @param buildingSnapMillimetres building index → straight-line distance from its position to its attachment point
 * @param placeSnapMillimetres    place index → the same for places; with the network distance they make the
 *                                door-to-door distance
 * @param placeOpeningHours       place index → its OSM {@code opening_hours} value as stored (null when unknown)
 * @param walkwayKinds            segment index → {@code WALKWAY.kind} (the OSM highway value such as {@code steps};
 *                                null when unknown)
 * @param walkwayRaisedKerb       segment index → whether it crosses a raised kerb (OSM {@code barrier=kerb})
 */
public record CityNetwork(String version, WalkwayNetwork network, SegmentSnapper snapper, String[] walkwayIds,
        String[] buildingIds, Attachment[] buildingAttachments, int[] buildingResidents, int[] buildingHouseholds,
        int[] buildingCommunity, String[] communityIds, String[] placeIds, int[] placeCategory,
        boolean[] placeOutlet, String[] categoryCodes, PlaceLocator places, Map<String, Integer> buildingIndex,
        Map<String, Integer> placeIndex, Map<String, Integer> communityIndex, Map<String, Integer> categoryIndex,
        int[] buildingSnapMillimetres, int[] placeSnapMillimetres, String[] placeOpeningHours,
        String[] walkwayKinds, boolean[] walkwayRaisedKerb) {

    /**
     * A city whose buildings and places stand exactly on their walkways (snap legs of 0 mm) and whose opening hours
     * are unknown, as drawn in tests.
     */
    public CityNetwork(String version, WalkwayNetwork network, SegmentSnapper snapper, String[] walkwayIds,
            String[] buildingIds, Attachment[] buildingAttachments, int[] buildingResidents, int[] buildingHouseholds,
            int[] buildingCommunity, String[] communityIds, String[] placeIds, int[] placeCategory,
            boolean[] placeOutlet, String[] categoryCodes, PlaceLocator places, Map<String, Integer> buildingIndex,
            Map<String, Integer> placeIndex, Map<String, Integer> communityIndex, Map<String, Integer> categoryIndex) {
        this(version, network, snapper, walkwayIds, buildingIds, buildingAttachments, buildingResidents,
                buildingHouseholds, buildingCommunity, communityIds, placeIds, placeCategory, placeOutlet, categoryCodes,
                places, buildingIndex, placeIndex, communityIndex, categoryIndex, new int[buildingIds.length],
                new int[placeIds.length], new String[placeIds.length], new String[walkwayIds.length],
                new boolean[walkwayIds.length]);
    }

    /**
     * The same city over another adjacency of the same segments ({@link WalkwayNetwork#without}), with its snapper
     * and place index: indices and attachments are unchanged, only what a search may walk differs.
     */
    public CityNetwork withWalkways(WalkwayNetwork walkways, SegmentSnapper walkwaySnapper) {
        int[] segment = new int[placeIds.length];
        int[] offset = new int[placeIds.length];
        for (int p = 0; p < placeIds.length; p++) {
            Attachment a = places.placeAttachment(p);
            segment[p] = a.segment();
            offset[p] = a.offsetMillimetres();
        }
        return new CityNetwork(version, walkways, walkwaySnapper, walkwayIds, buildingIds, buildingAttachments,
                buildingResidents, buildingHouseholds, buildingCommunity, communityIds, placeIds, placeCategory,
                placeOutlet, categoryCodes, new PlaceLocator(walkways, segment, offset), buildingIndex, placeIndex,
                communityIndex, categoryIndex, buildingSnapMillimetres, placeSnapMillimetres, placeOpeningHours,
                walkwayKinds, walkwayRaisedKerb);
    }

    public int buildingCount() {
        return buildingIds.length;
    }

    public int placeCount() {
        return placeIds.length;
    }

    public Attachment placeAttachment(int place) {
        return places.placeAttachment(place);
    }

    /** Straight-line metres from building {@code building}'s position to the walkway point it starts from. */
    public double buildingSnapMeters(int building) {
        return Millimetres.toMeters(buildingSnapMillimetres[building]);
    }

    /** Straight-line metres from the walkway point of place {@code place} to its door. */
    public double placeSnapMeters(int place) {
        return Millimetres.toMeters(placeSnapMillimetres[place]);
    }
}
