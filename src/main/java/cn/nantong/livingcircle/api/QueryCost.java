package cn.nantong.livingcircle.api;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLSchema;

/**
 * The price of a whole GraphQL document in points, computed before any work from the fields it selects and their
 * arguments: every field instance counts, so an aliased field, or a fragment spread ten times, is priced every time.
 * One point stands for about 0.1 ms of server work on the 2-core reference machine; the weights come from
 * {@code scripts/bench-cost.sh} and are listed in the README's calibration table.
 *
 * <p>What is priced is work, not rows: each database round trip, a search from a point, an isochrone and each of its
 * limits, a coverage, each suggested site, a what-if, and the rows a page asks for. A plain field (a name, a nested
 * object already loaded) costs nothing; the breadth of a document is bounded separately by the depth and complexity
 * limits.
 */
final class QueryCost {

    /**
     * Weights in points (0.1 ms each), from {@code scripts/bench-cost.sh} on the demo data: the median time of each
     * request above one that runs no field ({@code { __typename }}), rounded. Analytics read caches of the current data
     * version, which is why they cost little; {@code dataset} is cached too and free.
     */
    /** Rows of a page per point: a row costs about 0.01-0.03 ms once its query runs. */
    static final int ROWS_PER_POINT = 10;
    /** One Cypher round trip of a field, such as {@code publishedFigures} or a page of communities: about 3.7 ms. */
    static final int DATABASE_QUERY = 37;
    /** A page of communities: one query with their areas and building counts. */
    static final int COMMUNITY_PAGE = 80;
    /** {@code reachable} from a building: the walking-edge expand and the page's places in one query. */
    static final int BUILDING_REACH = 58;
    /** {@code reachable} or {@code nearest} from a point: snap, search in memory, one query for the page's places. */
    static final int POINT_SEARCH = 50;
    /** An isochrone: snap, one search, and the outline of each limit. */
    static final int ISOCHRONE = 19;
    static final int ISOCHRONE_LIMIT = 2;
    static final int COVERAGE = 1;
    /**
     * An {@code openAt}/{@code at} on top of a field's own work: the places' hours evaluated at that moment, and for
     * {@code gaps(at:)} the category's distances searched from its places open then instead of the cached ones.
     */
    static final int OPEN_AT_SEARCH = 10;
    /** {@code coverage(at:)}: one multi-source search per catalogue category from its open places (2.3 ms on the demo). */
    static final int OPEN_AT_COVERAGE = 22;
    /** {@code places(openAt:)}: the open places' ids from memory, passed to the query as a list (3 ms on the demo). */
    static final int OPEN_AT_PLACES = 30;
    /** {@code route}: one search in memory, the path and line, the place (and a building's position) from the graph. */
    static final int ROUTE = 26;
    /** {@code siteSuggestions} in one community: the uncovered buildings, then a greedy pick per site. */
    static final int SITES = 2;
    static final int SITE = 1;
    static final int WHAT_IF = 1;
    static final int WHAT_IF_PLACE = 1;
    /**
     * {@code mapLayers}: a scan of the in-memory walkways and four queries (building and place ids through the point
     * indexes, then their projections). Estimated from those parts, not yet in the calibration table.
     */
    static final int MAP_LAYERS = 4 * DATABASE_QUERY + 2;
    /** Figures over the whole dataset, cached per data version. */
    static final int STATS = 1;
    /** {@code Dataset.extent}: a hull cached per data version, written out as GeoJSON (a few hundred positions). */
    static final int EXTENT = 1;
    /**
     * A maintenance write of a place: one write transaction (lock and read, upsert, reference check, the place's
     * walking edges rewritten after one bounded search, version stamp, audit entry) and the read of the result.
     */
    static final int MAINTENANCE_WRITE = 150;
    /**
     * {@code places}: one query that filters and counts every match, sorts the page and projects it; a filter on
     * areas (community, subdistrict, district) tests each place's relationships, about 15 ms on the demo data.
     */
    static final int PLACE_SEARCH = 130;
    /** {@code PlaceConnection.aggregate}: one grouped query over every match. */
    static final int PLACE_AGGREGATE = 50;
    /** {@code commercialCenters} and {@code buildings}: one query holding a count and a page. */
    static final int FILTERED_PAGE = 50;
    /** {@code Community.coverage} in a table: a coverage per community, cached per data version after the first. */
    static final int COMMUNITY_COVERAGE = 3;
    /** Page size assumed for a list whose {@code first} is omitted (the fields' default). */
    static final int DEFAULT_PAGE = 50;

