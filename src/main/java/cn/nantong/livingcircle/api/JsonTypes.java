package cn.nantong.livingcircle.api;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names values the way a client wrote them (JSON or GraphQL literal kinds: "a string", "an object"...) instead of
 * by Java or graphql-java AST class, and rewrites graphql-java's validation and coercion messages accordingly, so no
 * message a client sees holds a class name or an AST {@code toString()}.
 */
final class JsonTypes {

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("String", "a string"), Map.entry("StringValue", "a string"),
            Map.entry("Integer", "an integer"), Map.entry("Long", "an integer"), Map.entry("BigInteger", "an integer"),
            Map.entry("Short", "an integer"), Map.entry("Byte", "an integer"), Map.entry("IntValue", "an integer"),
            Map.entry("Double", "a fractional number"), Map.entry("Float", "a fractional number"),
            Map.entry("BigDecimal", "a fractional number"), Map.entry("FloatValue", "a fractional number"),
            Map.entry("Boolean", "a boolean"), Map.entry("BooleanValue", "a boolean"),
            Map.entry("LinkedHashMap", "an object"), Map.entry("HashMap", "an object"), Map.entry("Map", "an object"),
            Map.entry("ObjectValue", "an object"), Map.entry("ArrayList", "a list"), Map.entry("List", "a list"),
            Map.entry("ArrayValue", "a list"), Map.entry("EnumValue", "an enum value"),
            Map.entry("NullValue", "null"), Map.entry("VariableReference", "a variable"));

    /** graphql-java's ArgumentValidationUtil messages: "argument 'x' with value '<AST toString>' is not ..." */
    private static final Pattern ARGUMENT_WITH_VALUE = Pattern.compile(
            "(argument '[^']*') with value '.*'( (?:is not a valid|must not be null|must be an object type"
                    + "|is missing required fields|contains a field not in).*)$", Pattern.DOTALL);
    private static final Pattern BAD_DEFAULT = Pattern.compile("Bad default value '.*' for type", Pattern.DOTALL);
    private static final Pattern AST_EXPECTED = Pattern.compile(
            "Expected an AST type of '([A-Za-z]+)'(?: or '([A-Za-z]+)')? but it was an? '([A-Za-z]+)'");
    private static final Pattern IT_WAS_A = Pattern.compile("but (?:it )?was an? '([A-Za-z]+)'");
    private static final Pattern EXPECTED_TYPE_MAP = Pattern.compile("Expected type 'Map' but was '([A-Za-z]+)'");
    /** What is left of an AST or record {@code toString()}: {@code ObjectValue{objectFields=[...]}}. */
    private static final Pattern JAVA_TO_STRING = Pattern.compile("\\b[A-Z][A-Za-z]*\\{[a-zA-Z]+=");

    private JsonTypes() {
    }

    /** "a string", "an object"... for a variable value (Java) or a literal (graphql-java AST node). */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof Iterable<?>) {
            return "a list";
        }
        return KINDS.getOrDefault(value.getClass().getSimpleName(), "a value of another type");
    }

    private static String describeName(String simpleName) {
        return KINDS.getOrDefault(simpleName, "a value of another type");
    }

    /** The message with class names and AST dumps replaced by what the client wrote and what was expected. */
    static String clientMessage(String message) {
        if (message == null) {
            return null;
        }
        String result = ARGUMENT_WITH_VALUE.matcher(message).replaceFirst("$1$2");
        result = BAD_DEFAULT.matcher(result).replaceAll("Bad default value for type");
        Matcher ast = AST_EXPECTED.matcher(result);
        StringBuilder rewritten = new StringBuilder();
        while (ast.find()) {
            String expected = describeName(ast.group(1)) + (ast.group(2) == null ? "" : " or " + describeName(ast.group(2)));
            ast.appendReplacement(rewritten, Matcher.quoteReplacement(
                    "Expected " + expected + " but it was " + describeName(ast.group(3))));
        }
        ast.appendTail(rewritten);
        result = rewritten.toString();
        Matcher map = EXPECTED_TYPE_MAP.matcher(result);
        result = map.replaceAll(m -> Matcher.quoteReplacement("Expected an object but it was " + describeName(m.group(1))));
        result = IT_WAS_A.matcher(result).replaceAll(m -> Matcher.quoteReplacement("but it was " + describeName(m.group(1))));
        Matcher leftover = JAVA_TO_STRING.matcher(result);
        if (leftover.find()) {
            // a shape we do not know: keep the part before the dump, never the dump
            result = result.substring(0, leftover.start()).replaceAll("[\\s'(:=-]+$", "") + " (value not shown)";
        }
        return result;
    }
}
