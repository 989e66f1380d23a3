package cn.nantong.livingcircle.reachability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.engine.ReachedPlace;
import cn.nantong.livingcircle.geo.Gcj02;
import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Point origins, {@code nearest} and {@code isochrone} on the Nantong demo data, against the building path. */
@ApplicationIT
class PointReachabilityIT {

    private static final double ADULT_M_PER_MIN = 5000.0 / 60.0;

    @Autowired
    WebGraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Autowired
    ReachabilityService reachability;

    @Autowired
    IsochroneService isochrones;

    /**
     * A building is attached at the projection of its own location, so a point at that location snaps to the same
     * segment, within a millimetre of the same offset: the same places, the same whole metres give or take 1.
     */
    @Test
    void pointAtABuildingsLocationReachesWhatTheBuildingReaches() {
        int compared = 0;
        for (BuildingAt building : someBuildings(5, 11)) {
            Map<String, Integer> fromBuilding = allPages(p -> graphQl.documentName("reachable")
                    .variable("buildingId", building.id()).variable("minutes", 15).variable("first", 100)
                    .variable("after", p).execute());
            Map<String, Integer> fromPoint = allPages(p -> graphQl.documentName("reachablePoint")
                    .variable("lat", building.lat()).variable("lon", building.lon()).variable("minutes", 15)
                    .variable("first", 100).variable("after", p).execute());
            compared += assertSameReach(fromBuilding, fromPoint, 15 * ADULT_M_PER_MIN);
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void gcj02InputOfABuildingsLocationReachesTheSamePlaces() {
        for (BuildingAt building : someBuildings(3, 12)) {
            GeoPoint gcj = Gcj02.fromWgs84(building.lat(), building.lon());
            Map<String, Integer> wgs = allPages(p -> graphQl.documentName("reachablePoint")
                    .variable("lat", building.lat()).variable("lon", building.lon()).variable("minutes", 10)
                    .variable("first", 100).variable("after", p).execute());
            Map<String, Integer> fromGcj = allPages(p -> graphQl.documentName("reachablePoint")
                    .variable("lat", gcj.lat()).variable("lon", gcj.lon()).variable("crs", "GCJ02")
                    .variable("minutes", 10).variable("first", 100).variable("after", p).execute());
            assertThat(fromGcj).isNotEmpty().isEqualTo(wgs);
        }
    }

    @Test
    void pointPagesCoverTheWholeResultExactlyOnceNearestFirst() {
        BuildingAt building = someBuildings(1, 13).get(0);
        List<String> ids = new ArrayList<>();
        List<Integer> metres = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        int total = -1;
        while (hasNext) {
            GraphQlTester.Response page = graphQl.documentName("reachablePoint").variable("lat", building.lat())
                    .variable("lon", building.lon()).variable("minutes", 20).variable("first", 23)
                    .variable("after", after).execute();
            ids.addAll(page.path("reachable.edges[*].node.place.id").entityList(String.class).get());
            metres.addAll(page.path("reachable.edges[*].node.walkMeters").entityList(Integer.class).get());
            total = page.path("reachable.totalCount").entity(Integer.class).get();
            hasNext = page.path("reachable.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("reachable.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(ids).hasSize(total).doesNotHaveDuplicates();
        assertThat(metres).isSorted();
        assertThat(total).isGreaterThan(23);
    }

    @Test
    void placeLocationCanBeAskedForInGcj02() {
        BuildingAt building = someBuildings(1, 14).get(0);
        GraphQlTester.Response response = graphQl.documentName("reachablePoint").variable("lat", building.lat())
                .variable("lon", building.lon()).variable("minutes", 5).variable("first", 5).execute();
        List<Map<String, Object>> places = response.path("reachable.edges[*].node.place")
                .entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(places).isNotEmpty();
        for (Map<String, Object> place : places) {
            Map<String, Object> wgs = (Map<String, Object>) place.get("location");
            Map<String, Object> gcj = (Map<String, Object>) place.get("gcj02");
            GeoPoint expected = Gcj02.fromWgs84(((Number) wgs.get("lat")).doubleValue(),
                    ((Number) wgs.get("lon")).doubleValue());
            assertThat(((Number) gcj.get("lat")).doubleValue()).isCloseTo(expected.lat(), within(1e-12));
            assertThat(((Number) gcj.get("lon")).doubleValue()).isCloseTo(expected.lon(), within(1e-12));
        }
    }

    @Test
    void nearestIsTheFirstKOfReachableFilteredByCategory() {
        for (BuildingAt building : someBuildings(4, 15)) {
            for (String category : List.of("pharmacy", "convenience_store", "clinic")) {
                GraphQlTester.Response reachable = graphQl.documentName("reachable").variable("buildingId", building.id())
                        .variable("minutes", 20).variable("categories", List.of(category)).variable("first", 5)
                        .execute();
                List<String> expectedIds = reachable.path("reachable.edges[*].node.place.id").entityList(String.class).get();
                List<Integer> expectedMetres = reachable.path("reachable.edges[*].node.walkMeters")
                        .entityList(Integer.class).get();
                for (Map<String, Object> from : List.of(Map.<String, Object>of("buildingId", building.id()),
                        Map.<String, Object>of("point", Map.of("lat", building.lat(), "lon", building.lon())))) {
                    GraphQlTester.Response nearest = graphQl.documentName("nearest").variable("from", from)
                            .variable("category", category).variable("k", 5).execute();
                    List<String> ids = nearest.path("nearest[*].place.id").entityList(String.class).get();
                    List<Integer> metres = nearest.path("nearest[*].walkMeters").entityList(Integer.class).get();
                    if (from.containsKey("buildingId")) {
                        assertThat(ids).as("%s from %s", category, building.id()).isEqualTo(expectedIds);
                        assertThat(metres).isEqualTo(expectedMetres);
                    } else {
                        assertThat(ids.size()).isEqualTo(expectedIds.size());
                        for (int i = 0; i < metres.size(); i++) {
                            assertThat(metres.get(i)).isCloseTo(expectedMetres.get(i), within(1));
                        }
                    }
                }
            }
        }
    }

    @Test
    void isochroneAreasGrowWithMinutesAndElderlyLiesWithinAdult() {
        BuildingAt building = someBuildings(1, 16).get(0);
        Map<String, Object> from = Map.of("buildingId", building.id());
        GraphQlTester.Response adult = graphQl.documentName("isochrone").variable("from", from)
                .variable("minutes", List.of(15, 5, 10)).execute();
        assertThat(adult.path("isochrone[*].minutes").entityList(Integer.class).get()).containsExactly(5, 10, 15);
        List<Double> areas = adult.path("isochrone[*].areaSquareMeters").entityList(Double.class).get();
        assertThat(areas.get(0)).isPositive();
        assertThat(areas.get(1)).isGreaterThan(areas.get(0));
        assertThat(areas.get(2)).isGreaterThan(areas.get(1));

        Map<String, Object> adult15 = adult.path("isochrone[2].polygon").entity(Map.class).get();
        Map<String, Object> elderly15 = graphQl.documentName("isochrone").variable("from", from)
                .variable("minutes", List.of(15)).variable("pace", "ELDERLY").execute()
                .path("isochrone[0].polygon").entity(Map.class).get();
        var adultArea = geometry(adult15);
        var elderlyArea = geometry(elderly15);
        assertThat(elderlyArea.getArea()).isLessThan(adultArea.getArea());
        // Only the chord approximation of round caps may poke out (sub-metre slivers).
        assertThat(elderlyArea.difference(adultArea).getArea()).isLessThan(elderlyArea.getArea() * 1e-3);
    }

    @Test
    void isochroneFromAPointMatchesTheServiceApiAndConvertsToGcj02() {
        BuildingAt building = someBuildings(1, 17).get(0);
        PointInput point = PointInput.wgs84(building.lat(), building.lon());
        List<Isochrone> direct = isochrones.isochrones(OriginInput.point(point), List.of(10), null, null, null);
        Map<String, Object> gcj = graphQl.documentName("isochrone")
                .variable("from", Map.of("point", Map.of("lat", building.lat(), "lon", building.lon())))
                .variable("minutes", List.of(10)).variable("outputCrs", "GCJ02").execute()
                .path("isochrone[0]").entity(Map.class).get();
        assertThat(((Number) gcj.get("areaSquareMeters")).doubleValue()).isEqualTo(direct.get(0).areaSquareMeters());
        var wgsGeometry = geometry(direct.get(0).polygon());
        var gcjGeometry = geometry((Map<String, Object>) gcj.get("polygon"));
        GeoPoint shift = Gcj02.fromWgs84(building.lat(), building.lon());
        assertThat(gcjGeometry.getCentroid().getX() - wgsGeometry.getCentroid().getX())
                .isCloseTo(shift.lon() - building.lon(), within(1e-5));
        assertThat(gcjGeometry.getCentroid().getY() - wgsGeometry.getCentroid().getY())
                .isCloseTo(shift.lat() - building.lat(), within(1e-5));
    }

    @Test
    void serviceApiFindsThePlacesOfTheGraphQlAnswerWithoutHttp() {
        BuildingAt building = someBuildings(1, 18).get(0);
        List<ReachedPlace> direct = reachability.reachableFromPoint(PointInput.wgs84(building.lat(), building.lon()),
                10, null, null);
        Map<String, Integer> overGraphQl = allPages(p -> graphQl.documentName("reachablePoint")
                .variable("lat", building.lat()).variable("lon", building.lon()).variable("minutes", 10)
                .variable("first", 100).variable("after", p).execute());
        Map<String, Integer> fromService = new HashMap<>();
        direct.forEach(r -> fromService.put(r.placeId(), (int) Math.round(r.walkMeters())));
        assertThat(fromService).isEqualTo(overGraphQl);
    }

    /** Asserts equal metres ±1 for places in both; a place in only one must sit within 1 m of the bound. */
    private static int assertSameReach(Map<String, Integer> expected, Map<String, Integer> actual, double bound) {
        int both = 0;
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            Integer other = actual.get(e.getKey());
            if (other == null) {
                assertThat(e.getValue()).as("only from the building: %s", e.getKey()).isGreaterThanOrEqualTo(
                        (int) Math.floor(bound - 1));
            } else {
                assertThat(other).as(e.getKey()).isCloseTo(e.getValue(), within(1));
                both++;
            }
        }
        actual.forEach((id, metres) -> {
            if (!expected.containsKey(id)) {
                assertThat(metres).as("only from the point: %s", id).isGreaterThanOrEqualTo((int) Math.floor(bound - 1));
            }
        });
        return both;
    }

    private static Map<String, Integer> allPages(java.util.function.Function<String, GraphQlTester.Response> fetch) {
        Map<String, Integer> result = new HashMap<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            GraphQlTester.Response page = fetch.apply(after);
            List<String> ids = page.path("reachable.edges[*].node.place.id").entityList(String.class).get();
            List<Integer> metres = page.path("reachable.edges[*].node.walkMeters").entityList(Integer.class).get();
            for (int i = 0; i < ids.size(); i++) {
                result.put(ids.get(i), metres.get(i));
            }
            hasNext = page.path("reachable.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("reachable.pageInfo.endCursor").entity(String.class).get();
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    static org.locationtech.jts.geom.Geometry geometry(Map<String, Object> geoJson) {
        var factory = new org.locationtech.jts.geom.GeometryFactory();
        if ("Polygon".equals(geoJson.get("type"))) {
            return IsochroneBuilderTests.polygon(geoJson);
        }
        List<List<List<List<Double>>>> parts = (List<List<List<List<Double>>>>) geoJson.get("coordinates");
        Polygon[] polygons = parts.stream().map(p -> IsochroneBuilderTests.polygon(Map.of("coordinates", p)))
                .toArray(Polygon[]::new);
        return factory.createMultiPolygon(polygons);
    }

    private List<BuildingAt> someBuildings(int count, long seed) {
        List<BuildingAt> buildings = new ArrayList<>();
        try (Session session = driver.session()) {
            session.run("""
                    MATCH (b:Building) RETURN b.id AS id, b.location.latitude AS lat, b.location.longitude AS lon
                    ORDER BY id
                    """).forEachRemaining(r -> buildings.add(new BuildingAt(r.get("id").asString(),
                    r.get("lat").asDouble(), r.get("lon").asDouble())));
        }
        Collections.shuffle(buildings, new Random(seed));
        return buildings.subList(0, count);
    }

    record BuildingAt(String id, double lat, double lon) {
    }
}
