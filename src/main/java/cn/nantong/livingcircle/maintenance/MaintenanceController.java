package cn.nantong.livingcircle.maintenance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.api.Caller;
import cn.nantong.livingcircle.api.Connection;
import cn.nantong.livingcircle.maintenance.MaintenanceTypes.LocationInput;
import cn.nantong.livingcircle.maintenance.MaintenanceTypes.NewPlaceInput;
import cn.nantong.livingcircle.maintenance.MaintenanceTypes.PlaceChange;
import cn.nantong.livingcircle.maintenance.MaintenanceTypes.PlaceWrite;
import cn.nantong.livingcircle.place.Place;
import cn.nantong.livingcircle.place.PlaceRepository;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Maintenance of places (admin keys only) and the public change feed of what they changed. */
@Controller
class MaintenanceController {

    private final PlaceMaintenance maintenance;
    private final PlaceChangeRepository changes;
    private final PlaceRepository places;

    MaintenanceController(PlaceMaintenance maintenance, PlaceChangeRepository changes, PlaceRepository places) {
        this.maintenance = maintenance;
        this.changes = changes;
        this.places = places;
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    PlaceWrite createPlace(@Argument NewPlaceInput input, GraphQLContext context) {
        return maintenance.create(Caller.of(context), input);
    }

    /** The input as a map: a field present with null clears it, an absent one stays. */
    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    PlaceWrite updatePlace(@Argument String id, @Argument("input") Map<String, Object> input, GraphQLContext context) {
        return maintenance.update(Caller.of(context), id, input);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    PlaceWrite changePlaceCategory(@Argument String id, @Argument String category, GraphQLContext context) {
        return maintenance.changeCategory(Caller.of(context), id, category);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    PlaceWrite movePlace(@Argument String id, @Argument LocationInput location, GraphQLContext context) {
        return maintenance.move(Caller.of(context), id, location);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    PlaceWrite closePlace(@Argument String id, @Argument String reason, GraphQLContext context) {
        return maintenance.close(Caller.of(context), id, reason);
    }

    @QueryMapping
    Connection<PlaceChange> changes(@Argument OffsetDateTime since, @Argument Integer first, @Argument String after) {
        return changes.since(since, first, after);
    }

    @BatchMapping(typeName = "PlaceChange", field = "place")
    Map<PlaceChange, Place> place(List<PlaceChange> list) {
        Map<String, Place> byId = places.findByIds(list.stream().map(PlaceChange::placeId).distinct().toList());
        return list.stream().filter(c -> byId.containsKey(c.placeId()))
                .collect(Collectors.toMap(Function.identity(), c -> byId.get(c.placeId()), (a, b) -> a));
    }
}
