package cn.nantong.livingcircle.dataset;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class DatasetController {

    private final DatasetService datasets;

    DatasetController(DatasetService datasets) {
        this.datasets = datasets;
    }

    @QueryMapping
    DatasetInfo dataset() {
        return datasets.current();
    }
}
