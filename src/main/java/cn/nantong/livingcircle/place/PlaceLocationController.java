package cn.nantong.livingcircle.place;

import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.geo.Crs;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code location(crs:)} on outlets and facilities: stored WGS84, converted to GCJ-02 on request. */
@Controller
class PlaceLocationController {

    @SchemaMapping(typeName = "Outlet", field = "location")
    GeoPoint outletLocation(Outlet outlet, @Argument Crs crs) {
        return convert(outlet.location(), crs);
    }

    @SchemaMapping(typeName = "Facility", field = "location")
    GeoPoint facilityLocation(Facility facility, @Argument Crs crs) {
        return convert(facility.location(), crs);
    }

    private static GeoPoint convert(GeoPoint wgs84, Crs crs) {
        return wgs84 == null ? null : Crs.orDefault(crs).fromWgs84(wgs84);
    }
}
