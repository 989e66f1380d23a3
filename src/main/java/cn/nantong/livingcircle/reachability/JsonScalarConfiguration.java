package cn.nantong.livingcircle.reachability;

import graphql.scalars.ExtendedScalars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The {@code JSON} scalar (graphql-java-extended-scalars) that carries GeoJSON geometries. */
@Configuration(proxyBeanMethods = false)
class JsonScalarConfiguration {

    @Bean
    RuntimeWiringConfigurer jsonScalar() {
        return wiring -> wiring.scalar(ExtendedScalars.Json);
    }
}
