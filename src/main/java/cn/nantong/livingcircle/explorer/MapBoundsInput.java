package cn.nantong.livingcircle.explorer;

import cn.nantong.livingcircle.geo.Crs;

/** The {@code MapBoundsInput} argument: edges in decimal degrees in {@code crs}. */
record MapBoundsInput(Double south, Double west, Double north, Double east, Crs crs) {
}
