package cn.nantong.livingcircle.api;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Replaces graphql-java's built-in {@code ID} scalar by one that accepts, as the specification says, only a string
 * or an integer. The built-in one turns any variable value into text ({@code {"a":1}} became the id
 * {@code "{a=1}"} and was looked up); this one refuses objects, lists, booleans and fractional numbers with a
 * validation error naming the JSON type. Output is unchanged.
 */
@Configuration(proxyBeanMethods = false)
class IdScalarConfiguration {

    static final GraphQLScalarType STRICT_ID = GraphQLScalarType.newScalar(Scalars.GraphQLID)
            .coercing(new StrictIdCoercing())
            .build();

    /**
     * A wiring factory, not {@code RuntimeWiring.Builder.scalar}: the builder is in strict mode and refuses a second
     * {@code ID}, while the schema generator asks the wiring factories for a scalar before the built-in ones.
     */
    @Bean
    RuntimeWiringConfigurer strictIdScalar() {
        return new RuntimeWiringConfigurer() {
            @Override
            public void configure(RuntimeWiring.Builder builder) {
            }

            @Override
            public void configure(RuntimeWiring.Builder builder, List<WiringFactory> container) {
                container.add(new WiringFactory() {
                    @Override
                    public boolean providesScalar(ScalarWiringEnvironment environment) {
                        return STRICT_ID.getName().equals(environment.getScalarTypeDefinition().getName());
                    }

                    @Override
                    public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
                        return STRICT_ID;
                    }
                });
            }
        };
    }

    static final class StrictIdCoercing implements Coercing<Object, String> {

        @Override
        public String serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) {
            return String.valueOf(dataFetcherResult);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return text;
            }
            if (input instanceof Integer || input instanceof Long || input instanceof BigInteger
                    || input instanceof Short || input instanceof Byte) {
                return input.toString();
            }
            throw new CoercingParseValueException("Expected an ID (a string or an integer) but it was "
                    + JsonTypes.describe(input));
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue string) {
                return string.getValue();
            }
            if (input instanceof IntValue integer) {
                return integer.getValue().toString();
            }
            throw new CoercingParseLiteralException("Expected an ID (a string or an integer) but it was "
                    + JsonTypes.describe(input));
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.newStringValue(String.valueOf(parseValue(input, context, locale))).build();
        }
    }
}
