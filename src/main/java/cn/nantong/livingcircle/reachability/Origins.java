package cn.nantong.livingcircle.reachability;

import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.NetworkExtent;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.geo.Crs;
import cn.nantong.livingcircle.network.NetworkExtents;

/**
 * Validates an {@link OriginInput} and turns it into a point on the walkway network of a {@link CityNetwork}.
 *
 * <p>A building starts at its stored attachment (the projection of its entrance onto its walkway), so a point at
 * the building's own location snaps to (almost) the same attachment. A free point is converted to WGS84 if sent in
 * GCJ-02, then snapped perpendicularly onto the nearest segment; the straight-line distance from the point to the
 * walkway is not added to walking distances, exactly as for buildings and places.
 */
final class Origins {

    private Origins() {
    }

    /** Exactly one of {@code buildingId} and {@code point} must be set. */
    static void requireExactlyOne(OriginInput from) {
        boolean building = from != null && from.buildingId() != null && !from.buildingId().isBlank();
        boolean point = from != null && from.point() != null;
        if (building == point) {
            throw ApiException.badArgument("from", "Argument 'from' must set exactly one of buildingId and point");
        }
    }

    /** The WGS84 position of a point input after range checks and datum conversion. */
    static GeoPoint wgs84(PointInput point) {
        GeoPoint given = GeoPoint.checked("from.point", point.lat(), point.lon());
        return Crs.orDefault(point.crs()).toWgs84(given.lat(), given.lon());
    }

    /**
     * Where a search starts on the network, and how far the origin (the point, or the building's position) is from
     * the walkway it was snapped to, in metres, unrounded.
     */
    record Start(Attachment attachment, double snapMeters) {
    }

    /** The snap of a point input onto the nearest walkway, or OUTSIDE_COVERAGE / TOO_FAR_FROM_WALKWAY. */
    static SegmentSnapper.Snap snap(CityNetwork city, NetworkExtent extent, PointInput point,
            double maxSnapMeters) {
        GeoPoint wgs84 = wgs84(point);
        return city.snapper().snap(wgs84.lat(), wgs84.lon(), maxSnapMeters)
                .orElseThrow(() -> NetworkExtents.unsnappable(extent, "from.point", wgs84.lat(), wgs84.lon(),
                        point.lat(), point.lon(), maxSnapMeters));
    }

    /** The attachment of a building, or NOT_FOUND. */
    static Attachment building(CityNetwork city, String buildingId) {
        return city.buildingAttachments()[buildingIndex(city, buildingId)];
    }

    private static int buildingIndex(CityNetwork city, String buildingId) {
        Integer index = city.buildingIndex().get(buildingId);
        if (index == null) {
            throw ApiException.notFound("Building", buildingId);
        }
        return index;
    }

    /** Where {@code from} starts on the network, after validation. */
    static Start resolve(CityNetwork city, NetworkExtent extent, OriginInput from, double maxSnapMeters) {
        requireExactlyOne(from);
        if (from.point() == null) {
            int building = buildingIndex(city, from.buildingId());
            return new Start(city.buildingAttachments()[building], city.buildingSnapMeters(building));
        }
        SegmentSnapper.Snap snap = snap(city, extent, from.point(), maxSnapMeters);
        return new Start(snap.attachment(), snap.distanceMeters());
    }
}
