package cn.nantong.livingcircle.reachability;

import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.HandDrawnCity;
import cn.nantong.livingcircle.engine.WalkingSearch;
import cn.nantong.livingcircle.engine.isochrone.IsochroneBuilder;
import cn.nantong.livingcircle.engine.isochrone.LocalProjection;
import cn.nantong.livingcircle.geo.Crs;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import static cn.nantong.livingcircle.engine.HandDrawnCity.lat;
import static cn.nantong.livingcircle.engine.HandDrawnCity.lon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Isochrones of a cross of four 200 m streets around a square O (metres east/north of 32° N, 120.86° E):
 * <pre>
 *               N (0, 200)
 *               |
 *   W ----------O---------- E
 * (-200, 0)     |      (200, 0)
 *               S (0, -200)
 * </pre>
 * From O with a 100 m bound, the reached network is a plus of four 100 m arms. Buffered by r = 40 m, its area is two
 * 200 m × 2r bars with round caps, minus their (2r)² overlap: 2 (200 · 2r + π r²) − 4 r² = 35,653.1 m².
 */
class IsochroneBuilderTests {

    private static final double BUFFER = 40.0;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private static CityNetwork cross() {
        HandDrawnCity city = new HandDrawnCity();
        int o = city.junction(0, 0);
        int e = city.junction(200, 0);
        int n = city.junction(0, 200);
        int w = city.junction(-200, 0);
        int s = city.junction(0, -200);
        city.segment(o, e, 200_000);
        city.segment(o, n, 200_000);
        city.segment(w, o, 200_000);
        city.segment(s, o, 200_000);
        return city.build();
    }

    private static IsochroneBuilder builderFrom(CityNetwork city, Attachment origin, int maxMillimetres) {
        WalkingSearch search = new WalkingSearch(city.network());
        search.run(origin, maxMillimetres);
        return new IsochroneBuilder(search, origin, new LocalProjection(lat(0), lon(0)));
    }

    @Test
    void crossIsochroneAreaMatchesTheBufferedPlus() {
        IsochroneBuilder builder = builderFrom(cross(), new Attachment(0, 0), 100_000);

        Geometry reached = builder.reachedLines(100_000);
        Geometry area = builder.reachedArea(100_000, BUFFER);

        assertThat(reached.getLength()).isCloseTo(400.0, within(0.01));
        double expected = 2 * (200 * 2 * BUFFER + Math.PI * BUFFER * BUFFER) - 4 * BUFFER * BUFFER;
        // JTS approximates each quarter circle by 8 chords: the round caps lose under 1 % of their area.
        assertThat(area.getArea()).isCloseTo(expected, within(expected * 0.005));
    }

    @Test
    void polygonContainsReachedPointsAndNotUnreachedOnes() {
        IsochroneBuilder builder = builderFrom(cross(), new Attachment(0, 0), 100_000);
        Map<String, Object> geoJson = GeoJson.polygonal(builder.reachedArea(100_000, BUFFER), builder.projection(),
                Crs.WGS84);
        assertThat(geoJson).containsEntry("type", "Polygon");
        Polygon polygon = polygon(geoJson);

        // Reached: O, 90 m along each arm, and 30 m beside an arm (inside the buffer).
        for (double[] p : new double[][] {{0, 0}, {90, 0}, {0, 90}, {-90, 0}, {0, -90}, {50, 30}, {130, 0}}) {
            assertThat(polygon.contains(point(p))).as("reached %s", (Object) p).isTrue();
        }
        // Not reached: 150 m along an arm (50 m past the cut), the far junctions, and a corner between the arms.
        for (double[] p : new double[][] {{150, 0}, {0, 150}, {200, 0}, {-200, 0}, {60, 60}, {0, -145}}) {
            assertThat(polygon.contains(point(p))).as("unreached %s", (Object) p).isFalse();
        }
    }

    @Test
    void streetsCutAtTheBoundKeepOnlyTheirReachedPieces() {
        //  Origin 50 m east of O on O-E. With a 120 m bound: O-E is reached from 0 to 170 m (origin ± 120, clipped),
        //  every other arm for 120 - 50 = 70 m from O.
        IsochroneBuilder builder = builderFrom(cross(), new Attachment(0, 50_000), 120_000);
        assertThat(builder.reachedLines(120_000).getLength()).isCloseTo(170.0 + 3 * 70.0, within(0.01));
        assertThat(builder.reachedLines(40_000).getLength()).isCloseTo(80.0, within(0.01));
    }

    @Test
    void segmentWithBothEndsReachedLosesItsUnreachedMiddle() {
        //            C (50, 86.6)
        //           / \
        //     100 m /   \ 100 m     a triangle of 100 m sides; from A, B and C are both 100 m away.
        //         /     \          With a 120 m bound, B-C is reached 20 m from each end and its middle 60 m is
        //        A ----- B         not; with 150 m the two pieces meet and B-C is whole.
        //           100 m
        HandDrawnCity city = new HandDrawnCity();
        int a = city.junction(0, 0);
        int b = city.junction(100, 0);
        int c = city.junction(50, 50 * Math.sqrt(3));
        city.segment(a, b, 100_000);
        city.segment(a, c, 100_000);
        city.segment(b, c, 100_000);
        IsochroneBuilder builder = builderFrom(city.build(), new Attachment(0, 0), 150_000);
        assertThat(builder.reachedLines(120_000).getLength()).isCloseTo(100.0 + 100.0 + 2 * 20.0, within(0.01));
        assertThat(builder.reachedLines(150_000).getLength()).isCloseTo(300.0, within(0.01));
    }

    @Test
    void geoJsonRingsAreClosedAndExteriorsCounterClockwise() {
        IsochroneBuilder builder = builderFrom(cross(), new Attachment(0, 0), 100_000);
        Map<String, Object> geoJson = GeoJson.polygonal(builder.reachedArea(100_000, BUFFER), builder.projection(),
                Crs.GCJ02);
        @SuppressWarnings("unchecked")
        List<List<List<Double>>> rings = (List<List<List<Double>>>) geoJson.get("coordinates");
        List<List<Double>> exterior = rings.get(0);
        assertThat(exterior.get(0)).isEqualTo(exterior.get(exterior.size() - 1));
        assertThat(GeoJson.signedArea(exterior)).isPositive();
        // GCJ-02 output is shifted by hundreds of metres east of the WGS84 origin (120.86 E).
        assertThat(exterior.get(0).get(0)).isGreaterThan(lon(0) + 0.002);
    }

    @SuppressWarnings("unchecked")
    static Polygon polygon(Map<String, Object> geoJson) {
        List<List<List<Double>>> rings = (List<List<List<Double>>>) geoJson.get("coordinates");
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = rings.subList(1, rings.size()).stream().map(IsochroneBuilderTests::ring)
                .toArray(LinearRing[]::new);
        return FACTORY.createPolygon(shell, holes);
    }

    static LinearRing ring(List<List<Double>> positions) {
        return FACTORY.createLinearRing(positions.stream().map(p -> new Coordinate(p.get(0), p.get(1)))
                .toArray(Coordinate[]::new));
    }

    private static org.locationtech.jts.geom.Point point(double[] eastNorth) {
        return FACTORY.createPoint(new Coordinate(lon(eastNorth[0]), lat(eastNorth[1])));
    }
}
