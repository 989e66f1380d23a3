package cn.nantong.livingcircle.reachability;

import java.util.List;

import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.HandDrawnCity;
import cn.nantong.livingcircle.engine.NetworkExtent;
import cn.nantong.livingcircle.engine.NetworkReach;
import cn.nantong.livingcircle.engine.ReachedPlace;
import cn.nantong.livingcircle.geo.Crs;
import cn.nantong.livingcircle.geo.Gcj02;
import org.junit.jupiter.api.Test;

import static cn.nantong.livingcircle.engine.HandDrawnCity.lat;
import static cn.nantong.livingcircle.engine.HandDrawnCity.lon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Point origins on a hand-drawn street network (metres east/north of 32° N, 120.86° E):
 * <pre>
 *                         D (200, 150)
 *                         |
 *                         |  s2: 150 m, P3 (pharmacy) at D
 *        * origin (100, 10)
 *                         |
 *   A --P1------+------P4-B --P2----------------- C
 * (0,0)  40 m  100 m  190 (200,0)  230 m          (400,0)
 *   s0: A-B 200 m, P1 pharmacy at 40 m, P4 grocery at 190 m
 *   s1: B-C 200 m, P2 pharmacy at 30 m
 * </pre>
 * The origin is 10 m north of the middle of s0, so it snaps to s0 at 100 m: P1 is 60 m away, P4 90 m,
 * P2 100 + 30 = 130 m, P3 100 + 150 = 250 m.
 */
class PointOriginTests {

    private static CityNetwork city() {
        HandDrawnCity city = new HandDrawnCity();
        int a = city.junction(0, 0);
        int b = city.junction(200, 0);
        int c = city.junction(400, 0);
        int d = city.junction(200, 150);
        int s0 = city.segment(a, b, 200_000);
        int s1 = city.segment(b, c, 200_000);
        int s2 = city.segment(b, d, 150_000);
        return city.place("P1", "pharmacy", s0, 40_000).place("P4", "grocery", s0, 190_000)
                .place("P2", "pharmacy", s1, 30_000).place("P3", "pharmacy", s2, 150_000).build();
    }

    private static final PointInput ORIGIN = PointInput.wgs84(lat(10), lon(100));

    /** As if these streets were a small part of a covered area 10 km wide: points near them are in its gaps. */
    private static final NetworkExtent AREA = NetworkExtent.of(city().network(), 10_000);

    @Test
    void pointAboveTheMiddleOfAStreetSnapsToTheMiddleOfThatStreet() {
        Attachment origin = Origins.snap(city(), AREA, ORIGIN, 500).attachment();
        assertThat(origin.segment()).isZero();
        assertThat(origin.offsetMillimetres()).isBetween(99_999, 100_001);
    }

    @Test
    void placesAreReachedWithExactNetworkMetresNearestFirst() {
        CityNetwork city = city();
        Attachment origin = Origins.snap(city, AREA, ORIGIN, 500).attachment();
        int drift = origin.offsetMillimetres() - 100_000; // ±1 mm of snapping rounding at most

        List<ReachedPlace> reached = NetworkReach.placesWithin(city, origin, 200_000, place -> true);

        assertThat(reached).extracting(ReachedPlace::placeId).containsExactly("P1", "P4", "P2");
        assertThat(reached).extracting(ReachedPlace::walkMillimetres)
                .containsExactly(60_000 + drift, 90_000 - drift, 130_000 - drift);
        assertThat(reached.get(0).walkMeters()).isEqualTo((60_000 + drift) / 1000.0);
    }

    @Test
    void theBoundIncludesPlacesExactlyOnItAndExcludesThoseBeyond() {
        CityNetwork city = city();
        Attachment origin = new Attachment(0, 100_000);
        assertThat(NetworkReach.placesWithin(city, origin, 250_000, place -> true))
                .extracting(ReachedPlace::placeId).containsExactly("P1", "P4", "P2", "P3");
        assertThat(NetworkReach.placesWithin(city, origin, 249_999, place -> true))
                .extracting(ReachedPlace::placeId).containsExactly("P1", "P4", "P2");
    }

    @Test
    void categoryFilterKeepsOnlyThatCategory() {
        CityNetwork city = city();
        List<ReachedPlace> pharmacies = NetworkReach.placesWithin(city, new Attachment(0, 100_000), 300_000,
                ReachabilityService.placeFilter(city, List.of("pharmacy")));
        assertThat(pharmacies).extracting(ReachedPlace::placeId).containsExactly("P1", "P2", "P3");
        assertThat(pharmacies).extracting(ReachedPlace::walkMillimetres).containsExactly(60_000, 130_000, 250_000);
    }

    @Test
    void gcj02InputIsConvertedBackToTheSameWgs84Point() {
        GeoPoint gcj = Gcj02.fromWgs84(ORIGIN.lat(), ORIGIN.lon());
        Attachment wgs = Origins.snap(city(), AREA, ORIGIN, 500).attachment();
        Attachment fromGcj = Origins.snap(city(), AREA, new PointInput(gcj.lat(), gcj.lon(), Crs.GCJ02), 500).attachment();
        assertThat(fromGcj).isEqualTo(wgs);
        // Sent as if it were WGS84, the same numbers land hundreds of metres away: too far from this street.
        assertThatThrownBy(() -> Origins.snap(city(), AREA, PointInput.wgs84(gcj.lat(), gcj.lon()), 100))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ApiException.ErrorCode.TOO_FAR_FROM_WALKWAY));
    }

    @Test
    void pointOutsideTheHullWidenedByTheSnapLimitIsOutsideCoverage() {
        NetworkExtent tight = NetworkExtent.of(city().network(), 500);
        // 700 m north of A-C, 550 m north of D: farther than 500 m from the hull A-C-D
        assertThatThrownBy(() -> Origins.snap(city(), tight, PointInput.wgs84(lat(700), lon(100)), 500))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ApiException.ErrorCode.OUTSIDE_COVERAGE));
        assertThat(tight.covers(lat(640), lon(200))).isTrue();
        assertThat(tight.covers(lat(660), lon(200))).isFalse();
    }

    @Test
    void pointFartherThanTheSnapLimitIsTooFarFromWalkway() {
        PointInput farNorth = PointInput.wgs84(lat(700), lon(100));
        assertThatThrownBy(() -> Origins.snap(city(), AREA, farNorth, 500))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ApiException.ErrorCode.TOO_FAR_FROM_WALKWAY);
                    assertThat(e.details()).containsEntry("maxSnapMeters", 500.0);
                });
        assertThat(Origins.snap(city(), AREA, PointInput.wgs84(lat(450), lon(100)), 500).distanceMeters())
                .isLessThan(500);
    }

    @Test
    void latitudeOrLongitudeOutOfRangeIsOutOfRange() {
        for (PointInput bad : List.of(PointInput.wgs84(90.5, 120), PointInput.wgs84(-91, 120),
                PointInput.wgs84(32, 180.01), PointInput.wgs84(32, -200))) {
            assertThatThrownBy(() -> Origins.snap(city(), AREA, bad, 500)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo(ApiException.ErrorCode.OUT_OF_RANGE));
        }
    }

    @Test
    void originMustSetExactlyOneOfBuildingAndPoint() {
        for (OriginInput bad : List.of(new OriginInput(null, null), new OriginInput("b1", ORIGIN),
                new OriginInput(" ", null))) {
            assertThatThrownBy(() -> Origins.requireExactlyOne(bad)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo(ApiException.ErrorCode.BAD_USER_INPUT));
        }
    }
}
