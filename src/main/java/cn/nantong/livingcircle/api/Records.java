package cn.nantong.livingcircle.api;

import org.neo4j.driver.Value;

/** Null-tolerant reads of driver values, for optional properties in projections. */
public final class Records {

    private Records() {
    }

    public static Integer intOrNull(Value value) {
        return value == null || value.isNull() ? null : value.asInt();
    }

    public static Double doubleOrNull(Value value) {
        return value == null || value.isNull() ? null : value.asDouble();
    }

    public static String stringOrNull(Value value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    public static Boolean booleanOrNull(Value value) {
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    public static boolean booleanOrFalse(Value value) {
        return value != null && !value.isNull() && value.asBoolean();
    }

    public static GeoPoint pointOrNull(Value lat, Value lon) {
        return lat == null || lat.isNull() || lon == null || lon.isNull() ? null : new GeoPoint(lat.asDouble(), lon.asDouble());
    }
}
