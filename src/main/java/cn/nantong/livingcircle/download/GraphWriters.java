package cn.nantong.livingcircle.download;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import cn.nantong.livingcircle.dataset.DatasetInfo;
import cn.nantong.livingcircle.download.GraphSchema.PropertyType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Point;

/**
 * The whole published graph, streamed: as the node and relationship files of {@code neo4j-admin database import}
 * (header {@code :ID}, {@code :LABEL}, {@code name:type}; {@code :START_ID}, {@code :END_ID}, {@code :TYPE}) and as
 * GraphML (Gephi, yEd, NetworkX). Node ids are element ids, unique within the export.
 */
final class GraphWriters {

    static final String NODES = """
            MATCH (n) WHERE size(labels(n)) > 0 AND all(l IN labels(n) WHERE l IN $labels)
              AND (n.generation IS NULL OR n.generation = $generation)
            RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties
            """;
    static final String RELATIONSHIPS = """
            MATCH (a)-[r]->(b)
            WHERE size(labels(a)) > 0 AND all(l IN labels(a) WHERE l IN $labels)
              AND size(labels(b)) > 0 AND all(l IN labels(b) WHERE l IN $labels)
              AND (a.generation IS NULL OR a.generation = $generation)
              AND (b.generation IS NULL OR b.generation = $generation)
            RETURN elementId(r) AS id, elementId(a) AS start, elementId(b) AS end, type(r) AS type,
                   properties(r) AS properties
            """;
    private static final String ARRAY_DELIMITER = ";";
    private static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";

    private GraphWriters() {
    }

    /**
     * Every value is quoted except a missing one, because {@code neo4j-admin} reads an empty unquoted field as "no
     * property" and a quoted {@code ""} as the empty string.
     */
    private static CSVFormat importFormat(List<String> header) {
        return CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .setQuoteMode(QuoteMode.ALL_NON_NULL).setNullString("").get();
    }

