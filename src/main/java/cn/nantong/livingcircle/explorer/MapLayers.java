package cn.nantong.livingcircle.explorer;

import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.community.Building;
import cn.nantong.livingcircle.place.Place;

/** The {@code MapLayers} payload; {@code walkways} is a GeoJSON MultiLineString as plain maps and lists. */
record MapLayers(int zoom, Map<String, Object> walkways, int walkwayCount, List<Building> buildings,
        List<Place> places, List<CommunityOutline> communities, boolean truncated) {
}
