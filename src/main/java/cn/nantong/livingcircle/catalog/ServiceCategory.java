package cn.nantong.livingcircle.catalog;

/**
 * A service category (业态) of the catalogue.
 *
 * @param code          stable lowercase code used by the API
 * @param targetMinutes walking time within which residents should reach it (5, 8 or 15)
 */
public record ServiceCategory(String code, String nameZh, String nameEn, Tier tier, ServiceFunction function,
        int targetMinutes) {
}