    static void importNodes(SimpleQueryRunner tx, GraphSchema schema, OutputStream out) throws IOException {
        List<String> keys = List.copyOf(schema.nodeProperties().keySet());
        List<String> header = new ArrayList<>(List.of(":ID", ":LABEL"));
        keys.forEach(k -> header.add(k + ":" + schema.nodeProperties().get(k).importType));
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                importFormat(header))) {
            each(tx, NODES, r -> {
                List<Object> row = new ArrayList<>(header.size());
                row.add(r.get("id").asString());
                row.add(String.join(ARRAY_DELIMITER, r.get("labels").asList(Value::asString)));
                properties(r.get("properties"), keys, schema.nodeProperties(), row);
                print(csv, row);
            });
        }
    }

    static void importRelationships(SimpleQueryRunner tx, GraphSchema schema, OutputStream out) throws IOException {
        List<String> keys = List.copyOf(schema.relationshipProperties().keySet());
        List<String> header = new ArrayList<>(List.of(":START_ID", ":END_ID", ":TYPE"));
        keys.forEach(k -> header.add(k + ":" + schema.relationshipProperties().get(k).importType));
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                importFormat(header))) {
            each(tx, RELATIONSHIPS, r -> {
                List<Object> row = new ArrayList<>(header.size());
                row.add(r.get("start").asString());
                row.add(r.get("end").asString());
                row.add(r.get("type").asString());
                properties(r.get("properties"), keys, schema.relationshipProperties(), row);
                print(csv, row);
            });
        }
    }

    static void graphMl(SimpleQueryRunner tx, GraphSchema schema, DatasetInfo dataset, OutputStream out)
            throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("graphml");
            xml.writeDefaultNamespace(GRAPHML_NS);
            xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                    GRAPHML_NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
            xml.writeCharacters("\n");
            for (String key : List.of("licence", "attribution", "source", "datasetVersion")) {
                key(xml, "g_" + key, "graph", key, "string");
            }
            key(xml, "n_labels", "node", "labels", "string");
            graphMlKeys(xml, "n_", "node", schema.nodeProperties());
            key(xml, "e_label", "edge", "label", "string");
            graphMlKeys(xml, "e_", "edge", schema.relationshipProperties());
            xml.writeStartElement("graph");
            xml.writeAttribute("id", "G");
            xml.writeAttribute("edgedefault", "directed");
            xml.writeCharacters("\n");
            data(xml, "g_licence", dataset.licence());
            data(xml, "g_attribution", dataset.attribution());
            data(xml, "g_source", dataset.source());
            data(xml, "g_datasetVersion", dataset.version());
            each(tx, NODES, r -> xml(() -> {
                xml.writeStartElement("node");
                xml.writeAttribute("id", r.get("id").asString());
                data(xml, "n_labels", ":" + String.join(":", r.get("labels").asList(Value::asString)));
                graphMlData(xml, "n_", r.get("properties"), schema.nodeProperties());
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }));
            each(tx, RELATIONSHIPS, r -> xml(() -> {
                xml.writeStartElement("edge");
                xml.writeAttribute("id", r.get("id").asString());
                xml.writeAttribute("source", r.get("start").asString());
                xml.writeAttribute("target", r.get("end").asString());
                data(xml, "e_label", r.get("type").asString());
                graphMlData(xml, "e_", r.get("properties"), schema.relationshipProperties());
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        }
        catch (XMLStreamException ex) {
            throw new IOException("GraphML could not be written", ex);
        }
    }

    private static void graphMlKeys(XMLStreamWriter xml, String prefix, String domain, Map<String, PropertyType> keys)
            throws XMLStreamException {
        for (Map.Entry<String, PropertyType> key : keys.entrySet()) {
            if (key.getValue() == PropertyType.POINT) {
                // Gephi's geo layout reads plain latitude/longitude numbers
                key(xml, prefix + key.getKey() + "_latitude", domain, key.getKey() + "_latitude", "double");
                key(xml, prefix + key.getKey() + "_longitude", domain, key.getKey() + "_longitude", "double");
            }
            else {
                key(xml, prefix + key.getKey(), domain, key.getKey(), key.getValue().graphMlType);
            }
        }
    }

    private static void graphMlData(XMLStreamWriter xml, String prefix, Value properties,
            Map<String, PropertyType> types) throws XMLStreamException {
        for (String key : properties.keys()) {
            Value value = properties.get(key);
            if (types.get(key) == PropertyType.POINT) {
                Point point = value.asPoint();
                data(xml, prefix + key + "_latitude", Double.toString(point.y()));
                data(xml, prefix + key + "_longitude", Double.toString(point.x()));
            }
            else if (types.get(key).array()) {
                data(xml, prefix + key, value.toString());
            }
            else {
                data(xml, prefix + key, scalar(value, types.get(key)));
            }
        }
    }

    private static void key(XMLStreamWriter xml, String id, String domain, String name, String type)
            throws XMLStreamException {
        xml.writeEmptyElement("key");
        xml.writeAttribute("id", id);
        xml.writeAttribute("for", domain);
        xml.writeAttribute("attr.name", name);
        xml.writeAttribute("attr.type", type);
        xml.writeCharacters("\n");
    }

    private static void data(XMLStreamWriter xml, String key, String value) throws XMLStreamException {
        xml.writeStartElement("data");
        xml.writeAttribute("key", key);
        xml.writeCharacters(xmlText(value));
        xml.writeEndElement();
    }

    /** Drops the few characters XML 1.0 cannot carry at all (control characters other than tab and newlines). */
    static String xmlText(String value) {
        StringBuilder result = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
            if (!allowed && result == null) {
                result = new StringBuilder(value.substring(0, i));
            }
            else if (allowed && result != null) {
                result.append(c);
            }
        }
        return result == null ? value : result.toString();
    }

    private static void properties(Value properties, List<String> keys, Map<String, PropertyType> types,
            List<Object> row) {
        for (String key : keys) {
            Value value = properties.get(key);
            row.add(value == null || value.isNull() ? null : importValue(value, types.get(key)));
        }
    }

    private static String importValue(Value value, PropertyType type) {
        if (type.array()) {
            PropertyType element = switch (type) {
                case LONG_ARRAY -> PropertyType.LONG;
                case DOUBLE_ARRAY -> PropertyType.DOUBLE;
                case BOOLEAN_ARRAY -> PropertyType.BOOLEAN;
                default -> PropertyType.STRING;
            };
            return String.join(ARRAY_DELIMITER, value.asList(v -> scalar(v, element)));
        }
        if (type == PropertyType.POINT) {
            Point point = value.asPoint();
            return point.srid() == 4326
                    ? "{crs:'WGS-84', latitude:" + point.y() + ", longitude:" + point.x() + "}"
                    : "{crs:'cartesian', x:" + point.x() + ", y:" + point.y() + "}";
        }
        return scalar(value, type);
    }

    private static String scalar(Value value, PropertyType type) {
        return switch (type) {
            case STRING -> value.asString();
            case DOUBLE -> Double.toString(value.asDouble());
            case LONG -> Long.toString(value.asLong());
            case BOOLEAN -> Boolean.toString(value.asBoolean());
            default -> value.asObject().toString();
        };
    }

    private static void print(CSVPrinter csv, List<Object> row) {
        try {
            csv.printRecord(row);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static void each(SimpleQueryRunner tx, String query, Consumer<Record> consumer) throws IOException {
        try {
            tx.run(query, Map.of("labels", GraphSchema.PUBLISHED_LABELS)).forEachRemaining(consumer);
        }
        catch (java.io.UncheckedIOException ex) {
            throw ex.getCause();
        }
    }

    private interface XmlWrite {
        void run() throws XMLStreamException;
    }

    private static void xml(XmlWrite write) {
        try {
            write.run();
        }
        catch (XMLStreamException ex) {
            throw new java.io.UncheckedIOException(new IOException(ex));
        }
    }
}
