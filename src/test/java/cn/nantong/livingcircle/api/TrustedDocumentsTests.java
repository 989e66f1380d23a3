package cn.nantong.livingcircle.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The trusted documents manifest: what ships validates, and a broken one stops the start with a clear message. */
class TrustedDocumentsTests {

    private static final String BODY = "query Categories { categories { code } }";

    private static GraphQLSchema schema;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void readSchema() throws IOException {
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                types.merge(new SchemaParser().parse(Files.readString(file)));
            }
        }
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
    }

    @Test
    void theShippedManifestHoldsTheBaitongOperationsAndValidatesAgainstTheSchema() {
        TrustedDocuments documents = TrustedDocuments.read(new ClassPathResource("trusted-documents/manifest.json"),
                "classpath:trusted-documents/manifest.json", json);
        documents.validate(schema);
        assertThat(documents.operations()).extracting(TrustedDocuments.Operation::name).containsExactlyInAnyOrder(
                "ReachableFromBuilding", "NearestPharmacy", "Isochrone", "CommunityCompleteness");
        assertThat(documents.operations()).allSatisfy(operation -> {
            assertThat(operation.id()).isEqualTo(TrustedDocuments.sha256(operation.body()));
            assertThat(documents.entry(operation.id())).as(operation.name()).isNotNull();
        });
    }

    @Test
    void anIdThatIsNotTheSha256OfItsBodyIsRefusedNamingTheOperationAndTheRightHash() {
        String wrong = TrustedDocuments.sha256(BODY + " ");
        assertThatIllegalStateException().isThrownBy(() -> read(operation(wrong, "Categories", BODY)))
                .withMessageContaining("circle.api.trusted-documents")
                .withMessageContaining("operation 'Categories'")
                .withMessageContaining("is not the SHA-256 of the body (that is " + TrustedDocuments.sha256(BODY) + ")");
    }

    @Test
    void aBodyThatDoesNotValidateAgainstTheSchemaIsRefusedWithTheValidationError() {
        String body = "query Broken { categories { noSuchField } }";
        TrustedDocuments documents = read(operation(TrustedDocuments.sha256(body), "Broken", body));
        assertThatIllegalStateException().isThrownBy(() -> documents.validate(schema))
                .withMessageContaining("operation 'Broken'")
                .withMessageContaining("does not validate against the schema")
                .withMessageContaining("noSuchField");
        String unparsable = "query Unparsable { categories { code }";
        TrustedDocuments syntax = read(operation(TrustedDocuments.sha256(unparsable), "Unparsable", unparsable));
        assertThatIllegalStateException().isThrownBy(() -> syntax.validate(schema))
                .withMessageContaining("operation 'Unparsable'").withMessageContaining("does not validate");
    }

    @Test
    void aNameOrTypeThatIsNotTheBodysIsRefused() {
        TrustedDocuments named = read(operation(TrustedDocuments.sha256(BODY), "Other", BODY));
        assertThatIllegalStateException().isThrownBy(() -> named.validate(schema))
                .withMessageContaining("the body's operation is named 'Categories'");
        TrustedDocuments typed = read(Map.of("id", TrustedDocuments.sha256(BODY), "name", "Categories",
                "type", "mutation", "body", BODY));
        assertThatIllegalStateException().isThrownBy(() -> typed.validate(schema))
                .withMessageContaining("the body is a query, not a mutation");
    }

    @Test
    void aFileThatIsNotAManifestOfVersionOneIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> TrustedDocuments.read(resource("{\"format\":"
                + "\"apollo-persisted-query-manifest\",\"version\":2,\"operations\":[]}"), "test.json", json))
                .withMessageContaining("test.json").withMessageContaining("version 1");
        assertThatIllegalStateException().isThrownBy(() -> TrustedDocuments.read(resource("[1, 2"), "test.json", json))
                .withMessageContaining("test.json").withMessageContaining("cannot be read");
    }

    @Test
    void anOperationListedTwiceIsRefused() {
        Map<String, Object> operation = operation(TrustedDocuments.sha256(BODY), "Categories", BODY);
        assertThatIllegalStateException().isThrownBy(() -> read(operation, operation))
                .withMessageContaining("is listed twice");
    }

    @Test
    void aManifestLocationThatDoesNotExistStopsTheStartAndAnEmptyOneMeansNone() {
        PersistedQueryConfiguration configuration = new PersistedQueryConfiguration();
        DefaultResourceLoader resources = new DefaultResourceLoader();
        assertThatIllegalStateException().isThrownBy(() -> configuration.trustedDocuments(
                new PersistedQueryConfiguration.PersistedQuerySettings("classpath:no-such/manifest.json", 1024),
                resources, json)).withMessageContaining("classpath:no-such/manifest.json").withMessageContaining("does not exist");
        assertThat(configuration.trustedDocuments(new PersistedQueryConfiguration.PersistedQuerySettings("", 1024),
                resources, json).operations()).isEmpty();
    }

    @Test
    void everyTrustedDocumentHashInTheReadmeIsInTheShippedManifest() throws IOException {
        TrustedDocuments documents = TrustedDocuments.read(new ClassPathResource("trusted-documents/manifest.json"),
                "classpath:trusted-documents/manifest.json", json);
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("### Persisted queries"), readme.indexOf("## Cost of a request"));
        var hashes = java.util.regex.Pattern.compile("\"sha256Hash\":\"([0-9a-f]{64})\"").matcher(section).results()
                .map(match -> match.group(1)).toList();
        assertThat(hashes).isNotEmpty().allSatisfy(hash -> assertThat(documents.contains(hash)).as(hash).isTrue());
    }

    @SafeVarargs
    private TrustedDocuments read(Map<String, Object>... operations) {
        String manifest = json.writeValueAsString(Map.of("format", TrustedDocuments.FORMAT, "version", 1,
                "operations", List.of(operations)));
        return TrustedDocuments.read(resource(manifest), "test.json", json);
    }

    private static Map<String, Object> operation(String id, String name, String body) {
        return Map.of("id", id, "name", name, "type", "query", "body", body);
    }

    private static ByteArrayResource resource(String text) {
        return new ByteArrayResource(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
