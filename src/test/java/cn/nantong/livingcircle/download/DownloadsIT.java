package cn.nantong.livingcircle.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import cn.nantong.livingcircle.access.TestKeys;
import cn.nantong.livingcircle.support.ApplicationIT;
import cn.nantong.livingcircle.support.GraphFingerprint;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.importer.ImportCommand;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every download parsed back with a real reader and compared with what is computed independently: the demo CSVs,
 * the API's in-memory coverage, gaps and nearest searches, the graph itself, and the real {@code neo4j-admin}
 * importer.
 */
@ApplicationIT
class DownloadsIT {

    private static final Path DEMO = Path.of("neo4j/data/nantong-demo");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    WebGraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Autowired
    ApplicationContext application;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void placesCsvStartsWithAByteOrderMarkAndListsEveryOutletAndFacilityOfTheDemoData() throws Exception {
        HttpResponse<byte[]> response = get("places.csv", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] body = response.body();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = csv(body);
        Set<String> expected = new HashSet<>(ids(DEMO.resolve("outlets.csv")));
        expected.addAll(ids(DEMO.resolve("facilities.csv")));
        assertThat(rows).extracting(r -> r.get("place_id")).containsExactlyInAnyOrderElementsOf(expected);
        Map<String, CSVRecord> source = byId(DEMO.resolve("outlets.csv"));
        CSVRecord downloaded = rows.stream().filter(r -> r.get("place_id").equals("o-00002")).findFirst().orElseThrow();
        assertThat(downloaded.get("name")).isEqualTo(source.get("o-00002").get("name"));
        assertThat(downloaded.get("brand")).isEqualTo(source.get("o-00002").get("brand"));
        assertThat(downloaded.get("community_id")).isEqualTo(source.get("o-00002").get("community_id"));
        assertThat(Double.parseDouble(downloaded.get("lat"))).isEqualTo(Double.parseDouble(source.get("o-00002").get("lat")));
    }

    @Test
    void everyDownloadCarriesTheLicenceAttributionAndAStrongEtagThatAnswers304() throws Exception {
        GraphQlTester.Response dataset = graphQl.documentName("datasetDownloads").execute();
        String licence = dataset.path("dataset.licence").entity(String.class).get();
        String version = dataset.path("dataset.version").entity(String.class).get();
        HttpResponse<byte[]> first = get("communities.csv", Map.of());
        assertThat(first.headers().firstValue("X-Licence")).contains(licence);
        assertThat(first.headers().allValues("Link")).contains(
                "<https://opendatacommons.org/licenses/odbl/1-0/>; rel=\"license\"",
                "</downloads/datapackage.json>; rel=\"describedby\"");
        assertThat(first.headers().firstValue("X-Attribution")).contains(
                dataset.path("dataset.attribution").entity(String.class).get());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"" + version).endsWith("\"");

        HttpResponse<byte[]> again = get("communities.csv", Map.of("If-None-Match", "W/\"other\", " + etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("communities.csv", Map.of("If-None-Match", "\"stale\"")).statusCode()).isEqualTo(200);
    }

