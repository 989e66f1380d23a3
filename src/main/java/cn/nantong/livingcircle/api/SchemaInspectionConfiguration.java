package cn.nantong.livingcircle.api;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.SchemaReport;

/**
 * Runs Spring for GraphQL's schema-mapping inspection at start-up with the class mappings the features contribute,
 * logs the report and keeps it, so a test can assert that no schema field is left unmapped.
 */
@Configuration(proxyBeanMethods = false)
class SchemaInspectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchemaInspectionConfiguration.class);

    @Bean
    SchemaReportHolder schemaReportHolder() {
        return new SchemaReportHolder();
    }

    @Bean
    GraphQlSourceBuilderCustomizer schemaInspection(List<SchemaClassMapping> mappings, SchemaReportHolder holder) {
        return builder -> builder.inspectSchemaMappings(initializer -> mappings.forEach(
                m -> initializer.classMapping(m.graphQlType(), m.javaClass())), report -> {
                    holder.report.set(report);
                    log.info("GraphQL schema inspection: {}", report);
                });
    }

    /** The report of the last schema inspection. */
    public static final class SchemaReportHolder {
        private final AtomicReference<SchemaReport> report = new AtomicReference<>();

        public SchemaReport report() {
            return report.get();
        }
    }
}
