package cn.nantong.livingcircle.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pricing a document before execution, on the real schema: every field instance counts, aliases and fragments too. */
class QueryCostTests {

    private static final String POINT = "{point: {lat: 32.0, lon: 120.86}}";
    private static GraphQLSchema schema;

    @BeforeAll
    static void readTheSchema() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file)));
            }
        }
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    private static long cost(String document) {
        return cost(document, Map.of());
    }

    private static long cost(String document, Map<String, Object> variables) {
        return QueryCost.of(schema, Parser.parse(document), null, CoercedVariables.of(variables));
    }

    @Test
    void plainFieldsCostNothingAndADatabaseLookupItsRoundTrip() {
        assertThat(cost("{ categories { code nameZh targetMinutes } }")).isZero();
        assertThat(cost("{ dataset { version licence } place(id: \"o-1\") { name } }"))
                .as("the dataset is cached; a place is one lookup").isEqualTo(QueryCost.DATABASE_QUERY);
    }

    @Test
    void anIsochroneCostsOneSearchPlusEveryDistinctLimit() {
        assertThat(cost("{ isochrone(from: " + POINT + ", minutes: [5, 10, 15, 15]) { minutes } }"))
                .isEqualTo(QueryCost.ISOCHRONE + 3L * QueryCost.ISOCHRONE_LIMIT);
        assertThat(cost("{ isochrone(from: " + POINT + ") { minutes } }"))
                .as("the default limits are 5, 10 and 15").isEqualTo(QueryCost.ISOCHRONE + 3L * QueryCost.ISOCHRONE_LIMIT);
    }

    @Test
    void everyAliasIsPricedSo200AliasedIsochronesCost200Times() {
        String one = "isochrone(from: " + POINT + ") { minutes }";
        String aliased = IntStream.range(0, 200).mapToObj(i -> "i" + i + ": " + one)
                .collect(Collectors.joining(" ", "{ ", " }"));
        assertThat(cost(aliased)).isEqualTo(200 * cost("{ " + one + " }"));
        assertThat(cost(aliased)).isGreaterThan(new QueryLimitsConfiguration.QueryLimits(15, 200_000, 2000, 100)
                .maxQueryCost());
    }

    @Test
    void aFragmentIsPricedAtEverySpread() {
        String document = """
                query { a: reachable(from: {buildingId: "b"}, first: 10) { ...page }
                        b: reachable(from: {buildingId: "b"}, first: 10) { ...page } }
                fragment page on ReachableConnection { totalCount }
                """;
        assertThat(cost(document)).isEqualTo(2 * (QueryCost.BUILDING_REACH + QueryCost.rows(10)));
    }

    @Test
    void aNestedPageIsOneBatchedQueryButItsRowsCountForEveryParent() {
        assertThat(cost("{ communities(first: 20) { edges { node { buildings(first: 5) { totalCount } } } } }"))
                .isEqualTo(QueryCost.COMMUNITY_PAGE + QueryCost.rows(20)
                        + QueryCost.DATABASE_QUERY + 20L * QueryCost.rows(5));
        assertThat(cost("{ communities { totalCount } }"))
                .isEqualTo(QueryCost.COMMUNITY_PAGE + QueryCost.rows(QueryCost.DEFAULT_PAGE));
    }

    @Test
    void theSameWalkCountsAliasesAtEveryFragmentSpread() {
        // a spread under two parents counts under each
        String document = """
                query { x: categories { ...g } y: categories { ...g } }
                fragment g on ServiceCategory { c: code }
                """;
        assertThat(QueryCost.measure(schema, Parser.parse(document), null, CoercedVariables.emptyVariables())
                .aliases()).isEqualTo(2 + 2);
    }

    @Test
    void aCostlyFieldInAFragmentIsPricedUnderEveryParentItIsSpreadIn() {
        String document = """
                query { a: communities(first: 2) { edges { node { ...b } } }
                        c: communities(first: 2) { edges { node { ...b } } } }
                fragment b on Community { buildings(first: 10) { totalCount } }
                """;
        long oneCommunityPage = QueryCost.COMMUNITY_PAGE + QueryCost.rows(2);
        long itsBuildings = QueryCost.DATABASE_QUERY + 2L * QueryCost.rows(10);
        assertThat(cost(document)).isEqualTo(2 * (oneCommunityPage + itsBuildings));
    }

    @Test
    void rowsArePricedOnePointPerTenStarted() {
        assertThat(QueryCost.rows(0)).isZero();
        assertThat(QueryCost.rows(1)).isEqualTo(1);
        assertThat(QueryCost.rows(10)).isEqualTo(1);
        assertThat(QueryCost.rows(11)).isEqualTo(2);
    }

    @Test
    void aPageOutsideItsRangeIsPricedAsOneRowForTheFieldRefusesItUnrun() {
        assertThat(cost("{ communities(first: 1000000) { totalCount } }"))
                .isEqualTo(QueryCost.COMMUNITY_PAGE + QueryCost.rows(1));
    }

    @Test
    void argumentsGivenAsVariablesArePricedAsTheirValues() {
        assertThat(cost("query($m: [Int!]) { isochrone(from: " + POINT + ", minutes: $m) { minutes } }",
                Map.of("m", java.util.List.of(5, 10))))
                .isEqualTo(QueryCost.ISOCHRONE + 2L * QueryCost.ISOCHRONE_LIMIT);
    }

    @Test
    void analyticsArePricedByTheWorkTheyAskFor() {
        assertThat(cost("{ siteSuggestions(category: \"pharmacy\", count: 4) { rank } }"))
                .isEqualTo(QueryCost.SITES + 4L * QueryCost.SITE);
        assertThat(cost("{ whatIf(add: [{category: \"pharmacy\", lat: 32, lon: 120.86}], remove: [\"o-1\", \"o-2\"]) "
                + "{ completenessAfter } }")).isEqualTo(QueryCost.WHAT_IF + 3L * QueryCost.WHAT_IF_PLACE);
        assertThat(cost("{ coverage(communityId: \"c-01\") { completenessScore } }")).isEqualTo(QueryCost.COVERAGE);
    }

    @Test
    void livableBuildingsCostTheirPageQueryOneScanPerCategoryAndTheRows() {
        assertThat(cost("{ livableBuildings(categories: [\"pharmacy\", \"breakfast\", \"laundry\"], first: 100) "
                + "{ totalCount edges { node { id residents } } } }"))
                .isEqualTo(QueryCost.DATABASE_QUERY + 3L * QueryCost.COVERAGE + 10);
    }

    @Test
    void aTimeOrAnObstacleMovesABuildingsReachInMemoryAndIsPricedForTheHoursEvaluated() {
        String building = "{buildingId: \"b-01-001\"}";
        long precomputed = cost("{ reachable(from: " + building + ", first: 10) { totalCount } }");
        assertThat(cost("{ reachable(from: " + building + ", avoid: [STEPS], first: 10) { totalCount } }"))
                .isEqualTo(QueryCost.POINT_SEARCH + 1).isNotEqualTo(precomputed);
        assertThat(cost("{ reachable(from: " + building + ", openAt: \"2026-12-02T22:00:00+08:00\", first: 10) "
                + "{ totalCount } }")).isEqualTo(QueryCost.POINT_SEARCH + QueryCost.OPEN_AT_SEARCH + 1);
        assertThat(cost("{ coverage(communityId: \"c-01\", at: \"2026-12-02T22:00:00+08:00\") { completenessScore } }"))
                .isEqualTo(QueryCost.COVERAGE + QueryCost.OPEN_AT_COVERAGE);
        assertThat(cost("{ route(from: " + POINT + ", toPlaceId: \"o-1\") { walkMeters } }")).isEqualTo(QueryCost.ROUTE);
    }
}
