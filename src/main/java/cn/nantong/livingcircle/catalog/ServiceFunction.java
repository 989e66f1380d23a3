package cn.nantong.livingcircle.catalog;

/** The six functions of a living circle: 购物、服务、休闲、健身、文化、社交. */
public enum ServiceFunction {
    SHOPPING, SERVICE, LEISURE, FITNESS, CULTURE, SOCIAL
}
