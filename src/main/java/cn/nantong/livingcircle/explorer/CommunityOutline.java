package cn.nantong.livingcircle.explorer;

import java.util.Map;

import cn.nantong.livingcircle.community.Community;

/** A community and its outline as a GeoJSON Polygon. */
record CommunityOutline(Community community, Map<String, Object> outline) {
}
