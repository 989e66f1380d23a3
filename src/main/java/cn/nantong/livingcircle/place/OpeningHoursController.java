package cn.nantong.livingcircle.place;

import java.time.OffsetDateTime;

import cn.nantong.livingcircle.hours.OpeningHours.Status;
import cn.nantong.livingcircle.hours.OpeningHoursService;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code openNow} and {@code nextChange} of outlets and facilities, evaluated in memory from their hours. */
@Controller
class OpeningHoursController {

    private final OpeningHoursService hours;

    OpeningHoursController(OpeningHoursService hours) {
        this.hours = hours;
    }

    @SchemaMapping(typeName = "Outlet", field = "openNow")
    Boolean outletOpenNow(Outlet outlet, @Argument OffsetDateTime at) {
        return openNow(outlet, at);
    }

    @SchemaMapping(typeName = "Facility", field = "openNow")
    Boolean facilityOpenNow(Facility facility, @Argument OffsetDateTime at) {
        return openNow(facility, at);
    }

    @SchemaMapping(typeName = "Outlet", field = "nextChange")
    OffsetDateTime outletNextChange(Outlet outlet, @Argument OffsetDateTime after) {
        return nextChange(outlet, after);
    }

    @SchemaMapping(typeName = "Facility", field = "nextChange")
    OffsetDateTime facilityNextChange(Facility facility, @Argument OffsetDateTime after) {
        return nextChange(facility, after);
    }

    private Boolean openNow(Place place, OffsetDateTime at) {
        Status status = hours.statusAt(place.openingHours(), at == null ? hours.now() : at);
        return status == Status.UNKNOWN ? null : status == Status.OPEN;
    }

    private OffsetDateTime nextChange(Place place, OffsetDateTime after) {
        return hours.nextChange(place.openingHours(), after == null ? hours.now() : after).orElse(null);
    }
}
