package cn.nantong.livingcircle.analytics;

import java.util.List;

import cn.nantong.livingcircle.analytics.AnalyticsTypes.CommunityCoverage;
import cn.nantong.livingcircle.analytics.CommunityTable.CommunityFilter;
import cn.nantong.livingcircle.analytics.CommunityTable.CommunityOrder;
import cn.nantong.livingcircle.api.Connection;
import cn.nantong.livingcircle.community.Community;
import cn.nantong.livingcircle.engine.Pace;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code communities} with filters and orders, and {@code Community.coverage}. They live with the analytics because
 * completeness is theirs; the community feature knows nothing of coverage.
 */
@Controller
class CommunityTableController {

    private final CommunityTable table;

    CommunityTableController(CommunityTable table) {
        this.table = table;
    }

    @QueryMapping
    Connection<Community> communities(@Argument CommunityFilter filter, @Argument List<CommunityOrder> orderBy,
            @Argument Pace pace, @Argument Integer first, @Argument String after) {
        return table.page(filter, orderBy, pace, first, after);
    }

    /** Read from the per-version cache: no query, whatever the number of communities on the page. */
    @SchemaMapping(typeName = "Community", field = "coverage")
    CommunityCoverage coverage(Community community, @Argument Pace pace) {
        return table.coverage(community.id(), pace == null ? Pace.ADULT : pace);
    }
}
