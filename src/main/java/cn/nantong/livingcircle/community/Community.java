package cn.nantong.livingcircle.community;

import cn.nantong.livingcircle.api.GeoPoint;

/** Projection of a {@code (:Community)} with the names of its subdistrict and district. */
public record Community(String id, String name, String nameEn, String subdistrict, String district, boolean pilot,
        Integer households, Integer residents, Double areaSquareMeters, GeoPoint location) {
}
