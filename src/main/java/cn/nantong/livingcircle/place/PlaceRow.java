package cn.nantong.livingcircle.place;

import java.util.Map;

import cn.nantong.livingcircle.api.Records;
import cn.nantong.livingcircle.system.CypherBatches;
import org.neo4j.driver.types.MapAccessor;

/**
 * A place (outlet or facility) exactly as {@link PlaceWriter} stores it, whichever importer produced it: the CSV
 * dataset, OpenStreetMap, or a maintenance write. Absent values are null (and not stored).
 *
 * @param outlet        true for {@code :Place:Outlet}, false for {@code :Place:Facility}
 * @param kind          a facility's {@link FacilityKind} name; null for outlets
 * @param walkwayId     the walkway it is attached to (null: farther than the snap limit from every walkway)
 * @param offsetMeters  distance of the attachment point along that walkway from its from-junction
 * @param snapMeters    distance from the place's position to the attachment point
 * @param centerId      the commercial centre it belongs to, if any
 * @param osmTag        the OSM {@code key=value} that mapped it to its category (OSM imports only)
 */
public record PlaceRow(String id, boolean outlet, String name, String category, String kind, String brand,
        Boolean chain, Boolean newOrRenovated, Integer renovatedYear, Double floorAreaSquareMeters,
        String openingHours, double lat, double lon, String walkwayId, Double offsetMeters, Double snapMeters,
        String communityId, String centerId, String osmTag) {

    /** The same place attached elsewhere (or detached, with a null walkway). */
    public PlaceRow withAttachment(String walkwayId, Double offsetMeters, Double snapMeters) {
        return new PlaceRow(id, outlet, name, category, kind, brand, chain, newOrRenovated, renovatedYear,
                floorAreaSquareMeters, openingHours, lat, lon, walkwayId, offsetMeters, snapMeters, communityId,
                centerId, osmTag);
    }

    Map<String, Object> parameters() {
        return CypherBatches.row("id", id, "label", outlet ? "Outlet" : "Facility", "name", name, "category",
                category, "kind", kind, "brand", brand, "chain", chain, "newOrRenovated", newOrRenovated,
                "renovatedYear", renovatedYear, "floorArea", floorAreaSquareMeters, "openingHours", openingHours,
                "lat", lat, "lon", lon, "walkwayId", walkwayId, "offsetMeters", offsetMeters, "snapMeters",
                snapMeters, "communityId", communityId, "centerId", centerId, "osmTag", osmTag);
    }

    /** A row read back with {@link PlaceWriter#STORED}'s keys. */
    static PlaceRow from(MapAccessor r) {
        return new PlaceRow(r.get("id").asString(), "Outlet".equals(r.get("label").asString()),
                Records.stringOrNull(r.get("name")), Records.stringOrNull(r.get("category")),
                Records.stringOrNull(r.get("kind")), Records.stringOrNull(r.get("brand")),
                Records.booleanOrNull(r.get("chain")), Records.booleanOrNull(r.get("newOrRenovated")),
                Records.intOrNull(r.get("renovatedYear")), Records.doubleOrNull(r.get("floorArea")),
                Records.stringOrNull(r.get("openingHours")), r.get("lat").asDouble(), r.get("lon").asDouble(),
                Records.stringOrNull(r.get("walkwayId")), Records.doubleOrNull(r.get("offsetMeters")),
                Records.doubleOrNull(r.get("snapMeters")), Records.stringOrNull(r.get("communityId")),
                Records.stringOrNull(r.get("centerId")), Records.stringOrNull(r.get("osmTag")));
    }
}
