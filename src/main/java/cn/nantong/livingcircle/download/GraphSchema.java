package cn.nantong.livingcircle.download;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;

/**
 * The property keys of the published part of the graph and the type of each, discovered from the data (one scan of
 * nodes and one of relationships, keeping only the distinct key/type pairs), so the graph exports follow the graph
 * as it is instead of a list that would go stale when a feature adds a property.
 *
 * <p>Only nodes all of whose labels are open data are published, and only relationships between two of them: API
 * keys, applied migrations and whatever a later feature adds stay out until they are listed here on purpose.
 */
record GraphSchema(Map<String, PropertyType> nodeProperties, Map<String, PropertyType> relationshipProperties) {

    static final List<String> PUBLISHED_LABELS = List.of("District", "Subdistrict", "Community", "Building", "Place",
            "Outlet", "Facility", "CommercialCenter", "ServiceCategory", "Junction", "Dataset", "LivingCircle",
            "SatisfactionSurvey", "PublishedFigure");

    /** A property's type: its {@code neo4j-admin import} header type and its GraphML {@code attr.type}. */
    enum PropertyType {
        STRING("string", "string"),
        LONG("long", "long"),
        DOUBLE("double", "double"),
        BOOLEAN("boolean", "boolean"),
        POINT("point", null),
        DATE("date", "string"),
        LOCAL_TIME("localtime", "string"),
        TIME("time", "string"),
        LOCAL_DATETIME("localdatetime", "string"),
        DATETIME("datetime", "string"),
        DURATION("duration", "string"),
        STRING_ARRAY("string[]", "string"),
        LONG_ARRAY("long[]", "string"),
        DOUBLE_ARRAY("double[]", "string"),
        BOOLEAN_ARRAY("boolean[]", "string");

        final String importType;
        final String graphMlType;

        PropertyType(String importType, String graphMlType) {
            this.importType = importType;
            this.graphMlType = graphMlType;
        }

        boolean array() {
            return name().endsWith("_ARRAY");
        }

        /** Maps Cypher's {@code valueType()} (e.g. {@code LIST<FLOAT NOT NULL> NOT NULL}). */
        static PropertyType of(String valueType) {
            String t = valueType.replace(" NOT NULL", "");
            return switch (t) {
                case "STRING" -> STRING;
                case "INTEGER" -> LONG;
                case "FLOAT" -> DOUBLE;
                case "BOOLEAN" -> BOOLEAN;
                case "POINT" -> POINT;
                case "DATE" -> DATE;
                case "LOCAL TIME" -> LOCAL_TIME;
                case "ZONED TIME" -> TIME;
                case "LOCAL DATETIME" -> LOCAL_DATETIME;
                case "ZONED DATETIME" -> DATETIME;
                case "DURATION" -> DURATION;
                case "LIST<STRING>" -> STRING_ARRAY;
                case "LIST<INTEGER>" -> LONG_ARRAY;
                case "LIST<FLOAT>" -> DOUBLE_ARRAY;
                case "LIST<BOOLEAN>" -> BOOLEAN_ARRAY;
                default -> throw new IllegalStateException("No export type for a property of type " + valueType);
            };
        }
    }

    static GraphSchema discover(SimpleQueryRunner tx) {
        Map<String, PropertyType> nodes = types(tx.run("""
                MATCH (n) WHERE size(labels(n)) > 0 AND all(l IN labels(n) WHERE l IN $labels)
                  AND (n.generation IS NULL OR n.generation = $generation)
                UNWIND keys(n) AS key
                RETURN key, collect(DISTINCT valueType(n[key])) AS types
                """, Map.of("labels", PUBLISHED_LABELS)).list(r -> Map.entry(r.get("key").asString(), r.get("types"))));
        Map<String, PropertyType> relationships = types(tx.run("""
                MATCH (a)-[r]->(b)
                WHERE size(labels(a)) > 0 AND all(l IN labels(a) WHERE l IN $labels)
                  AND size(labels(b)) > 0 AND all(l IN labels(b) WHERE l IN $labels)
                  AND (a.generation IS NULL OR a.generation = $generation)
                  AND (b.generation IS NULL OR b.generation = $generation)
                UNWIND keys(r) AS key
                RETURN key, collect(DISTINCT valueType(r[key])) AS types
                """, Map.of("labels", PUBLISHED_LABELS)).list(r -> Map.entry(r.get("key").asString(), r.get("types"))));
        return new GraphSchema(nodes, relationships);
    }

    private static Map<String, PropertyType> types(List<Map.Entry<String, Value>> keys) {
        Map<String, PropertyType> result = new TreeMap<>();
        for (Map.Entry<String, Value> key : keys) {
            List<PropertyType> types = key.getValue().asList(v -> PropertyType.of(v.asString()));
            PropertyType type = types.get(0);
            if (types.size() > 1) {
                // an integer stored where other rows hold floats reads back as a float in a double column
                boolean numeric = types.stream().allMatch(t -> t == PropertyType.LONG || t == PropertyType.DOUBLE);
                if (!numeric) {
                    throw new IllegalStateException("Property '" + key.getKey() + "' has several types: " + types);
                }
                type = PropertyType.DOUBLE;
            }
            result.put(key.getKey(), type);
        }
        return result;
    }
}
