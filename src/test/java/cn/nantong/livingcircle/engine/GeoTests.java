package cn.nantong.livingcircle.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GeoTests {

    @Test
    void oneDegreeOfLatitudeIsRadiusTimesPiOver180() {
        // 6,371,008.8 m * pi / 180
        assertThat(Geo.haversineMeters(32.0, 120.9, 33.0, 120.9)).isCloseTo(111_195.080234, within(1e-6));
    }

    @Test
    void oneDegreeOfLongitudeOnTheEquatorEqualsOneDegreeOfLatitude() {
        assertThat(Geo.haversineMeters(0.0, 120.0, 0.0, 121.0)).isCloseTo(111_195.080234, within(1e-6));
    }

    @Test
    void equatorToPoleIsAQuarterOfTheGreatCircle() {
        assertThat(Geo.haversineMeters(0.0, 0.0, 90.0, 0.0)).isCloseTo(10_007_557.221018, within(1e-6));
    }

    @Test
    void distanceIsSymmetricAndZeroForTheSamePoint() {
        assertThat(Geo.haversineMeters(32.01, 120.86, 32.01, 120.86)).isZero();
        assertThat(Geo.haversineMeters(32.01, 120.86, 31.98, 120.89))
                .isEqualTo(Geo.haversineMeters(31.98, 120.89, 32.01, 120.86));
    }

    @Test
    void antipodalPointsAreHalfACircumferenceApart() {
        assertThat(Geo.haversineMeters(0.0, 0.0, 0.0, 180.0)).isCloseTo(20_015_114.442036, within(1e-5));
    }
}
