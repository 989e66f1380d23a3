package cn.nantong.livingcircle.reachability;

import java.util.List;

import cn.nantong.livingcircle.dataset.DatasetInfo;
import cn.nantong.livingcircle.engine.NetworkExtent;
import cn.nantong.livingcircle.geo.Crs;
import cn.nantong.livingcircle.network.NetworkExtents;
import cn.nantong.livingcircle.network.WalkingProperties;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Dataset.extent}. Lives beside the origins it decides about (and the GeoJSON writer of the isochrones), not in
 * {@code dataset}, which the network package already depends on.
 */
@Controller
class DatasetExtentController {

    private static final double SCALE = 1e7;

    private final NetworkExtents extents;
    private final WalkingProperties walking;

    DatasetExtentController(NetworkExtents extents, WalkingProperties walking) {
        this.extents = extents;
        this.walking = walking;
    }

    @SchemaMapping(typeName = "Dataset", field = "extent")
    DatasetExtent extent(DatasetInfo dataset) {
        NetworkExtent extent = extents.current();
        // Rounded outward so the box still contains the (rounded) outline.
        List<Double> bbox = List.of(Math.floor(extent.minLon() * SCALE) / SCALE,
                Math.floor(extent.minLat() * SCALE) / SCALE, Math.ceil(extent.maxLon() * SCALE) / SCALE,
                Math.ceil(extent.maxLat() * SCALE) / SCALE);
        return new DatasetExtent(bbox, GeoJson.polygonal(extent.outline(), extent.projection(), Crs.WGS84),
                walking.maxSnapMeters());
    }
}