    @Test
    void aDownloadIsChargedItsPriceFromTheCallersBudgetAndAnUnknownFileIsNotFound() throws Exception {
        String key = TestKeys.issue(application, "DEVELOPER", "downloads-budget");
        HttpResponse<byte[]> response = get("places.geojson", Map.of("Authorization", "Bearer " + key));
        long limit = Long.parseLong(response.headers().firstValue("X-RateLimit-Limit").orElseThrow());
        long remaining = Long.parseLong(response.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        long cost = Long.parseLong(response.headers().firstValue("X-Download-Cost").orElseThrow());
        assertThat(limit).isEqualTo(20_000);
        assertThat(cost).isGreaterThan(DownloadCatalog.BASE_POINTS);
        // a fresh key's bucket is full, so only this download was taken from it
        assertThat(remaining).isEqualTo(limit - cost);

        HttpResponse<byte[]> missing = get("secrets.csv", Map.of());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).at("/errors/0/extensions/code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void communitiesCsvHasTheSameCompletenessAsTheApisInMemoryCoverage() throws Exception {
        List<CSVRecord> rows = csv(get("communities.csv", Map.of()).body());
        assertThat(rows).extracting(r -> r.get("community_id"))
                .containsExactlyInAnyOrderElementsOf(ids(DEMO.resolve("communities.csv")));
        for (CSVRecord row : rows) {
            GraphQlTester.Response coverage = graphQl.documentName("coverage")
                    .variable("communityId", row.get("community_id")).execute();
            assertThat(Double.parseDouble(row.get("completeness_score"))).as(row.get("community_id"))
                    .isEqualTo(coverage.path("coverage.completenessScore").entity(Double.class).get());
            assertThat(Integer.parseInt(row.get("residents")))
                    .isEqualTo(coverage.path("coverage.residents").entity(Integer.class).get());
            List<Map> categories = coverage.path("coverage.categories").entityList(Map.class).get();
            for (Map category : categories) {
                String code = (String) ((Map) category.get("category")).get("code");
                if ("BASIC".equals(((Map) category.get("category")).get("tier"))) {
                    assertThat(Double.parseDouble(row.get(code + "_residents_within_target_percent")))
                            .as(row.get("community_id") + " " + code)
                            .isEqualTo(((Number) category.get("residentsWithinTargetPercent")).doubleValue());
                }
            }
        }
    }

    @Test
    void buildingsCsvGivesEveryBuildingTheSameNearestWalkAsTheNearestQuery() throws Exception {
        List<CSVRecord> rows = csv(get("buildings.csv", Map.of()).body());
        assertThat(rows).extracting(r -> r.get("building_id"))
                .containsExactlyInAnyOrderElementsOf(ids(DEMO.resolve("buildings.csv")));
        for (CSVRecord row : List.of(rows.get(0), rows.get(rows.size() / 2), rows.get(rows.size() - 1))) {
            for (String category : List.of("pharmacy", "convenience_store", "supermarket")) {
                List<Integer> nearest = graphQl.documentName("nearest")
                        .variable("from", Map.of("buildingId", row.get("building_id")))
                        .variable("category", category).variable("k", 1).execute()
                        .path("nearest[*].walkMeters").entityList(Integer.class).get();
                String downloaded = row.get("nearest_" + category + "_walk_m");
                assertThat(downloaded.isEmpty() ? null : Integer.valueOf(downloaded))
                        .as(row.get("building_id") + " " + category)
                        .isEqualTo(nearest.isEmpty() ? null : nearest.get(0));
            }
        }
    }

    @Test
    void gapsCsvListsPerBasicCategoryExactlyTheBuildingsOfTheGapsQuery() throws Exception {
        List<CSVRecord> rows = csv(get("gaps.csv", Map.of()).body());
        Map<String, Set<String>> byCategory = new HashMap<>();
        rows.forEach(r -> byCategory.computeIfAbsent(r.get("category"), c -> new HashSet<>()).add(r.get("building_id")));
        for (String category : List.of("pharmacy", "breakfast", "convenience_store", "recycling_point")) {
            Set<String> expected = new HashSet<>();
            String after = null;
            do {
                GraphQlTester.Response page = graphQl.documentName("gaps").variable("category", category)
                        .variable("first", 100).variable("after", after).execute();
                expected.addAll(page.path("gaps.edges[*].node.id").entityList(String.class).get());
                after = page.path("gaps.pageInfo.hasNextPage").entity(Boolean.class).get()
                        ? page.path("gaps.pageInfo.endCursor").entity(String.class).get() : null;
            } while (after != null);
            assertThat(byCategory.getOrDefault(category, Set.of())).as(category).isEqualTo(expected);
        }
    }

    @Test
    void geoJsonDownloadsAreRfc7946FeatureCollectionsOfLonLatPositionsWithTheLicence() throws Exception {
        Map<String, double[]> junctions = new HashMap<>();
        for (CSVRecord j : read(DEMO.resolve("junctions.csv"))) {
            junctions.put(j.get("id"), new double[] {Double.parseDouble(j.get("lon")), Double.parseDouble(j.get("lat"))});
        }
        for (String table : List.of("places", "communities", "buildings", "gaps", "walkways")) {
            HttpResponse<byte[]> response = get(table + ".geojson", Map.of());
            assertThat(response.headers().firstValue("Content-Type")).contains("application/geo+json");
            JsonNode collection = JSON.readTree(response.body());
            assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
            assertThat(collection.get("licence").asString()).isEqualTo("ODbL-1.0");
            assertThat(collection.has("crs")).as("RFC 7946 drops crs").isFalse();
            int csvRows = csv(get(table + ".csv", Map.of()).body()).size();
            assertThat(collection.get("features").size()).as(table).isEqualTo(csvRows).isPositive();
            for (JsonNode feature : collection.get("features")) {
                assertThat(feature.get("type").asString()).isEqualTo("Feature");
                JsonNode geometry = feature.get("geometry");
                List<JsonNode> positions = new ArrayList<>();
                if (table.equals("walkways")) {
                    assertThat(geometry.get("type").asString()).isEqualTo("LineString");
                    geometry.get("coordinates").forEach(positions::add);
                    assertThat(positions).hasSizeGreaterThanOrEqualTo(2);
                    double[] from = junctions.get(feature.get("properties").get("from_junction_id").asString());
                    double[] to = junctions.get(feature.get("properties").get("to_junction_id").asString());
                    assertThat(positions.get(0).get(0).asDouble()).isEqualTo(from[0]);
                    assertThat(positions.get(0).get(1).asDouble()).isEqualTo(from[1]);
                    assertThat(positions.get(positions.size() - 1).get(0).asDouble()).isEqualTo(to[0]);
                    assertThat(positions.get(positions.size() - 1).get(1).asDouble()).isEqualTo(to[1]);
                }
                else {
                    assertThat(geometry.get("type").asString()).isEqualTo("Point");
                    positions.add(geometry.get("coordinates"));
                    assertThat(positions.get(0).get(0).asDouble())
                            .isEqualTo(feature.get("properties").get("lon").asDouble(), org.assertj.core.data.Offset.offset(1e-7));
                }
                for (JsonNode position : positions) {
                    assertThat(position.size()).isEqualTo(2);
                    // Nantong: longitude about 120.9 E, latitude about 32 N; swapped axes would fail both
                    assertThat(position.get(0).asDouble()).isBetween(120.0, 122.0);
                    assertThat(position.get(1).asDouble()).isBetween(31.5, 32.5);
                }
            }
        }
    }

    @Test
    void graphMlHoldsEveryPublishedNodeAndRelationshipAndNoApiKey() throws Exception {
        HttpResponse<byte[]> response = get("graph.graphml", Map.of());
        XMLStreamReader xml = XMLInputFactory.newInstance().createXMLStreamReader(
                new java.io.ByteArrayInputStream(response.body()));
        Set<String> nodes = new HashSet<>();
        Set<String> keys = new HashSet<>();
        long edges = 0;
        Set<String> labels = new HashSet<>();
        String licence = null;
        String currentData = null;
        List<String[]> endpoints = new ArrayList<>();
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            assertThat(xml.getNamespaceURI()).isEqualTo("http://graphml.graphdrawing.org/xmlns");
            switch (xml.getLocalName()) {
                case "key" -> keys.add(xml.getAttributeValue(null, "id"));
                case "node" -> assertThat(nodes.add(xml.getAttributeValue(null, "id"))).isTrue();
                case "edge" -> {
                    edges++;
                    endpoints.add(new String[] {xml.getAttributeValue(null, "source"), xml.getAttributeValue(null, "target")});
                }
                case "data" -> {
                    currentData = xml.getAttributeValue(null, "key");
                    assertThat(keys).contains(currentData);
                    String text = xml.getElementText();
                    if (currentData.equals("n_labels")) {
                        labels.add(String.join(":", new java.util.TreeSet<>(List.of(text.substring(1).split(":")))));
                    }
                    if (currentData.equals("g_licence")) {
                        licence = text;
                    }
                }
                default -> {
                }
            }
        }
        assertThat(licence).isEqualTo("ODbL-1.0");
        assertThat(endpoints).allSatisfy(e -> assertThat(nodes).contains(e[0], e[1]));
        try (Session session = driver.session()) {
            long graphNodes = session.run("""
                    MATCH (n) WHERE size(labels(n)) > 0 AND all(l IN labels(n) WHERE l IN $labels) RETURN count(n) AS n
                    """, Map.of("labels", GraphSchema.PUBLISHED_LABELS)).single().get("n").asLong();
            long graphEdges = session.run("""
                    MATCH (a)-[r]->(b)
                    WHERE all(l IN labels(a) WHERE l IN $labels) AND all(l IN labels(b) WHERE l IN $labels)
                      AND size(labels(a)) > 0 AND size(labels(b)) > 0
                    RETURN count(r) AS n
                    """, Map.of("labels", GraphSchema.PUBLISHED_LABELS)).single().get("n").asLong();
            long walksTo = session.run("MATCH ()-[r:WALKS_TO]->() RETURN count(r) AS n").single().get("n").asLong();
            assertThat(nodes).hasSize((int) graphNodes);
            assertThat(edges).isEqualTo(graphEdges).isGreaterThan(walksTo);
        }
        assertThat(labels).contains("Outlet:Place", "Building", "Junction").noneMatch(l -> l.contains("ApiKey"));
    }

