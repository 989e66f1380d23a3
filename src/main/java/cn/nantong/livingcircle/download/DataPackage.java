package cn.nantong.livingcircle.download;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.nantong.livingcircle.dataset.DatasetInfo;
import cn.nantong.livingcircle.download.GraphSchema.PropertyType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Frictionless data package descriptor ({@code datapackage.json}, Data Package v1): licence, attribution and
 * sources of the dataset, and one resource per download with its columns. Paths are relative, so the descriptor
 * resolves against {@code /downloads/} wherever the API is served; {@code bytes} is given for the files already
 * generated for this data version.
 */
final class DataPackage {

    /** Licence ids the datasets use, with their canonical text and title. */
    private static final Map<String, List<String>> LICENCES = Map.of(
            "ODbL-1.0", List.of("https://opendatacommons.org/licenses/odbl/1-0/",
                    "Open Data Commons Open Database License 1.0"));

    private DataPackage() {
    }

    static void write(JsonMapper json, DatasetInfo dataset, List<DownloadFile> files, GraphSchema graph,
            Function<String, Long> bytes, OutputStream out) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("profile", "data-package");
        descriptor.put("name", dataset.id().toLowerCase(java.util.Locale.ROOT).replaceAll("[^-a-z0-9._/]", "-"));
        descriptor.put("title", dataset.name());
        descriptor.put("description", dataset.source());
        descriptor.put("created", dataset.importedAt());
        descriptor.put("datasetVersion", dataset.version());
        descriptor.put("synthetic", dataset.synthetic());
        descriptor.put("licenses", List.of(licence(dataset.licence())));
        descriptor.put("attribution", dataset.attribution());
        descriptor.put("contributors", List.of(Map.of("title", dataset.attribution(), "role", "author")));
        descriptor.put("sources", List.of(Map.of("title", dataset.source())));
        List<Map<String, Object>> resources = new ArrayList<>();
        for (DownloadFile file : files) {
            if (file.format() == DownloadFormat.DATAPACKAGE) {
                continue;
            }
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("name", file.resource());
            resource.put("path", file.name());
            resource.put("title", file.title());
            resource.put("description", file.description());
            resource.put("licenses", List.of(licence(dataset.licence())));
            Long size = bytes.apply(file.name());
            if (size != null) {
                resource.put("bytes", size);
            }
            switch (file.format()) {
                case CSV -> tabular(resource, "utf-8", fields(file.table().columns()), file.table().primaryKey());
                case NEO4J_IMPORT_CSV -> tabular(resource, "utf-8", graphFields(file, graph), List.of());
                case GEOJSON -> {
                    resource.put("profile", "data-resource");
                    resource.put("format", "geojson");
                    resource.put("mediatype", "application/geo+json");
                    resource.put("encoding", "utf-8");
                }
                case GRAPHML -> {
                    resource.put("profile", "data-resource");
                    resource.put("format", "graphml");
                    resource.put("mediatype", "application/graphml+xml");
                    resource.put("encoding", "utf-8");
                }
                default -> throw new IllegalStateException(file.format().name());
            }
            resources.add(resource);
        }
        descriptor.put("resources", resources);
        json.writerWithDefaultPrettyPrinter().writeValue(out, descriptor);
    }

    private static Map<String, Object> licence(String id) {
        Map<String, Object> licence = new LinkedHashMap<>();
        licence.put("name", id);
        List<String> known = LICENCES.get(id);
        if (known != null) {
            licence.put("path", known.get(0));
            licence.put("title", known.get(1));
        }
        return licence;
    }

    static String licenceUrl(String id) {
        List<String> known = LICENCES.get(id);
        return known == null ? null : known.get(0);
    }

    private static void tabular(Map<String, Object> resource, String encoding, List<Map<String, Object>> fields,
            List<String> primaryKey) {
        resource.put("profile", "tabular-data-resource");
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", encoding);
        resource.put("dialect", Map.of("delimiter", ",", "doubleQuote", true, "header", true));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("fields", fields);
        if (!primaryKey.isEmpty()) {
            schema.put("primaryKey", primaryKey);
        }
        schema.put("missingValues", List.of(""));
        resource.put("schema", schema);
    }

    private static List<Map<String, Object>> fields(List<Column> columns) {
        return columns.stream().map(c -> field(c.name(), c.type(), c.description())).toList();
    }

    private static List<Map<String, Object>> graphFields(DownloadFile file, GraphSchema graph) {
        List<Map<String, Object>> fields = new ArrayList<>();
        Map<String, PropertyType> properties;
        if (file.name().equals("graph-nodes.csv")) {
            fields.add(field(":ID", "string", "Node id, unique within this export (referenced by :START_ID/:END_ID)"));
            fields.add(field(":LABEL", "string", "The node's labels, ';' between them"));
            properties = graph.nodeProperties();
        }
        else {
            fields.add(field(":START_ID", "string", "Id of the start node in graph-nodes.csv"));
            fields.add(field(":END_ID", "string", "Id of the end node in graph-nodes.csv"));
            fields.add(field(":TYPE", "string", "Relationship type"));
            properties = graph.relationshipProperties();
        }
        properties.forEach((key, type) -> fields.add(field(key + ":" + type.importType, switch (type) {
            case LONG -> "integer";
            case DOUBLE -> "number";
            case BOOLEAN -> "boolean";
            default -> "string";
        }, "Property '" + key + "' (" + type.importType + "); empty where the element does not have it")));
        return fields;
    }

    private static Map<String, Object> field(String name, String type, String description) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", name);
        field.put("type", type);
        field.put("description", description);
        return field;
    }
}
