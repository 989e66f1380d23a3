package cn.nantong.livingcircle.download;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.nantong.livingcircle.dataset.DatasetInfo;
import org.springframework.stereotype.Component;

/**
 * Every file under {@code /downloads/} and its price. A download is priced like a GraphQL request, before it runs,
 * from the rows it reads (the counts of the dataset node); the weights are the per-row times measured by
 * {@code scripts/bench-downloads.sh} on the demo data (one point is about 0.1 ms of server work).
 */
@Component
class DownloadCatalog {

    /** Every download costs at least this: one query, headers, the descriptor. */
    static final long BASE_POINTS = 10;
    /** Rows streamed per point for the plain tables (places, walkways: one index scan and a projection). */
    static final long TABLE_ROWS_PER_POINT = 20;
    /**
     * Walking-distance edges read per point by the tables computed from them (communities, buildings, gaps) and by
     * the graph exports, which write every edge.
     */
    static final long EDGES_PER_POINT = 40;

    private final Tables tables;

    DownloadCatalog(Tables tables) {
        this.tables = tables;
    }

    List<DownloadFile> files() {
        List<DownloadFile> files = new ArrayList<>();
        for (TableSpec table : tables.all()) {
            files.add(new DownloadFile(table.name() + ".csv", table.name(), DownloadFormat.CSV, table.title(),
                    table.description() + " CSV, UTF-8 with a byte-order mark.", table));
            files.add(new DownloadFile(table.name() + ".geojson", table.name() + "-geojson", DownloadFormat.GEOJSON,
                    table.title() + " (GeoJSON)", table.description() + " GeoJSON FeatureCollection (RFC 7946, "
                    + "WGS84 [lon, lat]); each feature's properties are the columns of " + table.name() + ".csv.",
                    table));
        }
        files.add(new DownloadFile("graph.graphml", "graph-graphml", DownloadFormat.GRAPHML, "The whole graph (GraphML)",
                "Every published node and relationship with its labels, type and properties, as GraphML (opens in "
                        + "Gephi, yEd, NetworkX); point properties as <name>_latitude and <name>_longitude.", null));
        files.add(new DownloadFile("graph-nodes.csv", "graph-nodes", DownloadFormat.NEO4J_IMPORT_CSV,
                "The whole graph for neo4j-admin: nodes",
                "Node file of `neo4j-admin database import full --nodes=graph-nodes.csv "
                        + "--relationships=graph-relationships.csv --multiline-fields=true`: :ID, :LABEL (';' "
                        + "between labels) and one typed column per property key (name:type; arrays ';'-separated).",
                null));
        files.add(new DownloadFile("graph-relationships.csv", "graph-relationships", DownloadFormat.NEO4J_IMPORT_CSV,
                "The whole graph for neo4j-admin: relationships",
                "Relationship file of the same import: :START_ID, :END_ID (ids of graph-nodes.csv), :TYPE and one "
                        + "typed column per property key.", null));
        files.add(new DownloadFile("datapackage.json", "datapackage", DownloadFormat.DATAPACKAGE,
                "Frictionless data package descriptor",
                "Describes every file and column, with licence and attribution.", null));
        return List.copyOf(files);
    }

    Optional<DownloadFile> find(String name) {
        return files().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The price of one download of {@code file} from {@code dataset}, in points. */
    static long points(DownloadFile file, DatasetInfo dataset) {
        long places = (long) dataset.outletCount() + dataset.facilityCount();
        long edges = dataset.walkingEdgeCount();
        long graph = dataset.buildingCount() + places + dataset.junctionCount() + dataset.walkwayCount() + edges;
        long work = switch (file.format()) {
            case CSV, GEOJSON -> switch (file.table().name()) {
                case "places" -> places / TABLE_ROWS_PER_POINT;
                case "walkways" -> dataset.walkwayCount() / TABLE_ROWS_PER_POINT;
                default -> (dataset.buildingCount() + edges) / EDGES_PER_POINT;
            };
            case GRAPHML, NEO4J_IMPORT_CSV -> graph / EDGES_PER_POINT;
            case DATAPACKAGE -> graph / EDGES_PER_POINT / 10;
        };
        return BASE_POINTS + work;
    }
}
