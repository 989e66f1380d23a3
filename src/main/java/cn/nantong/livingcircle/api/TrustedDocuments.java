package cn.nantong.livingcircle.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry of trusted documents: operations registered ahead of time by partner apps, in Apollo's
 * persisted-query manifest format ({@code {"format":"apollo-persisted-query-manifest","version":1,
 * "operations":[{"id","name","type","body"}]}}). They run by hash without an APQ round trip, and a caller limited
 * to registered documents may run nothing else. A manifest that would let a partner app fail at run time (an id
 * that is not the SHA-256 of its body, a body that does not validate against the schema) stops the application at
 * start instead.
 */
final class TrustedDocuments {

    static final String FORMAT = "apollo-persisted-query-manifest";

    /** One registered operation; {@code id} is the lower-case hex SHA-256 of {@code body} in UTF-8. */
    record Operation(String id, String name, String type, String body) {
    }

    private final String location;
    private final Map<String, Operation> byId;
    /** Filled once by {@link #validate}: the schema is built after this registry, which the GraphQL engine needs. */
    private volatile Map<String, PreparsedDocumentEntry> parsed = Map.of();

    TrustedDocuments(String location, List<Operation> operations) {
        this.location = location;
        Map<String, Operation> ids = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Operation operation : operations) {
            String expected = sha256(operation.body() == null ? "" : operation.body());
            if (operation.body() == null || operation.body().isBlank()) {
                problems.add(describe(operation) + " has no body");
            }
            else if (operation.id() == null || !expected.equals(operation.id())) {
                problems.add(describe(operation) + ": the id is not the SHA-256 of the body (that is " + expected + ")");
            }
            else if (ids.putIfAbsent(operation.id(), operation) != null) {
                problems.add(describe(operation) + " is listed twice");
            }
        }
        failOn(problems);
        this.byId = Map.copyOf(ids);
    }

    static TrustedDocuments none() {
        return new TrustedDocuments("(none)", List.of());
    }

    /** Reads a manifest; any defect of form is an {@link IllegalStateException} naming the file and the defect. */
    static TrustedDocuments read(Resource resource, String location, JsonMapper json) {
        JsonNode manifest;
        try (InputStream in = resource.getInputStream()) {
            manifest = json.readTree(in);
        }
        catch (IOException | JacksonException ex) {
            throw new IllegalStateException("Trusted documents manifest " + location + " cannot be read: "
                    + (ex instanceof JacksonException jackson ? jackson.getOriginalMessage() : ex.toString()), ex);
        }
        if (manifest == null || !manifest.isObject() || !FORMAT.equals(manifest.path("format").asString(null))
                || manifest.path("version").asInt(0) != 1 || !manifest.path("operations").isArray()) {
            throw new IllegalStateException("Trusted documents manifest " + location + " is not an " + FORMAT
                    + " of version 1 (an object with \"format\", \"version\": 1 and an \"operations\" list)");
        }
        List<Operation> operations = new ArrayList<>();
        for (JsonNode operation : manifest.path("operations")) {
            operations.add(new Operation(text(operation, "id"), text(operation, "name"), text(operation, "type"),
                    text(operation, "body")));
        }
        return new TrustedDocuments(location, operations);
    }

    /**
     * Parses and validates every body against {@code schema}, and checks that each names the one operation it
     * declares, with its {@code name} and {@code type}; the first start with a broken manifest fails, listing every
     * broken operation.
     */
    void validate(GraphQLSchema schema) {
        Map<String, PreparsedDocumentEntry> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Operation operation : byId.values()) {
            ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema,
                    ExecutionInput.newExecutionInput(operation.body()).locale(Locale.ENGLISH).build());
            if (result.isFailure()) {
                problems.add(describe(operation) + " does not validate against the schema: "
                        + result.getErrors().stream().map(GraphQLError::getMessage).collect(Collectors.joining("; ")));
                continue;
            }
            List<OperationDefinition> definitions = result.getDocument().getDefinitionsOfType(OperationDefinition.class);
            if (definitions.size() != 1) {
                problems.add(describe(operation) + " must hold exactly one operation, holds " + definitions.size());
                continue;
            }
            OperationDefinition definition = definitions.get(0);
            String type = definition.getOperation().name().toLowerCase(Locale.ROOT);
            if (operation.name() != null && !operation.name().equals(definition.getName())) {
                problems.add(describe(operation) + ": the body's operation is named '" + definition.getName() + "'");
            }
            else if (operation.type() != null && !operation.type().equals(type)) {
                problems.add(describe(operation) + ": the body is a " + type + ", not a " + operation.type());
            }
            else {
                entries.put(operation.id(), new PreparsedDocumentEntry(result.getDocument()));
            }
        }
        failOn(problems);
        parsed = Map.copyOf(entries);
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The registered body of {@code id}, or null. */
    String body(String id) {
        Operation operation = byId.get(id);
        return operation == null ? null : operation.body();
    }

    /** The validated document of {@code id}, or null when it is not registered (or not validated yet). */
    PreparsedDocumentEntry entry(String id) {
        return parsed.get(id);
    }

    List<Operation> operations() {
        return List.copyOf(byId.values());
    }

    static String sha256(String text) {
        return Sha256.hex(text);
    }

    private void failOn(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Trusted documents manifest " + location + " (circle.api.trusted-documents) "
                    + "is invalid: " + String.join("; ", problems));
        }
    }

    private static String describe(Operation operation) {
        return "operation '" + operation.name() + "' (id " + operation.id() + ")";
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
