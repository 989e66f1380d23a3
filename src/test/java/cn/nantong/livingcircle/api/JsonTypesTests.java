package cn.nantong.livingcircle.api;

import java.util.List;
import java.util.Map;

import graphql.language.ObjectValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** graphql-java's messages, as clients see them: no AST dump, no Java class name. */
class JsonTypesTests {

    @Test
    void argumentMessagesLoseTheAstDumpAndNameWhatWasExpected() {
        assertThat(JsonTypes.clientMessage("Validation error (WrongType@[reachable]) : argument 'from.buildingId' with "
                + "value 'ObjectValue{objectFields=[ObjectField{name='a', value=IntValue{value=1}}]}' is not a valid "
                + "'ID' - Expected an AST type of 'IntValue' or 'StringValue' but it was a 'ObjectValue'"))
                .isEqualTo("Validation error (WrongType@[reachable]) : argument 'from.buildingId' is not a valid 'ID' - "
                        + "Expected an integer or a string but it was an object");
        assertThat(JsonTypes.clientMessage("Validation error (WrongType@[reachable]) : argument 'from' with value "
                + "'ArrayValue{values=[IntValue{value=1}]}' must be an object type"))
                .isEqualTo("Validation error (WrongType@[reachable]) : argument 'from' must be an object type");
        assertThat(JsonTypes.clientMessage("Validation error (BadValueForDefaultArg) : Bad default value "
                + "'ObjectValue{objectFields=[]}' for type 'Int'"))
                .isEqualTo("Validation error (BadValueForDefaultArg) : Bad default value for type 'Int'");
    }

    @Test
    void javaClassNamesBecomeJsonKinds() {
        assertThat(JsonTypes.clientMessage("Variable 'minutes' has an invalid value: Expected a value that can be "
                + "converted to type 'Int' but it was a 'LinkedHashMap'"))
                .isEqualTo("Variable 'minutes' has an invalid value: Expected a value that can be converted to type "
                        + "'Int' but it was an object");
        assertThat(JsonTypes.clientMessage("Expected type 'Map' but was 'ArrayList'. Variables for input objects must "
                + "be an instance of type 'Map'."))
                .startsWith("Expected an object but it was a list");
        assertThat(JsonTypes.describe(Map.of())).isEqualTo("an object");
        assertThat(JsonTypes.describe(List.of())).isEqualTo("a list");
        assertThat(JsonTypes.describe(1.5)).isEqualTo("a fractional number");
        assertThat(JsonTypes.describe(ObjectValue.newObjectValue().build())).isEqualTo("an object");
    }

    @Test
    void anUnknownDumpIsCutNotShown() {
        assertThat(JsonTypes.clientMessage("Something odd : 'SomeNode{field=[OtherNode{x=1}]}' here"))
                .isEqualTo("Something odd (value not shown)").doesNotContain("SomeNode", "{");
        assertThat(JsonTypes.clientMessage("Field 'nope' in type 'Query' is undefined"))
                .isEqualTo("Field 'nope' in type 'Query' is undefined");
    }
}
