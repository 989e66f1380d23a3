package cn.nantong.livingcircle.reachability;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.WebGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code dataset.extent}, OUTSIDE_COVERAGE against TOO_FAR_FROM_WALKWAY, and {@code originSnapMeters}, checked
 * against the demo CSVs (walkways are straight between their junctions there) with a haversine of the test's own.
 */
@ApplicationIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetExtentIT {

    private static final Path DEMO = Path.of("neo4j/data/nantong-demo");
    private static final double RADIUS_METERS = 6_371_008.8;
    private static final double MAX_SNAP_METERS = 500;
    private static final GeometryFactory PLANE = new GeometryFactory();

    @Autowired
    WebGraphQlTester graphQl;

    private final Map<String, double[]> junctions = new HashMap<>();
    private final List<double[][]> walkways = new ArrayList<>();
    private List<Double> bbox;
    private Map<String, Object> outline;
    private Polygon outlineInDegrees;

    @BeforeAll
    void readTheDemoCsvsAndTheExtent() throws IOException {
        for (CSVRecord row : csv("junctions.csv")) {
            junctions.put(row.get("id"), new double[] {Double.parseDouble(row.get("lat")),
                    Double.parseDouble(row.get("lon"))});
        }
        for (CSVRecord row : csv("walkways.csv")) {
            walkways.add(new double[][] {junctions.get(row.get("from_junction_id")),
                    junctions.get(row.get("to_junction_id"))});
        }
        var response = graphQl.documentName("datasetExtent").execute();
        bbox = response.path("dataset.extent.bbox").entityList(Double.class).get();
        outline = response.path("dataset.extent.outline").entity(Map.class).get();
        assertThat(response.path("dataset.extent.bufferMeters").entity(Double.class).get())
                .isEqualTo(MAX_SNAP_METERS);
        outlineInDegrees = polygon(outline);
    }

    @Test
    void boundingBoxContainsEveryJunctionOfTheDemo() {
        assertThat(bbox).hasSize(4);
        assertThat(junctions).hasSizeGreaterThan(2000);
        for (double[] j : junctions.values()) {
            assertThat(j[1]).isBetween(bbox.get(0), bbox.get(2));
            assertThat(j[0]).isBetween(bbox.get(1), bbox.get(3));
        }
    }

    @Test
    void outlineIsAnRfc7946PolygonWithAClosedCounterClockwiseRingThatContainsEveryJunction() {
        assertThat(outline.get("type")).isEqualTo("Polygon");
        @SuppressWarnings("unchecked")
        List<List<List<Double>>> rings = (List<List<List<Double>>>) outline.get("coordinates");
        assertThat(rings).hasSize(1);
        List<List<Double>> ring = rings.get(0);
        assertThat(ring.size()).isGreaterThanOrEqualTo(4);
        assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
        double twiceArea = 0;
        for (int i = 0; i < ring.size(); i++) {
            List<Double> position = ring.get(i);
            assertThat(position).hasSize(2);
            assertThat(position.get(0)).isBetween(-180.0, 180.0).isBetween(bbox.get(0), bbox.get(2));
            assertThat(position.get(1)).isBetween(-90.0, 90.0).isBetween(bbox.get(1), bbox.get(3));
            if (i + 1 < ring.size()) {
                List<Double> next = ring.get(i + 1);
                twiceArea += position.get(0) * next.get(1) - next.get(0) * position.get(1);
            }
        }
        assertThat(twiceArea).as("exterior ring counter-clockwise").isPositive();
        assertThat(outlineInDegrees.isValid()).isTrue();
        for (double[] j : junctions.values()) {
            assertThat(outlineInDegrees.covers(PLANE.createPoint(new Coordinate(j[1], j[0])))).isTrue();
        }
    }

    @Test
    void pointInTheSeaIsOutsideCoverage() {
        // The Yellow Sea, about 150 km east of Nantong
        double lat = 32.0;
        double lon = 122.5;
        assertThat(outlineInDegrees.covers(PLANE.createPoint(new Coordinate(lon, lat)))).isFalse();
        List<ResponseError> errors = originSnapErrors(Map.of("point", Map.of("lat", lat, "lon", lon)));
        assertThat(errors).hasSize(3).allSatisfy(e -> assertThat(e.getExtensions())
                .containsEntry("code", "OUTSIDE_COVERAGE").containsEntry("argument", "from.point"));
    }

    @Test
    void pointInsideTheOutlineButInAGapBetweenWalkwaysIsTooFarFromWalkway() {
        double[] gap = pointInAGap();
        List<ResponseError> errors = originSnapErrors(Map.of("point", Map.of("lat", gap[0], "lon", gap[1])));
        assertThat(errors).hasSize(3).allSatisfy(e -> assertThat(e.getExtensions())
                .containsEntry("code", "TOO_FAR_FROM_WALKWAY").containsEntry("maxSnapMeters", MAX_SNAP_METERS));
    }

    @Test
    void pointExactlyOnAJunctionIsZeroMetresFromItsWalkway() {
        double[] j = junctions.get("j-000001");
        assertThat(snapMeters(Map.of("point", Map.of("lat", j[0], "lon", j[1])))).hasSizeGreaterThan(3)
                .containsOnly(0.0);
    }

    @Test
    void originSnapMetersIsTheHaversineDistanceToTheNearestWalkway() throws IOException {
        int compared = 0;
        for (CSVRecord building : csv("buildings.csv")) {
            if (building.getRecordNumber() % 40 != 1) {
                continue;
            }
            double lat = Double.parseDouble(building.get("lat")) + 0.0007; // about 78 m north
            double lon = Double.parseDouble(building.get("lon"));
            double expected = nearestWalkwayMeters(lat, lon);
            if (expected > MAX_SNAP_METERS) {
                continue;
            }
            assertThat(snapMeters(Map.of("point", Map.of("lat", lat, "lon", lon))))
                    .allSatisfy(m -> assertThat(m).isCloseTo(expected, within(0.02)));
            compared++;
        }
        assertThat(compared).isGreaterThan(10);
    }

    /** A point of a 150 m grid over the box, inside the outline, farthest from every walkway (at least 600 m). */
    private double[] pointInAGap() {
        double[] best = null;
        double bestMeters = 0;
        for (double lat = bbox.get(1); lat <= bbox.get(3); lat += 150 / (RADIUS_METERS * Math.PI / 180)) {
            for (double lon = bbox.get(0); lon <= bbox.get(2); lon += 0.0016) {
                if (!outlineInDegrees.covers(PLANE.createPoint(new Coordinate(lon, lat)))) {
                    continue;
                }
                double meters = nearestWalkwayMeters(lat, lon);
                if (meters > bestMeters) {
                    bestMeters = meters;
                    best = new double[] {lat, lon};
                }
            }
        }
        assertThat(bestMeters).as("the demo area has a gap far from every walkway").isGreaterThan(600);
        return best;
    }

    /** Every {@code originSnapMeters} of the answer (a point in a sparse corner may reach no pharmacy). */
    private List<Double> snapMeters(Map<String, Object> from) {
        var response = graphQl.documentName("originSnap").variable("from", from).execute();
        List<Double> meters = new ArrayList<>();
        meters.addAll(response.path("reachable.edges[*].node.originSnapMeters").entityList(Double.class).get());
        meters.addAll(response.path("nearest[*].originSnapMeters").entityList(Double.class).get());
        meters.addAll(response.path("isochrone[*].originSnapMeters").entityList(Double.class).hasSize(1).get());
        return meters;
    }

    private List<ResponseError> originSnapErrors(Map<String, Object> from) {
        List<ResponseError> errors = new ArrayList<>();
        graphQl.documentName("originSnap").variable("from", from).execute()
                .errors().satisfy(errors::addAll);
        return errors;
    }

    /** Shortest great-circle distance to any walkway: foot of the perpendicular in a local frame, then haversine. */
    private double nearestWalkwayMeters(double lat, double lon) {
        double kx = Math.cos(Math.toRadians(lat));
        double best = Double.POSITIVE_INFINITY;
        for (double[][] w : walkways) {
            double ax = (w[0][1] - lon) * kx;
            double ay = w[0][0] - lat;
            double dx = (w[1][1] - w[0][1]) * kx;
            double dy = w[1][0] - w[0][0];
            double lengthSquared = dx * dx + dy * dy;
            double u = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
            best = Math.min(best, haversine(lat, lon, w[0][0] + u * (w[1][0] - w[0][0]),
                    w[0][1] + u * (w[1][1] - w[0][1])));
        }
        return best;
    }

    private static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double h = Math.pow(Math.sin((p2 - p1) / 2), 2)
                + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * RADIUS_METERS * Math.asin(Math.sqrt(h));
    }

    @SuppressWarnings("unchecked")
    private static Polygon polygon(Map<String, Object> geoJson) {
        List<List<List<Double>>> rings = (List<List<List<Double>>>) geoJson.get("coordinates");
        LinearRing shell = PLANE.createLinearRing(rings.get(0).stream()
                .map(p -> new Coordinate(p.get(0), p.get(1))).toArray(Coordinate[]::new));
        return PLANE.createPolygon(shell);
    }

    private static List<CSVRecord> csv(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(DEMO.resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)
                    .getRecords();
        }
    }
}
