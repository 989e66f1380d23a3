package cn.nantong.livingcircle.maintenance;

import graphql.scalars.ExtendedScalars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The {@code DateTime} scalar (graphql-java-extended-scalars: RFC 3339 with an offset, as {@code OffsetDateTime}). */
@Configuration(proxyBeanMethods = false)
class DateTimeScalarConfiguration {

    @Bean
    RuntimeWiringConfigurer dateTimeScalar() {
        return wiring -> wiring.scalar(ExtendedScalars.DateTime);
    }
}
