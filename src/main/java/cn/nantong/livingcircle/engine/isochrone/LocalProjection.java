package cn.nantong.livingcircle.engine.isochrone;

import cn.nantong.livingcircle.engine.Geo;
import org.locationtech.jts.geom.Coordinate;

/**
 * A local equirectangular projection centred on an origin: {@code x = Δlon · cos(lat0) · m/°},
 * {@code y = Δlat · m/°}, in metres on the mean sphere of {@link Geo}. Over the 2 km of a walking isochrone the scale
 * error is below 0.02 % (the change of cos(lat) across the area), far below the buffer's own approximation, so
 * buffers and areas computed in it are metres and square metres on the ground.
 */
public record LocalProjection(double lat0, double lon0, double metersPerDegreeLon) {

    public LocalProjection(double lat0, double lon0) {
        this(lat0, lon0, Geo.METERS_PER_DEGREE * Math.cos(Math.toRadians(lat0)));
    }

    public Coordinate project(double lat, double lon) {
        return new Coordinate((lon - lon0) * metersPerDegreeLon, (lat - lat0) * Geo.METERS_PER_DEGREE);
    }

    public double lat(Coordinate xy) {
        return lat0 + xy.y / Geo.METERS_PER_DEGREE;
    }

    public double lon(Coordinate xy) {
        return lon0 + xy.x / metersPerDegreeLon;
    }
}
