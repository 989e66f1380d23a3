package cn.nantong.livingcircle.hours;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code openAt} and {@code at} on the demo data. Every demo place has daily hours {@code HH:MM-HH:MM} (some past
 * midnight, {@code 16:00-02:00}, some {@code 00:00-24:00}); the test decides "open at 23:00" from that text on its
 * own and compares with what the API filters, and takes its distances from the precomputed walking edges.
 */
@ApplicationIT
class OpeningHoursIT {

    /** A Wednesday, 23:00 in Nantong: late-night places are open, most shops are not. */
    private static final String LATE = "2026-12-02T23:00:00+08:00";
    private static final int LATE_MINUTE = 23 * 60;

    @Autowired
    WebGraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Test
    void reachableAtElevenAtNightIsEveryReachedPlaceOpenThenWithItsUsualDistance() {
        String building = "b-01-001";
        Map<String, Integer> all = reached(building, null);
        Map<String, Integer> late = reached(building, LATE);
        Map<String, String> hours = hours();
        Map<String, Integer> expected = new HashMap<>();
        all.forEach((id, meters) -> {
            if (openAt(hours.get(id), LATE_MINUTE)) {
                expected.put(id, meters);
            }
        });
        assertThat(expected).as("some but not all places are open at 23:00").isNotEmpty().hasSizeLessThan(all.size());
        assertThat(late).isEqualTo(expected);
    }

    @Test
    void everyPlaceOpenAtElevenSaysSoAndWhenItCloses() {
        GraphQlTester.Response response = graphQl.documentName("openAt")
                .variable("from", Map.of("buildingId", "b-01-001")).variable("at", LATE).execute();
        List<Map<String, Object>> places = response.path("reachable.edges[*].node.place").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(places).isNotEmpty().allSatisfy(p -> assertThat(p.get("openNow")).isEqualTo(true));
        for (Map<String, Object> place : places) {
            String text = (String) place.get("openingHours");
            Object next = place.get("nextChange");
            if (text.equals("00:00-24:00")) {
                assertThat(next).as("round the clock never changes").isNull();
            } else {
                // open at 23:00 and closing at the end time, today or after midnight
                String end = text.substring(6);
                String day = Integer.parseInt(end.substring(0, 2)) * 60 + Integer.parseInt(end.substring(3))
                        > LATE_MINUTE ? "2026-12-02" : "2026-12-03";
                assertThat(OffsetDateTime.parse((String) next).toInstant()).as(text)
                        .isEqualTo(OffsetDateTime.parse(day + "T" + (end.equals("24:00") ? "00:00" : end) + ":00+08:00")
                                .plusDays(end.equals("24:00") ? 1 : 0).toInstant());
            }
        }
        assertThat(response.path("nearest[*].place.openNow").entityList(Boolean.class).get()).isNotEmpty()
                .containsOnly(true);
    }

    @Test
    void gapsAtElevenAreTheBuildingsWithoutAPharmacyOpenThenWithinFifteenMinutes() {
        Map<String, String> hours = hours();
        Set<String> covered = new HashSet<>();
        Set<String> buildings = new HashSet<>();
        try (Session session = driver.session()) {
            session.run("MATCH (b:Building) WHERE b.walkwayId IS NOT NULL RETURN b.id AS id")
                    .forEachRemaining(r -> buildings.add(r.get("id").asString()));
            session.run("""
                    MATCH (b:Building)-[w:WALKS_TO]->(p:Place {category: 'pharmacy'})
                    WHERE w.meters <= 1250.0
                    RETURN b.id AS building, p.id AS place
                    """).forEachRemaining(r -> {
                if (openAt(hours.get(r.get("place").asString()), LATE_MINUTE)) {
                    covered.add(r.get("building").asString());
                }
            });
        }
        Set<String> expected = new HashSet<>(buildings);
        expected.removeAll(covered);
        Set<String> allDay = gaps(null);
        Set<String> late = gaps(LATE);
        assertThat(late).isEqualTo(expected);
        assertThat(late).as("fewer pharmacies open at night").containsAll(allDay).hasSizeGreaterThan(allDay.size());
    }

