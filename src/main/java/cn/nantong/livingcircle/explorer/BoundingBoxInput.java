package cn.nantong.livingcircle.explorer;

import cn.nantong.livingcircle.geo.Crs;

/** The {@code BoundingBoxInput} argument: edges in decimal degrees in {@code crs}. */
record BoundingBoxInput(Double south, Double west, Double north, Double east, Crs crs) {
}