    private QueryCost() {
    }

    /**
     * What one traversal of a document finds: its price in points, how many of its fields carry an alias, and how
     * many field instances run a search or computation in memory ({@link #isSearch}).
     */
    record Measure(long cost, long aliases, long searches) {
    }

    /** The price of the operation {@code operationName} (null: the only one) of {@code document}. */
    static long of(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        return measure(schema, document, operationName, variables).cost();
    }

    /**
     * Price and aliases of the operation in one walk over its fields as execution will run them: the normalized
     * operation expands every fragment under every parent it is spread in and merges what execution merges (the same
     * response key twice in one selection runs once), so a fragment reused under two aliases is priced twice.
     */
    static Measure measure(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory
                .createExecutableNormalizedOperation(schema, document, operationName, variables);
        long[] total = {0, 0, 0};
        for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
            add(field, 1, total);
        }
        return new Measure(total[0], total[1], total[2]);
    }

    /** Adds {@code field} and its children, {@code times} being how often it runs (the pages of its ancestors). */
    private static void add(ExecutableNormalizedField field, long times, long[] total) {
        if (field.getAlias() != null) {
            total[1]++;
        }
        Map<String, Object> arguments = field.getResolvedArguments();
        if (!field.getFieldName().startsWith("__")) {
            for (String type : field.getObjectTypeNames()) {
                Price price = field(type, field.getFieldName(), arguments);
                long each = saturatingAdd(price.each(), rows(price.rowsAsked()));
                total[0] = saturatingAdd(total[0], saturatingAdd(price.once(), saturatingMultiply(each, times)));
                if (isSearch(type, field.getFieldName(), arguments)) {
                    total[2] = saturatingAdd(total[2], times);
                }
            }
        }
        long childTimes = saturatingMultiply(times, pageOf(arguments));
        for (ExecutableNormalizedField child : field.getChildren()) {
            add(child, childTimes, total);
        }
    }

    /**
     * The price of one field instance: {@code once} for the work it does however many parents it runs under (a
     * batched query: the buildings of 20 communities are one query), {@code each} for every parent, and the rows it
     * asks for per parent ({@link #rows} points each), which the actual price replaces by the rows it returned.
     */
    record Price(long once, long each, long rowsAsked) {
        static final Price FREE = new Price(0, 0, 0);

        Price(long once, long each) {
            this(once, each, 0);
        }

        boolean isFree() {
            return once == 0 && each == 0 && rowsAsked == 0;
        }
    }

    static Price field(String parentType, String field, Map<String, Object> arguments) {
        return switch (parentType + "." + field) {
            case "Query.reachable" -> new Price(0, origin(arguments) + filter(arguments, origin(arguments) == POINT_SEARCH)
                    + openAt(arguments, "openAt", OPEN_AT_SEARCH), page(arguments.get("first")));
            case "Query.nearest" -> new Price(0, POINT_SEARCH + filter(arguments, true)
                    + openAt(arguments, "openAt", OPEN_AT_SEARCH), count(arguments.get("k"), 3));
            case "Query.places" -> new Price(0, PLACE_SEARCH + filter(arguments, false)
                    + openAt(arguments, "openAt", OPEN_AT_PLACES), page(arguments.get("first")));
            case "PlaceConnection.aggregate" -> new Price(0, PLACE_AGGREGATE);
            case "Query.commercialCenters", "Query.buildings" ->
                    new Price(0, FILTERED_PAGE, page(arguments.get("first")));
            case "Outlet.community", "Facility.community", "Outlet.commercialCenter", "CommercialCenter.community",
                    "CommercialCenter.outlets" -> new Price(DATABASE_QUERY, 0);
            case "Community.coverage" -> new Price(0, COMMUNITY_COVERAGE);
            // one search like a point's reachable, plus the place (and a building origin's position) from the graph
            case "Query.route" -> new Price(0, ROUTE);
            case "Query.isochrone" -> new Price(0, ISOCHRONE + (long) ISOCHRONE_LIMIT * limits(arguments.get("minutes")));
            case "Query.communities" -> new Price(0, COMMUNITY_PAGE, page(arguments.get("first")));
            case "Query.publishedFigures", "Query.building", "Query.community", "Query.place", "Query.livingCircle",
                    "Query.apiKeys", "Mutation.issueApiKey", "Mutation.revokeApiKey" ->
                    new Price(0, DATABASE_QUERY);
            case "Community.buildings" -> new Price(DATABASE_QUERY, 0, page(arguments.get("first")));
            case "Query.coverage" -> new Price(0, COVERAGE + openAt(arguments, "at", OPEN_AT_COVERAGE));
            case "Dataset.extent" -> new Price(EXTENT, 0);
            // A community filter is one more query (the communities it selects); the scan stays one per category.
            case "Query.gaps" -> new Price(0, DATABASE_QUERY + COVERAGE
                    + (arguments.get("filter") != null ? DATABASE_QUERY : 0)
                    + openAt(arguments, "at", OPEN_AT_SEARCH), page(arguments.get("first")));
            case "Query.livableBuildings", "Query.homes" -> new Price(0, DATABASE_QUERY + (long) COVERAGE
                    * Math.max(1, size(arguments.get("categories"))), page(arguments.get("first")));
            case "Query.siteSuggestions" -> new Price(0, SITES + (long) SITE * count(arguments.get("count"), 3));
            case "Query.whatIf" -> new Price(0, WHAT_IF + (long) WHAT_IF_PLACE * (size(arguments.get("add"))
                    + size(arguments.get("remove"))));
            case "Query.cityStats", "Query.programmeProgress" -> new Price(0, STATS);
            case "Mutation.createPlace", "Mutation.updatePlace", "Mutation.changePlaceCategory", "Mutation.movePlace",
                    "Mutation.closePlace" -> new Price(0, MAINTENANCE_WRITE);
            case "Query.changes" -> new Price(0, DATABASE_QUERY, page(arguments.get("first")));
            case "PlaceChange.place" -> new Price(DATABASE_QUERY, 0);
            case "Query.mapLayers" -> new Price(0, MAP_LAYERS);
            default -> Price.FREE;
        };
    }

    /**
     * What one run of a field actually cost: its price with the rows it returned in place of the rows it asked for.
     * {@code firstRun} carries the field's {@code once} (its batched query), paid by the first of its parents.
     */
    static long actual(Price price, long rowsReturned, boolean firstRun) {
        long rows = price.rowsAsked() == 0 ? 0 : rows(Math.min(rowsReturned, price.rowsAsked()));
        return saturatingAdd(firstRun ? price.once() : 0, saturatingAdd(price.each(), rows));
    }

    /**
     * Whether a field runs a search or computation over the in-memory network: an isochrone, a coverage, gaps,
     * livable buildings, site suggestions, a what-if, a {@code reachable} or {@code nearest} from a point, the map layers' scan of every walkway. Their prices reflect the demo data;
     * on a city-scale network they take tens of milliseconds and search memory each, which is why a request with one
     * of them takes a permit of the heavy-request pool whatever its price.
     */
    static boolean isSearch(String parentType, String field, Map<String, Object> arguments) {
        return switch (parentType + "." + field) {
            case "Query.isochrone", "Query.coverage", "Query.gaps", "Query.siteSuggestions", "Query.whatIf",
                    "Query.nearest", "Query.mapLayers", "Query.livableBuildings", "Query.route", "Query.homes" -> true;
            case "Query.reachable" -> origin(arguments) == POINT_SEARCH;
            default -> false;
        };
    }

    /** How many elements a field returns that its children run for: its page ({@code first}, {@code k}, {@code count}). */
    private static long pageOf(Map<String, Object> arguments) {
        if (arguments.containsKey("first")) {
            return page(arguments.get("first"));
        }
        if (arguments.containsKey("k")) {
            return count(arguments.get("k"), 3);
        }
        if (arguments.containsKey("count")) {
            return count(arguments.get("count"), 3);
        }
        return 1;
    }

    /**
     * The extra work of a place {@code filter} argument: a query per name search in it (Chinese names are looked up in
     * the full-text index first; the others scan, which costs about as much), and, for a search in memory
     * ({@code inMemory}), one query for the ids of the matching places.
     */
    /** {@code points} when the time argument {@code name} is set. */
    private static long openAt(Map<String, Object> arguments, String name, int points) {
        return arguments.get(name) != null ? points : 0;
    }

    private static long filter(Map<String, Object> arguments, boolean inMemory) {
        Object filter = arguments.get("filter");
        if (filter == null) {
            return 0;
        }
        return (long) DATABASE_QUERY * (nameSearches(filter) + (inMemory ? 1 : 0));
    }

    private static long nameSearches(Object filter) {
        if (!(filter instanceof Map<?, ?> map)) {
            return 0;
        }
        long count = map.get("nameContains") instanceof String ? 1 : 0;
        for (String nested : List.of("AND", "OR")) {
            if (map.get(nested) instanceof List<?> list) {
                for (Object element : list) {
                    count = saturatingAdd(count, nameSearches(element));
                }
            }
        }
        return saturatingAdd(count, nameSearches(map.get("NOT")));
    }

        /** Points for a number of rows: one per {@link #ROWS_PER_POINT} started. */
    static long rows(long count) {
        return (count + ROWS_PER_POINT - 1) / ROWS_PER_POINT;
    }

    /** A point origin, or any origin with {@code openAt} or {@code avoid}, is answered by a search in memory. */
    private static long origin(Map<String, Object> arguments) {
        boolean inMemory = arguments.get("from") instanceof Map<?, ?> from && from.get("point") != null
                || arguments.get("openAt") != null
                || arguments.get("avoid") instanceof java.util.Collection<?> avoid && !avoid.isEmpty();
        return inMemory ? POINT_SEARCH : BUILDING_REACH;
    }

    /**
     * The rows a page will return. A {@code first} outside 0..the cap is refused by the field itself with a clearer
     * OUT_OF_RANGE, doing no work, so it is priced as a single row rather than refused here as too costly.
     */
    private static int page(Object first) {
        if (!(first instanceof Number n)) {
            return DEFAULT_PAGE;
        }
        int size = n.intValue();
        return size < 0 || size > PageRequest.MAX_FIRST ? 1 : Math.max(1, size);
    }

    private static int count(Object value, int otherwise) {
        return value instanceof Number n ? Math.max(1, Math.min(1_000, n.intValue())) : otherwise;
    }

    /** Distinct time limits (the service drops duplicates), 3 when omitted. */
    private static int limits(Object minutes) {
        if (!(minutes instanceof Collection<?> list)) {
            return 3;
        }
        Set<Object> distinct = new HashSet<>(list);
        return Math.max(1, distinct.size());
    }

    private static int size(Object list) {
        return list instanceof List<?> l ? l.size() : 0;
    }

    private static long saturatingMultiply(long a, long b) {
        long product = a * b;
        return a != 0 && (product / a != b || product < 0) ? Long.MAX_VALUE : product;
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
