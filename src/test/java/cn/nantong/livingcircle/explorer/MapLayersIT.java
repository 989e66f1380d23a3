package cn.nantong.livingcircle.explorer;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mapLayers} over HTTP, checked against the demo CSVs. */
@ApplicationIT
class MapLayersIT {

    private static final Path DEMO = Path.of("neo4j/data/nantong-demo");
    private static final double SOUTH = 32.028;
    private static final double WEST = 120.790;
    private static final double NORTH = 32.032;
    private static final double EAST = 120.796;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aZoomedInBoxHoldsExactlyTheBuildingsAndPlacesOfTheCsvsInsideIt() throws Exception {
        JsonNode answer = layers(SOUTH, WEST, NORTH, EAST, 16);
        JsonNode layers = answer.get("data").get("mapLayers");
        assertThat(ids(layers.get("buildings"))).isEqualTo(csvIdsInBox("buildings.csv"));
        TreeSet<String> places = csvIdsInBox("outlets.csv");
        places.addAll(csvIdsInBox("facilities.csv"));
        assertThat(ids(layers.get("places"))).isEqualTo(places).isNotEmpty();
        assertThat(layers.get("truncated").asBoolean()).isFalse();
        assertThat(layers.get("walkwayCount").asInt()).isPositive()
                .isEqualTo(layers.get("walkways").get("coordinates").size());
        assertThat(layers.get("walkways").get("type").asString()).isEqualTo("MultiLineString");
        assertThat(ids(layers.get("communities"), "community")).contains("c-01");
        JsonNode ring = layers.get("communities").get(0).get("outline").get("coordinates").get(0);
        assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
        assertThat(answer.get("extensions").get("cost").get("requested").asInt()).isEqualTo(150);
        System.out.printf("mapLayers, demo data, zoom 16 box: %d walkway pieces, %d buildings, %d places, %d bytes%n",
                layers.get("walkwayCount").asInt(), layers.get("buildings").size(), layers.get("places").size(),
                json.writeValueAsString(answer).length());
    }

    @Test
    void theWholeCityAtALowZoomHasSimplifiedWalkwaysAndNoBuildingsOrPlaces() throws Exception {
        JsonNode far = layers(31.9, 120.7, 32.1, 121.0, 16).get("data").get("mapLayers");
        JsonNode low = layers(31.9, 120.7, 32.1, 121.0, 11).get("data").get("mapLayers");
        assertThat(low.get("buildings")).isEmpty();
        assertThat(low.get("places")).isEmpty();
        assertThat(low.get("truncated").asBoolean()).isTrue();
        assertThat(low.get("walkwayCount").asInt()).isPositive().isLessThan(far.get("walkwayCount").asInt());
        assertThat(low.get("communities")).hasSize(20);
        System.out.printf("mapLayers, whole demo area: zoom 11 %d walkway pieces, zoom 16 %d%n",
                low.get("walkwayCount").asInt(), far.get("walkwayCount").asInt());
    }

    @Test
    void aBoxWithoutDataIsEmptyAndNotTruncated() throws Exception {
        JsonNode layers = layers(39.9, 116.3, 39.95, 116.4, 15).get("data").get("mapLayers");
        assertThat(layers.get("walkwayCount").asInt()).isZero();
        assertThat(layers.get("buildings")).isEmpty();
        assertThat(layers.get("communities")).isEmpty();
        assertThat(layers.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void aZoomOutsideZeroToTwentyTwoOrAnInvertedBoxIsRefused() throws Exception {
        assertThat(code(layers(SOUTH, WEST, NORTH, EAST, 23))).isEqualTo("OUT_OF_RANGE");
        assertThat(code(layers(NORTH, WEST, SOUTH, EAST, 15))).isEqualTo("BAD_USER_INPUT");
        assertThat(code(layers(SOUTH, WEST, 91, EAST, 15))).isEqualTo("OUT_OF_RANGE");
    }

    private static String code(JsonNode answer) {
        return answer.get("errors").get(0).get("extensions").get("code").asString();
    }

    private static TreeSet<String> ids(JsonNode list) {
        return ids(list, null);
    }

    private static TreeSet<String> ids(JsonNode list, String inner) {
        TreeSet<String> ids = new TreeSet<>();
        list.forEach(n -> ids.add((inner == null ? n : n.get(inner)).get("id").asString()));
        return ids;
    }

    private static TreeSet<String> csvIdsInBox(String file) throws IOException {
        TreeSet<String> ids = new TreeSet<>();
        try (Reader reader = Files.newBufferedReader(DEMO.resolve(file), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                double lat = Double.parseDouble(row.get("lat"));
                double lon = Double.parseDouble(row.get("lon"));
                if (lat >= SOUTH && lat <= NORTH && lon >= WEST && lon <= EAST) {
                    ids.add(row.get("id"));
                }
            }
        }
        return ids;
    }

    private JsonNode layers(double south, double west, double north, double east, int zoom) throws Exception {
        String document = new String(getClass().getClassLoader().getResourceAsStream("graphql-test/explorer.graphql")
                .readAllBytes(), StandardCharsets.UTF_8);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("south", south);
        variables.put("west", west);
        variables.put("north", north);
        variables.put("east", east);
        variables.put("zoom", zoom);
        Map<String, Object> body = Map.of("query", document, "operationName", "Layers", "variables", variables);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }
}
