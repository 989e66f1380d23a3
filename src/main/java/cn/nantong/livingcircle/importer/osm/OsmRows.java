package cn.nantong.livingcircle.importer.osm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter rows for the batched writes, and their comparison with what is stored: both sides go through
 * {@link #normalise} (integers as {@code Long}, decimals as {@code Double}, absent and null alike), so "unchanged"
 * means exactly "writing it again would store the same values".
 */
final class OsmRows {

    private OsmRows() {
    }

    /** A row from alternating keys and values; null values allowed (and dropped by {@link #normalise}). */
    static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return normalise(map);
    }

    static Map<String, Object> normalise(Map<String, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            Object v = normaliseValue(value);
            if (v != null) {
                out.put(key, v);
            }
        });
        return out;
    }

    private static Object normaliseValue(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(OsmRows::normaliseValue).toList();
        }
        return value;
    }

    /** True when the stored row (may be null: not stored) has exactly the values of the new row. */
    static boolean same(Map<String, Object> stored, Map<String, Object> fresh) {
        return stored != null && stored.equals(fresh);
    }
}
