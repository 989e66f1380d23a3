package cn.nantong.livingcircle.catalog;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class CategoryController {

    private final CategoryCatalog catalog;

    CategoryController(CategoryCatalog catalog) {
        this.catalog = catalog;
    }

    @QueryMapping
    List<ServiceCategory> categories(@Argument Tier tier) {
        return catalog.all().stream().filter(c -> tier == null || c.tier() == tier).toList();
    }
}
