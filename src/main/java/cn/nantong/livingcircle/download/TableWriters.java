package cn.nantong.livingcircle.download;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

import cn.nantong.livingcircle.dataset.DatasetInfo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a table row by row as it arrives: CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese names,
 * RFC 4180 quoting by Commons CSV) or a GeoJSON FeatureCollection (RFC 7946: WGS84 {@code [lon, lat]} positions;
 * licence, attribution and data version as foreign members of the collection). Nothing is buffered beyond the
 * writer's own buffer.
 */
final class TableWriters {

    /** Seven decimals of a degree are about 1 cm, the precision of the stored coordinates. */
    private static final double POSITION_SCALE = 1e7;

    private TableWriters() {
    }

    static void csv(TableSpec table, Iterator<TableSpec.Row> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(table.columns().stream().map(Column::name).toArray(String[]::new))
                .get();
        try (CSVPrinter printer = new CSVPrinter(writer, format)) {
            while (rows.hasNext()) {
                printer.printRecord((Object[]) rows.next().values());
            }
        }
    }

    static void geoJson(JsonMapper json, TableSpec table, DatasetInfo dataset, Iterator<TableSpec.Row> rows,
            OutputStream out) throws IOException {
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeStringProperty("name", table.name());
            g.writeStringProperty("title", table.title());
            g.writeStringProperty("licence", dataset.licence());
            g.writeStringProperty("attribution", dataset.attribution());
            g.writeStringProperty("datasetVersion", dataset.version());
            g.writeName("features");
            g.writeStartArray();
            int key = table.columns().indexOf(table.columns().stream()
                    .filter(c -> c.name().equals(table.primaryKey().get(0))).findFirst().orElseThrow());
            while (rows.hasNext()) {
                TableSpec.Row row = rows.next();
                g.writeStartObject();
                g.writeStringProperty("type", "Feature");
                if (table.primaryKey().size() == 1) {
                    g.writeStringProperty("id", String.valueOf(row.values()[key]));
                }
                g.writeName("geometry");
                geometry(g, table.geometry(), row.lonLat());
                g.writeName("properties");
                g.writeStartObject();
                for (int i = 0; i < row.values().length; i++) {
                    g.writeName(table.columns().get(i).name());
                    value(g, row.values()[i]);
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void geometry(JsonGenerator g, TableSpec.Geometry kind, double[] lonLat) {
        g.writeStartObject();
        if (kind == TableSpec.Geometry.POINT) {
            g.writeStringProperty("type", "Point");
            g.writeName("coordinates");
            position(g, lonLat, 0);
        }
        else {
            g.writeStringProperty("type", "LineString");
            g.writeName("coordinates");
            g.writeStartArray();
            for (int i = 0; i < lonLat.length; i += 2) {
                position(g, lonLat, i);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    static void position(JsonGenerator g, double[] lonLat, int offset) {
        g.writeStartArray();
        g.writeNumber(Math.round(lonLat[offset] * POSITION_SCALE) / POSITION_SCALE);
        g.writeNumber(Math.round(lonLat[offset + 1] * POSITION_SCALE) / POSITION_SCALE);
        g.writeEndArray();
    }

    private static void value(JsonGenerator g, Object value) {
        if (value == null) {
            g.writeNull();
        }
        else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        }
        else if (value instanceof Long l) {
            g.writeNumber(l);
        }
        else if (value instanceof Integer i) {
            g.writeNumber(i);
        }
        else if (value instanceof Double d) {
            g.writeNumber(d);
        }
        else {
            g.writeString(value.toString());
        }
    }
}
