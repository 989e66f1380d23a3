package cn.nantong.livingcircle.community;

import java.util.Map;

import cn.nantong.livingcircle.api.Records;
import cn.nantong.livingcircle.system.CypherBatches;
import org.neo4j.driver.types.MapAccessor;

/**
 * A building exactly as {@link BuildingWriter} stores it, whichever importer produced it. Absent values are null.
 *
 * @param walkwayId     the walkway its entrance is attached to (null: farther than the snap limit from every walkway)
 * @param offsetMeters  distance of the attachment point along that walkway from its from-junction
 * @param snapMeters    distance from the building's position to the attachment point
 * @param buildingType  the OSM {@code building=*} value (OSM imports only), likewise {@code levels} and the footprint
 */
public record BuildingRow(String id, String communityId, String name, Integer households, Integer residents,
        double lat, double lon, String walkwayId, Double offsetMeters, Double snapMeters, String buildingType,
        Integer levels, Double footprintSquareMeters) {

    public BuildingRow withAttachment(String walkwayId, Double offsetMeters, Double snapMeters) {
        return new BuildingRow(id, communityId, name, households, residents, lat, lon, walkwayId, offsetMeters,
                snapMeters, buildingType, levels, footprintSquareMeters);
    }

    Map<String, Object> parameters() {
        return CypherBatches.row("id", id, "communityId", communityId, "name", name, "households", households,
                "residents", residents, "lat", lat, "lon", lon, "walkwayId", walkwayId, "offsetMeters", offsetMeters,
                "snapMeters", snapMeters, "buildingType", buildingType, "levels", levels, "footprintSquareMeters",
                footprintSquareMeters);
    }

    static BuildingRow from(MapAccessor r) {
        return new BuildingRow(r.get("id").asString(), Records.stringOrNull(r.get("communityId")),
                Records.stringOrNull(r.get("name")), Records.intOrNull(r.get("households")),
                Records.intOrNull(r.get("residents")), r.get("lat").asDouble(), r.get("lon").asDouble(),
                Records.stringOrNull(r.get("walkwayId")), Records.doubleOrNull(r.get("offsetMeters")),
                Records.doubleOrNull(r.get("snapMeters")), Records.stringOrNull(r.get("buildingType")),
                Records.intOrNull(r.get("levels")), Records.doubleOrNull(r.get("footprintSquareMeters")));
    }
}
