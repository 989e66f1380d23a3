package cn.nantong.livingcircle.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.search.DemoCsv.Place;
import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.NotificationClassification;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.GqlNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code places}: every filter, combination and order against the set computed from the demo CSVs, and the
 * aggregates against counts computed here.
 */
@ApplicationIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaceSearchIT {

    WebGraphQlTester graphQl;

    /** Every new filter shape is planned once by Neo4j, which takes longer than the tester's default 5 s on a busy machine. */
    @Autowired
    void tester(WebGraphQlTester tester) {
        this.graphQl = tester.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }

    @Autowired
    Driver driver;

    @Autowired
    PlaceFilters filters;

    DemoCsv csv;

    @BeforeAll
    void readCsv() throws IOException {
        csv = new DemoCsv();
    }

    // ------------------------------------------------------------------ each filter

    @Test
    void categoriesTierAndFunctionMatchTheCategoriesOfTheCatalogue() {
        assertFinds(Map.of("categories", List.of("pharmacy", "clinic")),
                p -> p.category().equals("pharmacy") || p.category().equals("clinic"));
        assertFinds(Map.of("tier", "QUALITY"), p -> csv.categories.get(p.category()).tier().equals("QUALITY"));
        assertFinds(Map.of("function", "CULTURE"), p -> csv.categories.get(p.category()).function().equals("CULTURE"));
    }

    @Test
    void kindAndFacilityKindSeparateOutletsFromFacilities() {
        assertFinds(Map.of("kind", "FACILITY"), p -> !p.outlet());
        assertFinds(Map.of("kind", "OUTLET"), Place::outlet);
        assertFinds(Map.of("facilityKinds", List.of("CLINIC", "LIBRARY")),
                p -> "CLINIC".equals(p.facilityKind()) || "LIBRARY".equals(p.facilityKind()));
    }

    @Test
    void communitySubdistrictAndDistrictFindThePlacesOfThoseAreas() {
        assertFinds(Map.of("communityIds", List.of("c-01", "c-05")),
                p -> p.communityId().equals("c-01") || p.communityId().equals("c-05"));
        assertFinds(Map.of("subdistricts", List.of("sd-rengang")), p -> "sd-rengang".equals(csv.subdistrictOf(p)));
        String name = csv.subdistrictNames.get("sd-rengang");
        assertFinds(Map.of("subdistricts", List.of(name)), p -> "sd-rengang".equals(csv.subdistrictOf(p)));
        String district = csv.districtNames.get("d-chongchuan");
        assertFinds(Map.of("districts", List.of(district)), p -> "d-chongchuan".equals(csv.districtOf(p)));
        assertFinds(Map.of("districts", List.of("d-nowhere")), p -> false);
    }

    @Test
    void chainBrandAndNewOrRenovatedMatchOutletsOnly() {
        assertFinds(Map.of("chain", true), p -> p.outlet() && p.chain());
        assertFinds(Map.of("chain", false), p -> p.outlet() && !p.chain());
        assertFinds(Map.of("brands", List.of("全家", "罗森")), p -> "全家".equals(p.brand()) || "罗森".equals(p.brand()));
        assertFinds(Map.of("newOrRenovated", true), p -> p.outlet() && p.newOrRenovated());
        assertFinds(Map.of("newOrRenovated", true, "renovatedYear", 2024),
                p -> p.outlet() && p.newOrRenovated() && Integer.valueOf(2024).equals(p.renovatedYear()));
    }

    @Test
    void commercialCentreFiltersFindTheirOutlets() {
        assertFinds(Map.of("commercialCenterIds", List.of("cc-01", "cc-02")),
                p -> "cc-01".equals(p.centerId()) || "cc-02".equals(p.centerId()));
        assertFinds(Map.of("inCommercialCenter", true), p -> p.centerId() != null);
        assertFinds(Map.of("inCommercialCenter", false), p -> p.centerId() == null);
    }

    @Test
    void boundingBoxAndDistanceFindThePlacesInsideTheArea() {
        Map<String, Object> box = Map.of("south", 32.0, "west", 120.86, "north", 32.01, "east", 120.875);
        assertFinds(Map.of("boundingBox", box),
                p -> p.lat() >= 32.0 && p.lat() <= 32.01 && p.lon() >= 120.86 && p.lon() <= 120.875);
        double lat = 32.0;
        double lon = 120.868;
        // a radius with no place within a metre of the circle, so rounding cannot decide a place's side
        double radius = java.util.stream.IntStream.iterate(400, r -> r + 7).mapToDouble(r -> r)
                .filter(r -> csv.places.stream()
                        .noneMatch(p -> Math.abs(DemoCsv.distanceMeters(lat, lon, p.lat(), p.lon()) - r) < 1))
                .findFirst().orElseThrow();
        assertFinds(Map.of("near", Map.of("point", Map.of("lat", lat, "lon", lon), "withinMeters", radius)),
                p -> DemoCsv.distanceMeters(lat, lon, p.lat(), p.lon()) <= radius);
    }

    @Test
    void chineseNameSearchFindsEveryPlaceWhoseNameContainsTheText() {
        for (String text : List.of("药房", "国大药房", "便利", "社区卫生服务", "店", "(", "Zzz不存在")) {
            assertFinds(Map.of("nameContains", text), p -> p.name().contains(text));
        }
        assertThat(csv.places.stream().filter(p -> p.name().contains("药房")).count()).as("the demo has pharmacies")
                .isGreaterThan(5);
    }

    @Test
    void andOrAndNotCombineFilters() {
        Map<String, Object> filter = Map.of(
                "OR", List.of(Map.of("categories", List.of("pharmacy")), Map.of("brands", List.of("全家"))),
                "NOT", Map.of("communityIds", List.of("c-01")),
                "AND", List.of(Map.of("subdistricts", List.of("sd-rengang", "sd-tianshenggang")),
                        Map.of("NOT", Map.of("nameContains", "大药房"))));
        assertFinds(filter, p -> (p.category().equals("pharmacy") || "全家".equals(p.brand()))
                && !p.communityId().equals("c-01")
                && Set.of("sd-rengang", "sd-tianshenggang").contains(csv.subdistrictOf(p))
                && !p.name().contains("大药房"));
        assertFinds(Map.of("OR", List.of()), p -> false);
        assertFinds(Map.of("AND", List.of()), p -> true);
    }

    @Test
    void aFilterWithEveryConditionCompilesToCurrentCypher() {
        Map<String, Object> every = new LinkedHashMap<>();
        every.put("categories", List.of("pharmacy"));
        every.put("tier", "BASIC");
        every.put("function", "SERVICE");
        every.put("kind", "OUTLET");
        every.put("facilityKinds", List.of("CLINIC"));
        every.put("communityIds", List.of("c-01"));
        every.put("subdistricts", List.of("sd-rengang"));
        every.put("districts", List.of("d-chongchuan"));
        every.put("brands", List.of("全家"));
        every.put("newOrRenovated", true);
        every.put("renovatedYear", 2024);
        every.put("commercialCenterIds", List.of("cc-01"));
        every.put("inCommercialCenter", true);
        every.put("boundingBox", Map.of("south", 32.0, "west", 120.0, "north", 33.0, "east", 121.0));
        every.put("near", Map.of("point", Map.of("lat", 32.0, "lon", 120.86), "withinMeters", 100.0));
        every.put("nameContains", "药房");
        every.put("NOT", Map.of("nameContains", "x"));
        every.put("OR", List.of(Map.of("chain", false)));
        PlaceFilter filter = new tools.jackson.databind.json.JsonMapper().convertValue(every, PlaceFilter.class);
        PlaceFilters.Predicate predicate = filters.compile(filter, "filter");
        try (Session session = driver.session()) {
            var statuses = session.run("EXPLAIN " + predicate.into("MATCH (p:Place) WHERE $placeFilter RETURN p.id"),
                    predicate.parameters()).consume().gqlStatusObjects();
            assertThat(statuses).noneMatch(s -> s instanceof GqlNotification n && n.classification()
                    .filter(NotificationClassification.DEPRECATION::equals).isPresent());
        }
        assertFinds(every, p -> false);
    }

    // ------------------------------------------------------------------ orders and pages

    @Test
    void nameOrderPagesThroughEveryMatchInCodePointOrder() {
        Map<String, Object> filter = Map.of("communityIds", List.of("c-03", "c-04"));
        Comparator<Place> byName = Comparator.comparing(Place::name).thenComparing(Place::id);
        List<String> expected = expected(filter(filter), byName);
        assertThat(pagedIds(filter, "NAME_ASC", null, 37)).isEqualTo(expected);
        assertThat(pagedIds(filter, "NAME_DESC", null, 41)).isEqualTo(expected(filter(filter),
                Comparator.comparing(Place::name).reversed().thenComparing(Place::id)));
    }

    @Test
    void floorAreaOrderPutsPlacesWithoutAnAreaLast() {
        Map<String, Object> filter = Map.of("communityIds", List.of("c-02"));
        Comparator<Place> ascending = Comparator.comparing((Place p) -> p.floorArea() == null ? 1 : 0)
                .thenComparing(p -> p.floorArea() == null ? 0 : p.floorArea()).thenComparing(Place::id);
        Comparator<Place> descending = Comparator.comparing((Place p) -> p.floorArea() == null ? 1 : 0)
                .thenComparing(p -> p.floorArea() == null ? 0 : -p.floorArea()).thenComparing(Place::id);
        assertThat(filter(filter)).anyMatch(p -> p.floorArea() == null);
        assertThat(pagedIds(filter, "FLOOR_AREA_ASC", null, 30)).isEqualTo(expected(filter(filter), ascending));
        assertThat(pagedIds(filter, "FLOOR_AREA_DESC", null, 30)).isEqualTo(expected(filter(filter), descending));
    }

    @Test
    void distanceOrderIsNearestFirstWithTheStraightLineDistance() {
        double lat = 32.0;
        double lon = 120.86;
        Map<String, Object> filter = Map.of("near", Map.of("point", Map.of("lat", lat, "lon", lon),
                "withinMeters", 1500.0));
        Map<String, Object> from = Map.of("lat", lat, "lon", lon);
        List<Map<String, Object>> edges = new ArrayList<>();
        String after = null;
        do {
            GraphQlTester.Response page = places(filter, "DISTANCE_ASC", from, 45, after);
            edges.addAll(page.path("places.edges").entityList(Map.class).get().stream()
                    .map(e -> (Map<String, Object>) e).toList());
            after = page.path("places.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("places.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        Map<String, Place> byId = csv.places.stream().collect(Collectors.toMap(Place::id, p -> p));
        assertThat(edges.stream().map(e -> ((Map<?, ?>) e.get("node")).get("id")).collect(Collectors.toSet()))
                .isEqualTo(filter(filter).stream().map(Place::id).collect(Collectors.toSet()));
        double previous = 0;
        for (Map<String, Object> edge : edges) {
            Place p = byId.get((String) ((Map<?, ?>) edge.get("node")).get("id"));
            double reported = ((Number) edge.get("distanceMeters")).doubleValue();
            assertThat(reported).isCloseTo(DemoCsv.distanceMeters(lat, lon, p.lat(), p.lon()), within(0.1));
            assertThat(reported).isGreaterThanOrEqualTo(previous - 0.1);
            previous = reported;
        }
    }

    @Test
    void badArgumentsAreTypedErrors() {
        places(Map.of("OR", java.util.Collections.nCopies(20, Map.of("chain", true))), null, null, 5, null).errors()
                .expect(e -> "OUT_OF_RANGE".equals(e.getExtensions().get("code"))).verify();
        places(Map.of("near", Map.of("point", Map.of("lat", 32.0, "lon", 120.86), "withinMeters", 1e6)), null, null,
                5, null).errors().expect(e -> "OUT_OF_RANGE".equals(e.getExtensions().get("code"))).verify();
        places(Map.of(), "DISTANCE_ASC", null, 5, null).errors()
                .expect(e -> "BAD_USER_INPUT".equals(e.getExtensions().get("code"))).verify();
        places(Map.of("categories", List.of("nope")), null, null, 5, null).errors()
                .expect(e -> "UNKNOWN_CATEGORY".equals(e.getExtensions().get("code"))).verify();
        places(Map.of(), "NAME_ASC", null, 5, "bm90LWEtY3Vyc29y").errors()
                .expect(e -> "INVALID_CURSOR".equals(e.getExtensions().get("code"))).verify();
    }

    // ------------------------------------------------------------------ aggregates

    @Test
    void aggregatesEqualTheCountsAndAreasOfTheMatchingRows() {
        for (Map<String, Object> filter : List.<Map<String, Object>>of(Map.of(),
                Map.of("communityIds", List.of("c-07")), Map.of("nameContains", "药房"),
                Map.of("kind", "FACILITY"))) {
            List<Place> matching = filter(filter);
            GraphQlTester.Response response = graphQl.documentName("placesAggregate").variable("filter", filter)
                    .execute();
            assertThat(response.path("places.aggregate.count").entity(Integer.class).get()).isEqualTo(matching.size());
            assertThat(response.path("places.totalCount").entity(Integer.class).get()).isEqualTo(matching.size());
            Map<String, Integer> byCategory = new TreeMap<>();
            Map<String, Integer> byTier = new TreeMap<>();
            matching.forEach(p -> {
                byCategory.merge(p.category(), 1, Integer::sum);
                byTier.merge(csv.categories.get(p.category()).tier(), 1, Integer::sum);
            });
            Map<String, Integer> answeredCategories = new TreeMap<>();
            response.path("places.aggregate.byCategory").entityList(Map.class).get().forEach(m ->
                    answeredCategories.put((String) ((Map<?, ?>) m.get("category")).get("code"),
                            ((Number) m.get("count")).intValue()));
            assertThat(answeredCategories).isEqualTo(byCategory);
            Map<String, Integer> answeredTiers = new TreeMap<>();
            response.path("places.aggregate.byTier").entityList(Map.class).get().forEach(m ->
                    answeredTiers.put((String) m.get("tier"), ((Number) m.get("count")).intValue()));
            assertThat(answeredTiers).isEqualTo(byTier);
            List<Double> areas = matching.stream().map(Place::floorArea).filter(a -> a != null).toList();
            Map<String, Object> area = response.path("places.aggregate.floorAreaSquareMeters").entity(Map.class).get();
            assertThat(((Number) area.get("count")).intValue()).isEqualTo(areas.size());
            if (areas.isEmpty()) {
                assertThat(area.get("sum")).isNull();
                continue;
            }
            double sum = areas.stream().mapToDouble(Double::doubleValue).sum();
            assertThat(((Number) area.get("sum")).doubleValue()).isCloseTo(sum, within(1e-6));
            assertThat(((Number) area.get("min")).doubleValue())
                    .isEqualTo(areas.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
            assertThat(((Number) area.get("max")).doubleValue())
                    .isEqualTo(areas.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            assertThat(((Number) area.get("avg")).doubleValue()).isCloseTo(sum / areas.size(), within(0.005));
        }
    }

    // ------------------------------------------------------------------ relations

    @Test
    void aPlaceKnowsItsCommunityAndItsCommercialCentre() {
        Map<String, Object> filter = Map.of("communityIds", List.of("c-01"));
        Map<String, Place> byId = csv.places.stream().collect(Collectors.toMap(Place::id, p -> p));
        int seen = 0;
        int inCentre = 0;
        String after = null;
        do {
            GraphQlTester.Response page = graphQl.documentName("placesRelations").variable("filter", filter)
                    .variable("after", after).execute();
            for (Object o : page.path("places.edges[*].node").entityList(Map.class).get()) {
                Map<?, ?> node = (Map<?, ?>) o;
                Place p = byId.get((String) node.get("id"));
                assertThat(((Map<?, ?>) node.get("community")).get("id")).isEqualTo(p.communityId());
                Map<?, ?> centre = (Map<?, ?>) node.get("commercialCenter");
                if (p.centerId() == null) {
                    assertThat(centre).isNull();
                } else {
                    inCentre++;
                    assertThat(centre.get("id")).isEqualTo(p.centerId());
                    assertThat(((Map<?, ?>) centre.get("community")).get("id"))
                            .isEqualTo(csv.communityOfCenter.get(p.centerId()));
                }
                seen++;
            }
            after = page.path("places.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("places.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        assertThat(seen).isEqualTo(filter(filter).size());
        assertThat(inCentre).isPositive();
    }

    @Test
    void commercialCentresListTheirOutlets() {
        GraphQlTester.Response all = graphQl.documentName("commercialCenters").variable("first", 100).execute();
        assertThat(all.path("commercialCenters.totalCount").entity(Integer.class).get())
                .isEqualTo(csv.communityOfCenter.size());
        Map<String, List<String>> outletsByCentre = new HashMap<>();
        csv.places.stream().filter(p -> p.centerId() != null).sorted(Comparator.comparing(Place::id))
                .forEach(p -> outletsByCentre.computeIfAbsent(p.centerId(), c -> new ArrayList<>()).add(p.id()));
        for (Object o : all.path("commercialCenters.edges[*].node").entityList(Map.class).get()) {
            Map<?, ?> node = (Map<?, ?>) o;
            String id = (String) node.get("id");
            assertThat(((Map<?, ?>) node.get("community")).get("id")).isEqualTo(csv.communityOfCenter.get(id));
            assertThat(node.get("outlets")).as(id).isEqualTo(outletsByCentre.getOrDefault(id, List.of()).stream()
                    .map(outlet -> Map.of("id", outlet)).toList());
        }
        GraphQlTester.Response filtered = graphQl.documentName("commercialCenters")
                .variable("filter", Map.of("communityIds", List.of("c-01"), "newOrRenovated", true))
                .variable("first", 100).execute();
        assertThat(filtered.path("commercialCenters.edges[*].node.id").entityList(String.class).get())
                .isEqualTo(csv.communityOfCenter.keySet().stream()
                        .filter(c -> csv.communityOfCenter.get(c).equals("c-01") && csv.centerNewOrRenovated.get(c))
                        .sorted().toList());
    }

    @Test
    void buildingSearchFiltersByNameCommunityAndBoundingBox() {
        Map<String, Object> box = Map.of("south", 32.0, "west", 120.78, "north", 32.04, "east", 120.80);
        Map<String, Object> filter = Map.of("communityIds", List.of("c-01", "c-02"), "nameContains", "1",
                "boundingBox", box);
        List<String> expected = csv.buildings.stream()
                .filter(b -> Set.of("c-01", "c-02").contains(b.get("community_id")) && b.get("name").contains("1"))
                .filter(b -> {
                    double lat = Double.parseDouble(b.get("lat"));
                    double lon = Double.parseDouble(b.get("lon"));
                    return lat >= 32.0 && lat <= 32.04 && lon >= 120.78 && lon <= 120.80;
                })
                .map(b -> b.get("id")).sorted().toList();
        assertThat(expected).isNotEmpty();
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            GraphQlTester.Response page = graphQl.documentName("buildingsSearch").variable("filter", filter)
                    .variable("first", 7).variable("after", after).execute();
            assertThat(page.path("buildings.totalCount").entity(Integer.class).get()).isEqualTo(expected.size());
            ids.addAll(page.path("buildings.edges[*].node.id").entityList(String.class).get());
            after = page.path("buildings.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("buildings.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        assertThat(ids).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ reachable and nearest

    @Test
    void reachableAndNearestTakeThePlaceFilter() {
        Map<String, Object> chainOutlets = Map.of("chain", true, "kind", "OUTLET");
        Set<String> chains = filter(chainOutlets).stream().map(Place::id).collect(Collectors.toSet());
        for (Map<String, Object> from : List.<Map<String, Object>>of(Map.of("buildingId", "b-03-010"),
                Map.of("point", Map.of("lat", 32.0, "lon", 120.86)))) {
            List<String> all = reachableIds(from, null);
            List<String> filtered = reachableIds(from, chainOutlets);
            assertThat(filtered).isNotEmpty().isEqualTo(all.stream().filter(chains::contains).toList());
            List<String> nearestAll = graphQl.documentName("nearestFiltered").variable("from", from)
                    .variable("category", "convenience_store").variable("k", 20).execute()
                    .path("nearest[*].place.id").entityList(String.class).get();
            List<String> nearestChains = graphQl.documentName("nearestFiltered").variable("from", from)
                    .variable("category", "convenience_store").variable("k", 2).variable("filter", chainOutlets)
                    .execute().path("nearest[*].place.id").entityList(String.class).get();
            assertThat(nearestChains).isNotEmpty()
                    .isEqualTo(nearestAll.stream().filter(chains::contains).limit(2).toList());
        }
    }

    // ------------------------------------------------------------------ helpers

    private List<String> reachableIds(Map<String, Object> from, Map<String, Object> filter) {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            GraphQlTester.Response page = graphQl.documentName("reachableFiltered").variable("from", from)
                    .variable("filter", filter).variable("after", after).execute();
            ids.addAll(page.path("reachable.edges[*].node.place.id").entityList(String.class).get());
            after = page.path("reachable.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("reachable.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        return ids;
    }

    private List<Place> filter(Map<String, Object> filter) {
        return csv.places.stream().filter(matcher(filter)).toList();
    }

    /** Only for the filters of {@link #nameOrderPagesThroughEveryMatchInCodePointOrder} and its siblings. */
    private Predicate<Place> matcher(Map<String, Object> filter) {
        if (filter.isEmpty()) {
            return p -> true;
        }
        if (filter.containsKey("communityIds")) {
            List<?> ids = (List<?>) filter.get("communityIds");
            Predicate<Place> inCommunity = p -> ids.contains(p.communityId());
            return filter.size() == 1 ? inCommunity : inCommunity.and(matcher(without(filter, "communityIds")));
        }
        if (filter.containsKey("near")) {
            Map<?, ?> near = (Map<?, ?>) filter.get("near");
            Map<?, ?> point = (Map<?, ?>) near.get("point");
            double lat = ((Number) point.get("lat")).doubleValue();
            double lon = ((Number) point.get("lon")).doubleValue();
            double radius = ((Number) near.get("withinMeters")).doubleValue();
            return p -> DemoCsv.distanceMeters(lat, lon, p.lat(), p.lon()) <= radius;
        }
        if (filter.containsKey("nameContains")) {
            String text = (String) filter.get("nameContains");
            return p -> p.name().contains(text);
        }
        if (filter.containsKey("kind")) {
            boolean outlet = filter.get("kind").equals("OUTLET");
            Predicate<Place> kind = p -> p.outlet() == outlet;
            if (filter.containsKey("chain")) {
                return kind.and(p -> p.chain() == (Boolean) filter.get("chain"));
            }
            return kind;
        }
        throw new IllegalArgumentException("no CSV matcher for " + filter);
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.remove(key);
        return copy;
    }

    private static List<String> expected(List<Place> places, Comparator<Place> order) {
        return places.stream().sorted(order).map(Place::id).toList();
    }

    private void assertFinds(Map<String, Object> filter, Predicate<Place> expected) {
        List<String> wanted = csv.places.stream().filter(expected).map(Place::id).sorted().toList();
        List<String> found = pagedIds(filter, "NAME_ASC", null, 100);
        assertThat(found.stream().sorted().toList()).as("places(filter: %s)", filter).isEqualTo(wanted);
    }

    private List<String> pagedIds(Map<String, Object> filter, String orderBy, Map<String, Object> from, int first) {
        List<String> ids = new ArrayList<>();
        String after = null;
        Integer total = null;
        do {
            GraphQlTester.Response page = places(filter, orderBy, from, first, after);
            int pageTotal = page.path("places.totalCount").entity(Integer.class).get();
            assertThat(total == null || total == pageTotal).isTrue();
            total = pageTotal;
            ids.addAll(page.path("places.edges[*].node.id").entityList(String.class).get());
            after = page.path("places.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("places.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        assertThat(ids).hasSize(total).doesNotHaveDuplicates();
        return ids;
    }

    private GraphQlTester.Response places(Map<String, Object> filter, String orderBy, Map<String, Object> from,
            int first, String after) {
        return graphQl.documentName("places").variable("filter", filter).variable("orderBy", orderBy)
                .variable("orderFrom", from).variable("first", first).variable("after", after).execute();
    }
}
