package cn.nantong.livingcircle.reachability;

import java.time.OffsetDateTime;
import java.util.List;

import cn.nantong.livingcircle.api.Connection;
import cn.nantong.livingcircle.catalog.Tier;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.geo.Crs;
import cn.nantong.livingcircle.network.Obstacle;
import cn.nantong.livingcircle.search.PlaceFilter;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ReachabilityController {

    private final ReachabilityService reachability;
    private final IsochroneService isochrones;
    private final RouteService routes;

    ReachabilityController(ReachabilityService reachability, IsochroneService isochrones, RouteService routes) {
        this.reachability = reachability;
        this.isochrones = isochrones;
        this.routes = routes;
    }

    @QueryMapping
    Route route(@Argument OriginInput from, @Argument String toPlaceId, @Argument Pace pace, @Argument Crs outputCrs,
            @Argument List<Obstacle> avoid) {
        return routes.route(from, toPlaceId, pace, outputCrs, avoid);
    }

    @QueryMapping
    Connection<Reach> reachable(@Argument OriginInput from, @Argument Integer minutes, @Argument Pace pace,
            @Argument List<String> categories, @Argument Tier tier, @Argument PlaceFilter filter,
            @Argument Integer first, @Argument String after, @Argument OffsetDateTime openAt,
            @Argument List<Obstacle> avoid) {
        return reachability.reachable(from, minutes, pace, categories, tier, filter, first, after, openAt, avoid);
    }

    @QueryMapping
    List<Reach> nearest(@Argument OriginInput from, @Argument String category, @Argument Integer k,
            @Argument Pace pace, @Argument PlaceFilter filter, @Argument OffsetDateTime openAt,
            @Argument List<Obstacle> avoid) {
        return reachability.nearest(from, category, k, pace, filter, openAt, avoid);
    }

    @QueryMapping
    List<Isochrone> isochrone(@Argument OriginInput from, @Argument List<Integer> minutes, @Argument Pace pace,
            @Argument Crs outputCrs, @Argument List<Obstacle> avoid) {
        return isochrones.isochrones(from, minutes, pace, outputCrs, avoid);
    }
}
