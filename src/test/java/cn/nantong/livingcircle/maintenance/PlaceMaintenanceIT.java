package cn.nantong.livingcircle.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.nantong.livingcircle.access.TestKeys;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.support.ApplicationIT;
import cn.nantong.livingcircle.support.GraphFingerprint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Maintenance writes over real HTTP with real keys, in the shared application context: every test that changes the
 * demo data puts it back (a closed demo place is re-created with its id and attributes) and works on places of
 * communities no other test reads (not c-01, c-17, c-18), so the other ITs see the demo data as imported. What
 * stays behind is the audit trail and a new dataset version, which no other test compares.
 */
@ApplicationIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaceMaintenanceIT {

    /** Communities other ITs (and the README examples) read, so left alone here. */
    private static final List<String> SHARED_COMMUNITIES = List.of("c-01", "c-17", "c-18");
    private static final int PHARMACY_TARGET_MINUTES = 8;

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    ApplicationContext application;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private String document;
    private String adminKey;
    private String adminKeyId;
    private String developerKey;

    @BeforeAll
    void keysAndDocuments() throws IOException {
        document = new ClassPathResource("graphql-test/maintenance.graphql").getContentAsString(StandardCharsets.UTF_8);
        adminKey = TestKeys.issue(application, "ADMIN", "it-maintenance-admin");
        adminKeyId = adminKey.substring(4, 16);
        developerKey = TestKeys.issue(application, "DEVELOPER", "it-maintenance-developer");
    }

    @Test
    void withoutAKeyAMutationIsUnauthenticatedWithADeveloperKeyForbiddenAndNothingIsWritten() {
        Map<String, Object> create = Map.of("input", newOutlet("it-refused", "pharmacy", 32.0, 120.86, "c-05"));
        GraphFingerprint before = GraphFingerprint.of(driver);
        for (String key : new String[] {null, developerKey}) {
            String expected = key == null ? "UNAUTHENTICATED" : "FORBIDDEN";
            assertThat(errorCode(post("CreatePlace", create, key))).as(expected).isEqualTo(expected);
            assertThat(errorCode(post("ClosePlace", Map.of("id", "o-00001"), key))).isEqualTo(expected);
            assertThat(errorCode(post("MovePlace", Map.of("id", "o-00001", "location", Map.of("lat", 32.0,
                    "lon", 120.86)), key))).isEqualTo(expected);
            assertThat(errorCode(post("UpdatePlace", Map.of("id", "o-00001", "input", Map.of("name", "x")), key)))
                    .isEqualTo(expected);
            assertThat(errorCode(post("ChangePlaceCategory", Map.of("id", "o-00001", "category", "cafe"), key)))
                    .isEqualTo(expected);
        }
        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
    }

    @Test
    void badInputIsATypedErrorAndAWriteRefusedMidwayLeavesTheGraphUnchanged() {
        String outlet = anyOutletOutsideSharedCommunities();
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("UNKNOWN_CATEGORY", create(newOutlet(null, "pharmacy_xyz", 32.0, 120.86, "c-05")));
        cases.put("OUT_OF_RANGE", create(newOutlet(null, "pharmacy", 95.0, 120.86, "c-05")));
        // in the Yellow Sea, 60 km east of every walkway
        cases.put("TOO_FAR_FROM_WALKWAY", create(newOutlet(null, "pharmacy", 32.0, 121.6, "c-05")));
        Map<String, Object> facilityWithBrand = newOutlet(null, null, 32.0, 120.86, "c-05");
        facilityWithBrand.put("type", "FACILITY");
        facilityWithBrand.put("facilityKind", "CLINIC");
        facilityWithBrand.put("brand", "x");
        cases.put("BAD_USER_INPUT", create(facilityWithBrand));
        cases.put("BAD_USER_INPUT id in use", create(newOutlet(outlet, "pharmacy", 32.0, 120.86, "c-05")));
        // found missing only after the place was written, in the same transaction: rolled back
        cases.put("NOT_FOUND community", create(newOutlet("it-no-community", "pharmacy", 32.0, 120.86, "c-99")));
        cases.put("NOT_FOUND centre", Map.of("operation", "UpdatePlace", "id", outlet, "input",
                Map.of("name", "renamed", "commercialCenterId", "cc-none")));
        cases.put("NOT_FOUND place", Map.of("operation", "ClosePlace", "id", "o-99999"));
        cases.put("OUT_OF_RANGE name", Map.of("operation", "UpdatePlace", "id", outlet, "input",
                Map.of("name", "店".repeat(101))));
        cases.put("UNKNOWN_CATEGORY change", Map.of("operation", "ChangePlaceCategory", "id", outlet,
                "category", "nope"));

        GraphFingerprint before = GraphFingerprint.of(driver);
        String versionBefore = datasetVersion();
        cases.forEach((expected, request) -> {
            Map<String, Object> variables = new HashMap<>(request);
            String operation = (String) variables.remove("operation");
            assertThat(errorCode(post(operation, variables, adminKey))).as(expected)
                    .isEqualTo(expected.split(" ")[0]);
        });
        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
        assertThat(datasetVersion()).isEqualTo(versionBefore);
    }

    @Test
    void closingTheOnlyPharmacyNearABuildingTakesItOutOfReachableAndCoverageAtOnceAndRecreatingItRestoresTheImportedEdges() {
        // a building that reaches exactly one pharmacy within the pharmacy target, both outside the shared communities
        Record pick = single("""
                MATCH (b:Building)-[w:WALKS_TO]->(p:Outlet {category: 'pharmacy'})
                WHERE w.meters <= $meters
                WITH b, collect(p) AS pharmacies WHERE size(pharmacies) = 1
                WITH b, pharmacies[0] AS p
                MATCH (b)-[:IN_COMMUNITY]->(c:Community)<-[:IN_COMMUNITY]-(p)
                WHERE NOT c.id IN $shared
                RETURN b.id AS building, p.id AS place, c.id AS community ORDER BY p.id, b.id LIMIT 1
                """, Map.of("meters", Pace.ADULT.meters(PHARMACY_TARGET_MINUTES), "shared", SHARED_COMMUNITIES));
        String building = pick.get("building").asString();
        String pharmacy = pick.get("place").asString();
        String community = pick.get("community").asString();
        Map<String, Object> original = storedPlace(pharmacy);
        Map<String, Double> importedEdges = edgesTo(pharmacy);
        assertThat(importedEdges).containsKey(building);
        JsonNode coverageBefore = post("PharmacyCoverage", Map.of("communityId", community), null).path("data");
        // the analytics' own in-memory prediction of the same closure, computed before anything is written
        JsonNode predicted = pharmacyRow(post("WhatIf", Map.of("communityId", community, "remove",
                List.of(pharmacy)), null).path("data").path("whatIf"), "residentsWithinTargetAfter");
        String etagBefore = etagOf("{ categories { code } }");
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);

        JsonNode closed = data(post("ClosePlace", Map.of("id", pharmacy, "reason", "closed for the IT"), adminKey),
                "closePlace");
        try {
            assertThat(closed.path("place").isNull()).isTrue();
            assertThat(closed.path("change").path("kind").asString()).isEqualTo("CLOSED");
            assertThat(closed.path("change").path("walkingEdges").path("deleted").asInt())
                    .isEqualTo(importedEdges.size());
            assertThat(edgesTo(pharmacy)).isEmpty();
            assertThat(reachablePharmacies(building)).isEmpty();
            JsonNode coverageAfter = post("PharmacyCoverage", Map.of("communityId", community), null).path("data");
            assertThat(coverageAfter.path("dataset").path("version").asString())
                    .isEqualTo(closed.path("change").path("datasetVersion").asString())
                    .isNotEqualTo(coverageBefore.path("dataset").path("version").asString());
            assertThat(pharmacyRow(coverageAfter.path("coverage"), "residentsWithinTarget").asInt())
                    .isEqualTo(predicted.asInt())
                    .isLessThan(pharmacyRow(coverageBefore.path("coverage"), "residentsWithinTarget").asInt());
            assertThat(etagOf("{ categories { code } }")).as("a new dataset version changes every ETag")
                    .isNotEqualTo(etagBefore);
        } finally {
            Map<String, Object> recreate = new LinkedHashMap<>();
            recreate.put("id", pharmacy);
            recreate.put("type", "OUTLET");
            recreate.put("name", original.get("name"));
            recreate.put("category", original.get("category"));
            recreate.put("location", Map.of("lat", original.get("lat"), "lon", original.get("lon")));
            recreate.put("communityId", original.get("communityId"));
            for (String field : List.of("brand", "chain", "newOrRenovated", "renovatedYear", "openingHours")) {
                recreate.put(field, original.get(field));
            }
            recreate.put("floorAreaSquareMeters", original.get("floorArea"));
            recreate.put("commercialCenterId", original.get("centerId"));
            JsonNode created = data(post("CreatePlace", Map.of("input", recreate), adminKey), "createPlace");
            assertThat(created.path("change").path("walkingEdges").path("created").asInt())
                    .isEqualTo(importedEdges.size());
        }
        assertThat(edgesTo(pharmacy)).as("the edges the CSV import computed").isEqualTo(importedEdges);
        assertThat(storedPlace(pharmacy)).isEqualTo(original);
        assertThat(reachablePharmacies(building)).containsExactly(pharmacy);
        JsonNode coverageRestored = post("PharmacyCoverage", Map.of("communityId", community), null).path("data");
        assertThat(coverageRestored.path("coverage")).isEqualTo(coverageBefore.path("coverage"));

        JsonNode feed = data(post("Changes", Map.of("since", since.toString()), null), "changes");
        List<JsonNode> mine = feed.path("edges").valueStream().map(e -> e.path("node"))
                .filter(n -> n.path("placeId").asString().equals(pharmacy)).toList();
        assertThat(mine).extracting(n -> n.path("kind").asString()).containsExactly("CLOSED", "CREATED");
        assertThat(mine.get(0).path("reason").asString()).isEqualTo("closed for the IT");
        assertThat(mine.get(0).path("before").path("name").asString()).isEqualTo(original.get("name"));
        assertThat(mine.get(0).path("after").isNull()).isTrue();
        assertThat(mine.get(0).path("place").path("id").asString()).as("the place as it is now").isEqualTo(pharmacy);
        assertThat(mine).allSatisfy(n -> assertThat(n.path("changedBy").asString()).isEqualTo(adminKeyId));
    }

    @Test
    void aPlaceCreatedWhereAnotherStandsGetsThatPlacesImportedEdgesAndEveryLaterWriteIsAuditedInTheFeed() {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        List<Record> spots = driverRun("""
                MATCH (p:Outlet)-[:IN_COMMUNITY]->(c:Community) WHERE NOT c.id IN $shared
                  AND COUNT { (:Building)-[:WALKS_TO]->(p) } > 0
                RETURN p.id AS id, p.location.latitude AS lat, p.location.longitude AS lon, c.id AS community
                ORDER BY p.id LIMIT 2
                """, Map.of("shared", SHARED_COMMUNITIES));
        Record first = spots.get(0);
        Record second = spots.get(1);
        String id = "it-maintained-outlet";
        try {
            Map<String, Object> input = newOutlet(id, "repair", first.get("lat").asDouble(), first.get("lon").asDouble(),
                    first.get("community").asString());
            JsonNode created = data(post("CreatePlace", Map.of("input", input), adminKey), "createPlace");
            assertThat(created.path("place").path("__typename").asString()).isEqualTo("Outlet");
            assertThat(created.path("change").path("kind").asString()).isEqualTo("CREATED");
            assertThat(edgesTo(id)).as("the same spot, so the edges the import computed for the place there")
                    .isEqualTo(edgesTo(first.get("id").asString()));

            JsonNode updated = data(post("UpdatePlace", Map.of("id", id, "input",
                    mapOf("name", "修车铺", "brand", null, "openingHours", "08:00-20:00")), adminKey), "updatePlace");
            assertThat(updated.path("change").path("fields").valueStream().map(JsonNode::asString))
                    .containsExactly("name", "openingHours");
            assertThat(updated.path("place").path("name").asString()).isEqualTo("修车铺");
            assertThat(updated.path("change").path("walkingEdges").path("created").asInt()).isZero();

            JsonNode recategorised = data(post("ChangePlaceCategory", Map.of("id", id, "category", "pharmacy"),
                    adminKey), "changePlaceCategory");
            assertThat(recategorised.path("change").path("fields").valueStream().map(JsonNode::asString))
                    .containsExactly("category");
            assertThat(recategorised.path("place").path("category").path("code").asString()).isEqualTo("pharmacy");
            String aBuilding = edgesTo(id).keySet().iterator().next();
            assertThat(reachablePharmacies(aBuilding, 20)).contains(id);

            JsonNode moved = data(post("MovePlace", Map.of("id", id, "location", Map.of("lat",
                    second.get("lat").asDouble(), "lon", second.get("lon").asDouble())), adminKey), "movePlace");
            assertThat(moved.path("change").path("fields").valueStream().map(JsonNode::asString))
                    .containsExactly("location");
            assertThat(edgesTo(id)).isEqualTo(edgesTo(second.get("id").asString()));

            JsonNode closed = data(post("ClosePlace", Map.of("id", id), adminKey), "closePlace");
            assertThat(closed.path("change").path("walkingEdges").path("deleted").asInt())
                    .isEqualTo(edgesTo(second.get("id").asString()).size());
            assertThat(single("RETURN EXISTS { (:Place {id: $id}) } AS exists", Map.of("id", id)).get("exists")
                    .asBoolean()).isFalse();

            // the audit trail as stored, read back from the graph
            List<Record> audit = driverRun("""
                    MATCH (c:PlaceChange {placeId: $id})
                    RETURN c.kind AS kind, c.operation AS operation, c.changedBy AS by, c.before AS before,
                           c.after AS after, c.datasetVersion AS version, c.changedAt AS at
                    ORDER BY c.changedAt, c.id
                    """, Map.of("id", id));
            assertThat(audit).extracting(r -> r.get("operation").asString()).containsExactly("createPlace",
                    "updatePlace", "changePlaceCategory", "movePlace", "closePlace");
            assertThat(audit).allSatisfy(r -> assertThat(r.get("by").asString()).isEqualTo(adminKeyId));
            assertThat(audit).extracting(r -> r.get("version").asString()).doesNotHaveDuplicates();
            JsonNode updateBefore = json.readTree(audit.get(1).get("before").asString());
            JsonNode updateAfter = json.readTree(audit.get(1).get("after").asString());
            assertThat(updateBefore.path("name").asString()).isEqualTo("it-maintained-outlet 名");
            assertThat(updateAfter.path("name").asString()).isEqualTo("修车铺");
            assertThat(audit.get(0).get("before").isNull()).isTrue();
            assertThat(audit.get(4).get("after").isNull()).isTrue();
            assertThat(datasetVersion()).isEqualTo(audit.get(4).get("version").asString());

            // the feed, one change per page, follows the cursors in time order
            List<String> kinds = new java.util.ArrayList<>();
            String after = null;
            int pages = 0;
            do {
                Map<String, Object> variables = new HashMap<>(Map.of("since", since.toString(), "first", 1));
                if (after != null) {
                    variables.put("after", after);
                }
                JsonNode page = data(post("Changes", variables, developerKey), "changes");
                page.path("edges").valueStream().map(e -> e.path("node"))
                        .filter(n -> n.path("placeId").asString().equals(id))
                        .forEach(n -> kinds.add(n.path("kind").asString() + " " + n.path("operation").asString()));
                after = page.path("pageInfo").path("hasNextPage").asBoolean()
                        ? page.path("pageInfo").path("endCursor").asString() : null;
            } while (after != null && ++pages < 100);
            assertThat(kinds).containsExactly("CREATED createPlace", "UPDATED updatePlace",
                    "UPDATED changePlaceCategory", "UPDATED movePlace", "CLOSED closePlace");
        } finally {
            driverRun("MATCH (p:Place {id: $id}) DETACH DELETE p", Map.of("id", id));
        }
    }

    private List<String> reachablePharmacies(String building) {
        return reachablePharmacies(building, PHARMACY_TARGET_MINUTES);
    }

    private List<String> reachablePharmacies(String building, int minutes) {
        JsonNode reach = data(post("Reachable", Map.of("building", building, "minutes", minutes, "categories",
                List.of("pharmacy")), null), "reachable");
        return reach.path("edges").valueStream().map(e -> e.path("node").path("place").path("id").asString()).toList();
    }

    private static JsonNode pharmacyRow(JsonNode analytics, String field) {
        return analytics.path("categories").valueStream()
                .filter(c -> c.path("category").path("code").asString().equals("pharmacy")).findFirst()
                .orElseThrow().path(field);
    }

    private static Map<String, Object> create(Map<String, Object> input) {
        return Map.of("operation", "CreatePlace", "input", input);
    }

    private static Map<String, Object> newOutlet(String id, String category, double lat, double lon, String community) {
        Map<String, Object> input = new LinkedHashMap<>();
        if (id != null) {
            input.put("id", id);
        }
        input.put("type", "OUTLET");
        input.put("name", (id == null ? "it" : id) + " 名");
        if (category != null) {
            input.put("category", category);
        }
        input.put("location", Map.of("lat", lat, "lon", lon));
        input.put("communityId", community);
        return input;
    }

    private static Map<String, Object> mapOf(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private String anyOutletOutsideSharedCommunities() {
        return single("""
                MATCH (p:Outlet)-[:IN_COMMUNITY]->(c:Community) WHERE NOT c.id IN $shared
                RETURN p.id AS id ORDER BY p.id LIMIT 1
                """, Map.of("shared", SHARED_COMMUNITIES)).get("id").asString();
    }

    /** Every stored property of the place and what it links to, as the writer stores them. */
    private Map<String, Object> storedPlace(String id) {
        Record r = single("""
                MATCH (p:Place {id: $id})
                RETURN p {.*, location: null, lat: p.location.latitude, lon: p.location.longitude,
                          floorArea: p.floorAreaSquareMeters,
                          labels: labels(p), communityId: head([(p)-[:IN_COMMUNITY]->(c) | c.id]),
                          categoryLinks: [(p)-[:OF_CATEGORY]->(c) | c.code],
                          centerId: head([(p)-[:IN_CENTER]->(cc) | cc.id])} AS place
                """, Map.of("id", id));
        Map<String, Object> place = new TreeMap<>(r.get("place").asMap());
        // the walkway it is attached to is the same spot on the same walkway, but the segment order of the
        // in-memory network may differ from the import's at a junction shared by several walkways
        place.remove("walkwayId");
        place.remove("offsetMeters");
        place.remove("floorAreaSquareMeters");
        return place;
    }

    private Map<String, Double> edgesTo(String placeId) {
        Map<String, Double> edges = new TreeMap<>();
        driverRun("MATCH (b:Building)-[w:WALKS_TO]->(:Place {id: $id}) RETURN b.id AS b, w.meters AS m",
                Map.of("id", placeId)).forEach(r -> edges.put(r.get("b").asString(), r.get("m").asDouble()));
        return edges;
    }

    private String datasetVersion() {
        return single("MATCH (d:Dataset) WITH d ORDER BY d.importedAt DESC LIMIT 1 RETURN d.version AS v", Map.of())
                .get("v").asString();
    }

    private Record single(String cypher, Map<String, Object> parameters) {
        return driverRun(cypher, parameters).get(0);
    }

    private List<Record> driverRun(String cypher, Map<String, Object> parameters) {
        try (Session session = driver.session()) {
            return session.run(cypher, parameters).list();
        }
    }

    private JsonNode data(JsonNode body, String field) {
        assertThat(body.path("errors").isMissingNode()).as(body.toString()).isTrue();
        return body.path("data").path(field);
    }

    private static String errorCode(JsonNode body) {
        return body.path("errors").path(0).path("extensions").path("code").asString();
    }

    private JsonNode post(String operation, Map<String, Object> variables, String key) {
        Map<String, Object> request = new HashMap<>();
        request.put("query", document);
        request.put("operationName", operation);
        request.put("variables", variables);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request)));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        try {
            return json.readTree(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String etagOf(String query) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.headers().firstValue("ETag").orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
