package cn.nantong.livingcircle.explorer;

import cn.nantong.livingcircle.geo.Crs;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class MapLayersController {

    private final MapLayerService layers;

    MapLayersController(MapLayerService layers) {
        this.layers = layers;
    }

    @QueryMapping
    MapLayers mapLayers(@Argument MapBoundsInput bbox, @Argument Integer zoom, @Argument Crs crs) {
        return layers.layers(bbox, zoom, Crs.orDefault(crs));
    }
}
