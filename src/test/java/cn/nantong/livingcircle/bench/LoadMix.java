package cn.nantong.livingcircle.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import tools.jackson.databind.json.JsonMapper;

/**
 * The load generator's request sequence: request {@code i} of a seed is always the same request on the same
 * {@link LoadTargets}, whichever thread sends it and whenever (each index has its own random stream), so two runs
 * with one seed send the same requests in the same order of tickets.
 *
 * <p>The mix is what the API's users do most: {@code reachable} from a building 60 % (the Baitong app's home
 * screen), from a point 15 % (a map click or GPS fix), a community's {@code coverage} 10 % (planners, journalists),
 * search and browse 15 % ({@code places} with a filter 6 %, the {@code communities} table 4.5 %, {@code buildings}
 * with a filter 4.5 %).
 */
final class LoadMix {

    /** The kinds of request, with their share in thousandths. */
    enum Kind {
        REACHABLE_FROM_BUILDING(600, "reachable-building"),
        REACHABLE_FROM_POINT(150, "reachable-point"),
        COVERAGE(100, "coverage"),
        PLACES(60, "places"),
        COMMUNITIES(45, "communities"),
        BUILDINGS(45, "buildings");

        final int perMille;
        final String document;

        Kind(int perMille, String document) {
            this.perMille = perMille;
            this.document = document;
        }

        /** Search and browse: the 15 % that are neither reachability nor coverage. */
        boolean searchOrBrowse() {
            return this == PLACES || this == COMMUNITIES || this == BUILDINGS;
        }
    }

    /** One request: its kind, and the JSON body to POST. */
    record Request(long index, Kind kind, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int[] MINUTES = {5, 10, 15};
    private static final String[] COMMUNITY_ORDERS = {"ID_ASC", "NAME_ASC", "RESIDENTS_DESC", "COMPLETENESS_ASC",
            "COMPLETENESS_DESC"};

    private final LoadTargets targets;
    private final long seed;
    private final Map<Kind, String> documents = new EnumMap<>(Kind.class);

    LoadMix(LoadTargets targets, long seed) {
        this.targets = targets;
        this.seed = seed;
        for (Kind kind : Kind.values()) {
            documents.put(kind, document(kind.document));
        }
    }

    /** The GraphQL document of a file under {@code src/test/resources/load/}. */
    static String document(String name) {
        try (InputStream in = LoadMix.class.getResourceAsStream("/load/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalStateException("no GraphQL document load/" + name + ".graphql on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Request {@code index} of this seed's sequence. */
    Request request(long index) {
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        Kind kind = kind(random.nextInt(1000));
        Map<String, Object> variables = new LinkedHashMap<>();
        switch (kind) {
            case REACHABLE_FROM_BUILDING -> {
                variables.put("building", pick(random, targets.buildingIds()));
                variables.put("minutes", MINUTES[random.nextInt(MINUTES.length)]);
                // a quarter of the app's home screens are filtered to one category
                variables.put("categories", random.nextInt(4) == 0 ? List.of(pick(random, targets.categoryCodes())) : null);
            }
            case REACHABLE_FROM_POINT -> {
                double[] point = pick(random, targets.points());
                variables.put("lat", point[0]);
                variables.put("lon", point[1]);
                variables.put("minutes", MINUTES[random.nextInt(MINUTES.length)]);
            }
            case COVERAGE -> variables.put("community", pick(random, targets.communityIds()));
            case PLACES -> {
                switch (random.nextInt(3)) {
                    case 0 -> variables.put("filter", Map.of("categories", List.of(pick(random, targets.categoryCodes()))));
                    case 1 -> variables.put("filter", Map.of("communityIds", List.of(pick(random, targets.communityIds()))));
                    default -> {
                        double[] point = pick(random, targets.points());
                        Map<String, Object> at = Map.of("lat", point[0], "lon", point[1]);
                        variables.put("filter", Map.of("near", Map.of("point", at, "withinMeters", 800)));
                        variables.put("orderBy", "DISTANCE_ASC");
                        variables.put("orderFrom", at);
                    }
                }
            }
            case COMMUNITIES -> {
                variables.put("orderBy", List.of(COMMUNITY_ORDERS[random.nextInt(COMMUNITY_ORDERS.length)]));
                variables.put("first", 20);
            }
            case BUILDINGS -> {
                if (random.nextBoolean()) {
                    variables.put("filter", Map.of("communityIds", List.of(pick(random, targets.communityIds()))));
                }
                else {
                    double[] point = pick(random, targets.points());
                    // about 600 m by 600 m around the point
                    double dLat = 0.0027;
                    double dLon = 0.0027 / Math.cos(Math.toRadians(point[0]));
                    variables.put("filter", Map.of("boundingBox", Map.of("south", point[0] - dLat,
                            "west", point[1] - dLon, "north", point[0] + dLat, "east", point[1] + dLon)));
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", documents.get(kind));
        body.put("operationName", operationName(documents.get(kind)));
        body.put("variables", variables);
        return new Request(index, kind, JSON.writeValueAsString(body));
    }

    /** The first {@code count} requests of the sequence. */
    List<Request> requests(int count) {
        List<Request> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(request(i));
        }
        return requests;
    }

    static Kind kind(int perMille) {
        int bound = 0;
        for (Kind kind : Kind.values()) {
            bound += kind.perMille;
            if (perMille < bound) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not in 0..999: " + perMille);
    }

    private static String operationName(String document) {
        int start = document.indexOf("query ") + "query ".length();
        int end = start;
        while (end < document.length() && Character.isJavaIdentifierPart(document.charAt(end))) {
            end++;
        }
        return document.substring(start, end);
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A stream per (seed, index): the finaliser of SplitMix64 over both, so neighbouring indices are unrelated. */
    private static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
