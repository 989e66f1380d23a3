package cn.nantong.livingcircle.api;

/** A WGS84 coordinate in decimal degrees. */
public record GeoPoint(double lat, double lon) {

    /**
     * A coordinate given as argument {@code argument} ({@code argument.lat}, {@code argument.lon}), after the range
     * checks every coordinate argument gets: a missing or out-of-range value is OUT_OF_RANGE naming the component.
     */
    public static GeoPoint checked(String argument, Double lat, Double lon) {
        if (lat == null || !(lat >= -90.0 && lat <= 90.0)) {
            throw ApiException.outOfRange(argument + ".lat", lat, -90, 90);
        }
        if (lon == null || !(lon >= -180.0 && lon <= 180.0)) {
            throw ApiException.outOfRange(argument + ".lon", lon, -180, 180);
        }
        return new GeoPoint(lat, lon);
    }
}
