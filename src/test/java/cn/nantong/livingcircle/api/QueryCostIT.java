package cn.nantong.livingcircle.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import cn.nantong.livingcircle.support.ApplicationIT;
import graphql.TrivialDataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The price of a request over HTTP: reported on every answer, and a request above the maximum refused unrun. */
@ApplicationIT
class QueryCostIT {

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void everyPricedFieldHasAFetcherOfItsOwnSoThePerFieldChargeNeverSkipsIt() {
        // the instrumentation looks no further than "trivial fetcher" for a field (a property read is free)
        GraphQLSchema schema = graphQlSource.schema();
        List<String> priced = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__")) {
                continue;
            }
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                if (QueryCost.field(object.getName(), field.getName(), Map.of()).isFree()) {
                    continue;
                }
                priced.add(object.getName() + "." + field.getName());
                assertThat(schema.getCodeRegistry().getDataFetcher(object, field))
                        .as(object.getName() + "." + field.getName()).isNotInstanceOf(TrivialDataFetcher.class);
            }
        }
        assertThat(priced).contains("Query.reachable", "Outlet.community", "Dataset.extent");
    }

    @Value("${local.server.port}")
    int port;

    @Value("${circle.api.max-query-cost:2000}")
    long maxCost;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyAnswerReportsItsPriceAndTheLimit() throws Exception {
        JsonNode answer = post("{ isochrone(from: {point: {lat: 32.0, lon: 120.86}}, minutes: [5, 10]) { minutes } }");
        assertThat(answer.path("errors").isMissingNode()).isTrue();
        assertThat(answer.at("/extensions/cost/requested").asLong())
                .isEqualTo(QueryCost.ISOCHRONE + 2L * QueryCost.ISOCHRONE_LIMIT);
        assertThat(answer.at("/extensions/cost/limit").asLong()).isEqualTo(maxCost);
    }

    @Test
    void twoHundredAliasedIsochronesAreRefusedBeforeAnyFieldRuns() throws Exception {
        String query = IntStream.range(0, 200)
                .mapToObj(i -> "i" + i + ": isochrone(from: {point: {lat: 32.0, lon: 120.86}}) { areaSquareMeters }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        JsonNode answer = post(query);
        JsonNode error = answer.at("/errors/0");
        assertThat(error.at("/extensions/code").asString()).isEqualTo("QUERY_TOO_COSTLY");
        long expected = 200L * (QueryCost.ISOCHRONE + 3L * QueryCost.ISOCHRONE_LIMIT);
        assertThat(error.at("/extensions/cost").asLong()).isEqualTo(expected);
        assertThat(error.at("/extensions/limit").asLong()).isEqualTo(maxCost);
        assertThat(error.at("/message").asString()).contains(String.valueOf(expected), String.valueOf(maxCost));
        // refused before execution: no field was resolved, so there is no data at all, not 200 nulls
        assertThat(answer.path("data").isMissingNode() || answer.path("data").isNull()).isTrue();
        assertThat(answer.at("/extensions/cost/requested").asLong()).isEqualTo(expected);
    }

    private JsonNode post(String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
