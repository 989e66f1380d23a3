package cn.nantong.livingcircle.reachability;

import java.util.List;

import cn.nantong.livingcircle.api.Connection;
import cn.nantong.livingcircle.catalog.Tier;
import cn.nantong.livingcircle.walkway.Pace;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ReachabilityController {

    private final ReachabilityService reachability;

    ReachabilityController(ReachabilityService reachability) {
        this.reachability = reachability;
    }

    @QueryMapping
    Connection<Reach> reachable(@Argument OriginInput from, @Argument Integer minutes, @Argument Pace pace,
            @Argument List<String> categories, @Argument Tier tier, @Argument Integer first, @Argument String after) {
        return reachability.reachable(from, minutes, pace, categories, tier, first, after);
    }
}