    @Test
    void theNeo4jCsvSetImportsWithNeo4jAdminIntoAFreshDatabaseEqualToTheSource(@TempDir Path home) throws Exception {
        Path nodes = home.resolve("graph-nodes.csv");
        Path relationships = home.resolve("graph-relationships.csv");
        Files.write(nodes, get("graph-nodes.csv", Map.of()).body());
        Files.write(relationships, get("graph-relationships.csv", Map.of()).body());
        Files.createDirectories(home.resolve("conf"));
        int exit = new CommandLine(new ImportCommand.Full(new ExecutionContext(home, home.resolve("conf"))))
                .execute("--nodes=" + nodes, "--relationships=" + relationships, "--multiline-fields=true",
                        "--report-file=" + home.resolve("import.report"), "neo4j");
        assertThat(exit).as("neo4j-admin database import exit code").isZero();

        DatabaseManagementService imported = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
                .build();
        try {
            int boltPort = ((GraphDatabaseAPI) imported.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
                    .getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT).getPort();
            try (Driver copy = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.none())) {
                GraphFingerprint source = GraphFingerprint.ofContent(driver, GraphSchema.PUBLISHED_LABELS);
                GraphFingerprint target = GraphFingerprint.ofContent(copy, GraphSchema.PUBLISHED_LABELS);
                assertThat(target.nodes()).isEqualTo(source.nodes()).isPositive();
                assertThat(target.relationships()).isEqualTo(source.relationships()).isPositive();
                assertThat(target).isEqualTo(source);
            }
        } finally {
            imported.shutdown();
        }
    }

    @Test
    void theDataPackageValidatesAndDescribesEveryDownloadAndEveryCsvColumn() throws Exception {
        HttpResponse<byte[]> response = get("datapackage.json", Map.of());
        String descriptor = new String(response.body(), StandardCharsets.UTF_8);
        try (InputStream schema = getClass().getResourceAsStream("/downloads/tabular-data-package.schema.json")) {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema)
                    .validate(descriptor, InputFormat.JSON)).isEmpty();
        }
        JsonNode pkg = JSON.readTree(descriptor);
        assertThat(pkg.at("/licenses/0/name").asString()).isEqualTo("ODbL-1.0");
        assertThat(pkg.get("attribution").asString()).isNotBlank();

        List<String> listed = graphQl.documentName("datasetDownloads").execute()
                .path("dataset.downloads[*].name").entityList(String.class).get();
        Set<String> described = new HashSet<>();
        for (JsonNode resource : pkg.get("resources")) {
            String path = resource.get("path").asString();
            described.add(path);
            HttpResponse<byte[]> file = get(path, Map.of());
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            if (resource.get("profile").asString().equals("tabular-data-resource")) {
                List<String> fields = new ArrayList<>();
                resource.at("/schema/fields").forEach(f -> fields.add(f.get("name").asString()));
                try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader(file.body()))) {
                    assertThat(csv.getHeaderNames()).as(path).isEqualTo(fields);
                }
            }
        }
        assertThat(described).containsExactlyInAnyOrderElementsOf(
                listed.stream().filter(n -> !n.equals("datapackage.json")).toList());
    }

    @Test
    void datasetDownloadsListsEveryFileWithItsUrlAndTheSizeOnceGenerated() throws Exception {
        byte[] places = get("places.csv", Map.of()).body();
        List<Map> downloads = graphQl.documentName("datasetDownloads").execute()
                .path("dataset.downloads").entityList(Map.class).get();
        assertThat(downloads).extracting(d -> d.get("format")).contains("CSV", "GEOJSON", "GRAPHML",
                "NEO4J_IMPORT_CSV", "DATAPACKAGE");
        Map placesCsv = downloads.stream().filter(d -> d.get("name").equals("places.csv")).findFirst().orElseThrow();
        assertThat(placesCsv.get("url")).isEqualTo("/downloads/places.csv");
        assertThat(((Number) placesCsv.get("bytes")).longValue()).isEqualTo(places.length);
        for (Map download : downloads) {
            assertThat(get(((String) download.get("url")).substring("/downloads/".length()), Map.of()).statusCode())
                    .isEqualTo(200);
        }
    }

    private HttpResponse<byte[]> get(String name, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/downloads/" + name));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Reader reader(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static List<CSVRecord> csv(byte[] body) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(reader(body))) {
            return parser.getRecords();
        }
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        return csv(Files.readAllBytes(file));
    }

    private static List<String> ids(Path file) throws IOException {
        return read(file).stream().map(r -> r.get("id")).toList();
    }

    private static Map<String, CSVRecord> byId(Path file) throws IOException {
        Map<String, CSVRecord> result = new HashMap<>();
        read(file).forEach(r -> result.put(r.get("id"), r));
        return result;
    }
}
