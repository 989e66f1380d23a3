package cn.nantong.livingcircle.place;

import cn.nantong.livingcircle.api.SchemaClassMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The records behind the {@code Place} interface's implementations, for the schema inspection. */
@Configuration(proxyBeanMethods = false)
class PlaceSchemaConfiguration {

    @Bean
    SchemaClassMapping outletType() {
        return new SchemaClassMapping("Outlet", Outlet.class);
    }

    @Bean
    SchemaClassMapping facilityType() {
        return new SchemaClassMapping("Facility", Facility.class);
    }
}
