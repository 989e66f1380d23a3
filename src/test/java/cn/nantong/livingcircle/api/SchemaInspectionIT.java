package cn.nantong.livingcircle.api;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.SchemaReport;

import static org.assertj.core.api.Assertions.assertThat;

/** Every schema field is backed by a data fetcher or a record property, and nothing is skipped. */
@ApplicationIT
class SchemaInspectionIT {

    @Autowired
    SchemaInspectionConfiguration.SchemaReportHolder holder;

    @Test
    void schemaInspectionReportIsClean() {
        SchemaReport report = holder.report();
        assertThat(report).isNotNull();
        assertThat(report.unmappedFields()).isEmpty();
        assertThat(report.unmappedRegistrations()).isEmpty();
        assertThat(report.unmappedArguments()).isEmpty();
        assertThat(report.skippedTypes()).isEmpty();
    }

    @Test
    void everyTypeAndFieldHasADescription() {
        var schema = holder.report().schema();
        schema.getAllTypesAsList().stream()
                .filter(type -> !type.getName().startsWith("__"))
                .filter(type -> !(type instanceof graphql.schema.GraphQLScalarType))
                .forEach(type -> {
                    if (type instanceof graphql.schema.GraphQLObjectType object) {
                        assertThat(object.getDescription()).as(object.getName()).isNotBlank();
                        object.getFieldDefinitions().forEach(f -> assertThat(f.getDescription())
                                .as(object.getName() + "." + f.getName()).isNotBlank());
                    } else if (type instanceof graphql.schema.GraphQLInterfaceType iface) {
                        assertThat(iface.getDescription()).as(iface.getName()).isNotBlank();
                        iface.getFieldDefinitions().forEach(f -> assertThat(f.getDescription())
                                .as(iface.getName() + "." + f.getName()).isNotBlank());
                    } else if (type instanceof graphql.schema.GraphQLInputObjectType input) {
                        assertThat(input.getDescription()).as(input.getName()).isNotBlank();
                        input.getFieldDefinitions().forEach(f -> assertThat(f.getDescription())
                                .as(input.getName() + "." + f.getName()).isNotBlank());
                    } else if (type instanceof graphql.schema.GraphQLEnumType enumType) {
                        assertThat(enumType.getDescription()).as(enumType.getName()).isNotBlank();
                        enumType.getValues().forEach(v -> assertThat(v.getDescription())
                                .as(enumType.getName() + "." + v.getName()).isNotBlank());
                    }
                });
    }
}