    @Test
    void coverageAtElevenNeverReachesMoreResidentsThanAllDay() {
        GraphQlTester.Response day = graphQl.documentName("coverageAt").variable("communityId", "c-01").execute();
        GraphQlTester.Response night = graphQl.documentName("coverageAt").variable("communityId", "c-01")
                .variable("at", LATE).execute();
        List<Integer> dayResidents = day.path("coverage.categories[*].residentsWithinTarget")
                .entityList(Integer.class).get();
        List<Integer> nightResidents = night.path("coverage.categories[*].residentsWithinTarget")
                .entityList(Integer.class).get();
        assertThat(nightResidents).hasSameSizeAs(dayResidents);
        int fewer = 0;
        for (int i = 0; i < dayResidents.size(); i++) {
            assertThat(nightResidents.get(i)).isLessThanOrEqualTo(dayResidents.get(i));
            fewer += nightResidents.get(i) < dayResidents.get(i) ? 1 : 0;
        }
        assertThat(fewer).isPositive();
        assertThat(night.path("coverage.completenessScore").entity(Double.class).get())
                .isLessThan(day.path("coverage.completenessScore").entity(Double.class).get());
    }

    @Test
    void placesAtElevenAreThePharmaciesAndConvenienceStoresOpenThen() {
        long expected;
        try (Session session = driver.session()) {
            expected = session.run("""
                    MATCH (p:Place) WHERE p.category IN ['pharmacy', 'convenience_store'] AND p.walkwayId IS NOT NULL
                    RETURN p.openingHours AS hours
                    """).list(r -> r.get("hours").asString()).stream().filter(h -> openAt(h, LATE_MINUTE)).count();
        }
        GraphQlTester.Response response = graphQl.documentName("placesOpenAt").variable("at", LATE).execute();
        assertThat(response.path("places.totalCount").entity(Long.class).get()).isEqualTo(expected).isPositive();
        assertThat(response.path("places.edges[*].node.openNow").entityList(Boolean.class).get()).containsOnly(true);
        long all = graphQl.documentName("placesOpenAt").execute().path("places.totalCount").entity(Long.class).get();
        assertThat(expected).isLessThan(all);
    }

    /** The demo's daily hours "HH:MM-HH:MM", evaluated here: an end at or before the start runs past midnight. */
    private static boolean openAt(String hours, int minute) {
        int start = Integer.parseInt(hours.substring(0, 2)) * 60 + Integer.parseInt(hours.substring(3, 5));
        int end = Integer.parseInt(hours.substring(6, 8)) * 60 + Integer.parseInt(hours.substring(9, 11));
        return start < end ? minute >= start && minute < end : minute >= start || minute < end;
    }

    private Map<String, String> hours() {
        Map<String, String> hours = new HashMap<>();
        try (Session session = driver.session()) {
            session.run("MATCH (p:Place) RETURN p.id AS id, p.openingHours AS hours")
                    .forEachRemaining(r -> hours.put(r.get("id").asString(), r.get("hours").asString()));
        }
        return hours;
    }

    private Map<String, Integer> reached(String building, String at) {
        Map<String, Integer> reached = new HashMap<>();
        String after = null;
        do {
            GraphQlTester.Response page = graphQl.documentName("openAt")
                    .variable("from", Map.of("buildingId", building)).variable("at", at).variable("after", after)
                    .execute();
            for (Object node : page.path("reachable.edges[*].node").entityList(Map.class).get()) {
                Map<?, ?> n = (Map<?, ?>) node;
                reached.put((String) ((Map<?, ?>) n.get("place")).get("id"), (Integer) n.get("walkMeters"));
            }
            after = page.path("reachable.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("reachable.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        return reached;
    }

    private Set<String> gaps(String at) {
        Set<String> ids = new HashSet<>();
        String after = null;
        do {
            GraphQlTester.Response page = graphQl.documentName("gapsAt").variable("category", "pharmacy")
                    .variable("minutes", 15).variable("at", at).variable("after", after).execute();
            ids.addAll(page.path("gaps.edges[*].node.id").entityList(String.class).get());
            after = page.path("gaps.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? page.path("gaps.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        return ids;
    }
}
