package cn.nantong.livingcircle.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server time of each costed field, measured over HTTP on the demo data, one request at a time: the measurements
 * behind the cost weights ({@code cn.nantong.livingcircle.api.QueryCost}) and the README's calibration table. Each
 * query runs {@code bench.warmup} times, then {@code bench.runs} times; the median minus the median of an answer
 * without any field work ({@code { __typename }}: HTTP, parsing, JSON) is the field's work. Not part of the default run: {@code scripts/bench-cost.sh}.
 */
@ApplicationIT
@Tag("benchmark")
class CostCalibrationBenchmark {

    private static final String POINT = "{point: {lat: 32.0, lon: 120.86}}";

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void measureTheWorkOfEachCostedField() throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 200);
        int runs = Integer.getInteger("bench.runs", 200);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("baseline: { __typename }", "{ __typename }");
        queries.put("categories (catalogue)", "{ categories { code } }");
        queries.put("dataset (cached)", "{ dataset { version } }");
        queries.put("reachable from a building, first 1", "{ reachable(from: {buildingId: \"b-01-001\"}, first: 1) { totalCount } }");
        queries.put("reachable from a building, first 50", "{ reachable(from: {buildingId: \"b-01-001\"}, first: 50) { edges { node { walkMeters place { id name } } } } }");
        queries.put("reachable from a point, first 1", "{ reachable(from: " + POINT + ", first: 1) { totalCount } }");
        queries.put("nearest from a point, k 3", "{ nearest(from: " + POINT + ", category: \"pharmacy\", k: 3) { walkMeters } }");
        queries.put("isochrone, 1 limit (15 min)", "{ isochrone(from: " + POINT + ", minutes: [15]) { areaSquareMeters } }");
        queries.put("isochrone, 3 limits", "{ isochrone(from: " + POINT + ", minutes: [5, 10, 15]) { areaSquareMeters } }");
        queries.put("communities, first 20", "{ communities(first: 20) { edges { node { id name } } } }");
        queries.put("coverage of a community", "{ coverage(communityId: \"c-18\") { completenessScore } }");
        queries.put("gaps, first 50", "{ gaps(category: \"pharmacy\", first: 50) { totalCount edges { node { id } } } }");
        queries.put("siteSuggestions, count 1", "{ siteSuggestions(category: \"pharmacy\", communityId: \"c-18\", count: 1) { rank } }");
        queries.put("siteSuggestions, count 5", "{ siteSuggestions(category: \"pharmacy\", communityId: \"c-18\", count: 5) { rank } }");
        queries.put("whatIf, 1 place", "{ whatIf(communityId: \"c-18\", add: [{category: \"pharmacy\", lat: 31.9613994, lon: 120.8749730}]) { completenessAfter } }");
        queries.put("cityStats", "{ cityStats { residents } }");
        queries.put("publishedFigures", "{ publishedFigures { status } }");
        queries.put("places in a community, first 50", "{ places(filter: {communityIds: [\"c-03\"]}, first: 50) { totalCount edges { node { id name } } } }");
        queries.put("places, every outlet, first 50", "{ places(filter: {kind: OUTLET}, first: 50) { totalCount edges { node { id name } } } }");
        queries.put("places by Chinese name, first 50", "{ places(filter: {nameContains: \"药房\"}, first: 50) { totalCount edges { node { id } } } }");
        queries.put("places by distance, first 50", "{ places(filter: {near: {point: {lat: 32.0, lon: 120.86}, withinMeters: 1000}}, orderBy: DISTANCE_ASC, orderFrom: {lat: 32.0, lon: 120.86}, first: 50) { edges { distanceMeters node { id } } } }");
        queries.put("places aggregate (every place)", "{ places(first: 0) { aggregate { count byCategory { count } byTier { count } floorAreaSquareMeters { sum } } } }");
        queries.put("places, first 50, with community", "{ places(filter: {communityIds: [\"c-03\"]}, first: 50) { edges { node { id community { id } } } } }");
        queries.put("commercialCenters, first 20, with outlets", "{ commercialCenters(first: 20) { edges { node { id outlets { id } } } } }");
        queries.put("buildings, first 50", "{ buildings(filter: {communityIds: [\"c-01\"]}, first: 50) { edges { node { id } } } }");
        queries.put("communities by completeness with coverage", "{ communities(orderBy: [COMPLETENESS_ASC], first: 20) { edges { node { id coverage { completenessScore } } } } }");
        queries.put("reachable from a point, chain filter", "{ reachable(from: " + POINT + ", filter: {chain: true}, first: 50) { totalCount } }");
        queries.put("reachable from a building, chain filter", "{ reachable(from: {buildingId: \"b-01-001\"}, filter: {chain: true}, first: 50) { totalCount } }");
        queries.put("route from a point", "{ route(from: " + POINT + ", toPlaceId: \"o-01722\") { walkMeters geometry walkways { walkwayId } } }");
        queries.put("route from a building", "{ route(from: {buildingId: \"b-01-001\"}, toPlaceId: \"o-00016\") { walkMeters geometry } }");
        queries.put("homes, 3 categories, first 50", "{ homes(categories: [\"convenience_store\", \"pharmacy\", \"breakfast\"], minutes: 6, first: 50) { totalCount edges { node { id } worstWalkMeters } } }");
        queries.put("gaps at 22:00, first 50", "{ gaps(category: \"pharmacy\", at: \"2026-12-02T22:00:00+08:00\", first: 50) { totalCount edges { node { id } } } }");
        queries.put("coverage of a community at 22:00", "{ coverage(communityId: \"c-18\", at: \"2026-12-02T22:00:00+08:00\") { completenessScore } }");
        queries.put("places open at 22:00, first 50", "{ places(filter: {kind: OUTLET}, openAt: \"2026-12-02T22:00:00+08:00\", first: 50) { totalCount edges { node { id } } } }");
        queries.put("reachable from a building open at 22:00, first 50", "{ reachable(from: {buildingId: \"b-01-001\"}, openAt: \"2026-12-02T22:00:00+08:00\", first: 50) { totalCount } }");
        queries.put("reachable from a building, step-free, first 50", "{ reachable(from: {buildingId: \"b-01-001\"}, avoid: [STEPS], first: 50) { totalCount } }");
        Map<String, double[]> measured = new LinkedHashMap<>();
        // the JIT warms on the first requests of the run, whatever they are: one untimed pass over every query first
        for (String query : queries.values()) {
            measure(query, warmup, 1);
        }
        for (var query : queries.entrySet()) {
            measured.put(query.getKey(), measure(query.getValue(), warmup, runs));
        }
        double baseline = measured.get("baseline: { __typename }")[0];
        System.out.printf(Locale.ROOT, "%n| request | median ms | work above baseline, ms | price, points |%n"
                + "|---|---:|---:|---:|%n");
        measured.forEach((name, m) -> System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.0f |%n", name, m[0],
                Math.max(0, m[0] - baseline), m[1]));
        System.out.printf(Locale.ROOT, "(%d warm-up and %d measured requests each, one at a time, JDK %s, %d cpus)%n",
                warmup, runs, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    }

    /** {median milliseconds, price in points as the answer reports it}. */
    private double[] measure(String query, int warmup, int runs) throws Exception {
        String body = json.writeValueAsString(Map.of("query", query));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        double[] millis = new double[runs];
        double price = 0;
        for (int i = -warmup; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - start;
            assertThat(response.body()).as(query).doesNotContain("\"errors\"");
            price = json.readTree(response.body()).at("/extensions/cost/requested").asDouble();
            if (i >= 0) {
                millis[i] = elapsed / 1e6;
            }
        }
        Arrays.sort(millis);
        return new double[] {millis[runs / 2], price};
    }
}
