package cn.nantong.livingcircle.place;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class PlaceController {

    private final PlaceRepository places;

    PlaceController(PlaceRepository places) {
        this.places = places;
    }

    @QueryMapping
    Place place(@Argument String id) {
        return places.findByIds(List.of(id)).get(id);
    }
}
