package cn.nantong.livingcircle.geo;

import java.util.Random;

import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.engine.Geo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * GCJ-02 against published pairs from the public test suites of eviltransform (go/transform_test.go),
 * coordtransform (test/app.js) and gcoord (test/unit/crs/GCJ02.spec.js), and round trips over China.
 */
class Gcj02Tests {

    /** WGS84 → GCJ-02 pairs (wgsLat, wgsLon, gcjLat, gcjLon) published by eviltransform and coordtransform. */
    @ParameterizedTest(name = "{0},{1} -> {2},{3}")
    @CsvSource({
            "31.1774276, 121.5272106, 31.17530398364597, 121.531541859215",   // eviltransform: Shanghai
            "22.543847, 113.912316, 22.540796131694766, 113.9171764808363",   // eviltransform: Shenzhen
            "39.911954, 116.377817, 39.91334545536069, 116.38404722455657",   // eviltransform: Beijing
            "39.915, 116.404, 39.91640428150164, 116.41024449916938"          // coordtransform: Beijing
    })
    void forwardTransformMatchesPublishedPairs(double wgsLat, double wgsLon, double gcjLat, double gcjLon) {
        GeoPoint gcj = Gcj02.fromWgs84(wgsLat, wgsLon);
        assertThat(gcj.lat()).isCloseTo(gcjLat, within(1e-9));
        assertThat(gcj.lon()).isCloseTo(gcjLon, within(1e-9));
    }

    @ParameterizedTest(name = "{2},{3} -> {0},{1}")
    @CsvSource({
            "31.1774276, 121.5272106, 31.17530398364597, 121.531541859215",
            "22.543847, 113.912316, 22.540796131694766, 113.9171764808363",
            "39.911954, 116.377817, 39.91334545536069, 116.38404722455657",
            "39.915, 116.404, 39.91640428150164, 116.41024449916938"
    })
    void inverseRecoversThePublishedWgs84PointToWithinACentimetre(double wgsLat, double wgsLon, double gcjLat,
            double gcjLon) {
        GeoPoint wgs = Gcj02.toWgs84(gcjLat, gcjLon);
        assertThat(Geo.haversineMeters(wgs.lat(), wgs.lon(), wgsLat, wgsLon)).isLessThan(0.01);
    }

    /** gcoord publishes GCJ-02 (45, 123) → WGS84 (44.99804071, 122.99395597) to 5 decimals. */
    @Test
    void inverseMatchesGcoordsPublishedPair() {
        GeoPoint wgs = Gcj02.toWgs84(45.0, 123.0);
        assertThat(wgs.lat()).isCloseTo(44.99804071, within(5e-6));
        assertThat(wgs.lon()).isCloseTo(122.99395597, within(5e-6));
    }

    @Test
    void roundTripsAtManyPointsInChinaWithinAMillimetre() {
        Random random = new Random(42);
        double worst = 0;
        for (int i = 0; i < 10_000; i++) {
            double lat = 18.0 + random.nextDouble() * (53.0 - 18.0);
            double lon = 74.0 + random.nextDouble() * (135.0 - 74.0);
            GeoPoint gcj = Gcj02.fromWgs84(lat, lon);
            GeoPoint back = Gcj02.toWgs84(gcj.lat(), gcj.lon());
            worst = Math.max(worst, Geo.haversineMeters(lat, lon, back.lat(), back.lon()));
        }
        assertThat(worst).isLessThan(0.001);
    }

    @Test
    void shiftInNantongIsAFewHundredMetres() {
        // Nantong city centre: GCJ-02 moves points by roughly 500 m in China's east.
        GeoPoint gcj = Gcj02.fromWgs84(32.0, 120.86);
        double shift = Geo.haversineMeters(32.0, 120.86, gcj.lat(), gcj.lon());
        assertThat(shift).isBetween(100.0, 1000.0);
    }

    @Test
    void pointsOutsideChinaPassThroughUnchanged() {
        assertThat(Gcj02.fromWgs84(51.5, -0.12)).isEqualTo(new GeoPoint(51.5, -0.12));
        assertThat(Gcj02.toWgs84(51.5, -0.12)).isEqualTo(new GeoPoint(51.5, -0.12));
        // gcoord: longitude 183 is outside China
        assertThat(Gcj02.toWgs84(45, 183)).isEqualTo(new GeoPoint(45, 183));
        assertThat(Crs.WGS84.toWgs84(32.0, 120.86)).isEqualTo(new GeoPoint(32.0, 120.86));
    }
}
