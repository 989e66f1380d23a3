package cn.nantong.livingcircle.download;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Record;

/**
 * A table download: the Cypher that streams its rows (ordered by its key, so the same data version gives the same
 * bytes and the ETag may be strong), its columns and how one record becomes one row.
 *
 * @param primaryKey  the columns that identify a row
 * @param geometry    how a row is drawn in GeoJSON
 * @param parameters  the query's parameters
 * @param row         one record as the values of {@code columns} in order (null = empty) and its geometry
 * @param pageRows    0: {@code cypher} streams every row at once. Otherwise it returns one page of at most this
 *                    many rows after the key {@code $after} (the empty string for the first page) with the row's
 *                    key as {@code pageKey}, and is run page after page in the same transaction: for a table whose
 *                    query would otherwise sort all its rows in the database's memory.
 */
record TableSpec(String name, String title, String description, List<Column> columns, List<String> primaryKey,
        Geometry geometry, String cypher, Map<String, Object> parameters, Function<Record, Row> row, int pageRows) {

    TableSpec(String name, String title, String description, List<Column> columns, List<String> primaryKey,
            Geometry geometry, String cypher, Map<String, Object> parameters, Function<Record, Row> row) {
        this(name, title, description, columns, primaryKey, geometry, cypher, parameters, row, 0);
    }

    enum Geometry {
        /** A {@code Point}: the row's {@code lonLat} holds one position. */
        POINT,
        /** A {@code LineString}: {@code lonLat} holds two or more positions. */
        LINE_STRING
    }

    /**
     * @param lonLat positions as {@code [lon0, lat0, lon1, lat1, ...]} (GeoJSON's order), WGS84
     */
    record Row(Object[] values, double[] lonLat) {
    }
}
