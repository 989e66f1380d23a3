package cn.nantong.livingcircle.catalog;

/** Service tier of the Ministry of Commerce guidance: basic (基本保障类) or quality (品质提升类). */
public enum Tier {
    BASIC, QUALITY,
    /** Outside the programme: the {@code other_*} categories of OSM places no programme category maps. */
    OTHER
}
