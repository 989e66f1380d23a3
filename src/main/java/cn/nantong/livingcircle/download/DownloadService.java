package cn.nantong.livingcircle.download;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

import cn.nantong.livingcircle.dataset.DatasetInfo;
import cn.nantong.livingcircle.system.GenerationScoped;
import cn.nantong.livingcircle.system.Neo4jSessions;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Transaction;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams one download from a read transaction straight into the response: the driver fetches records in batches
 * and every record is written before the next batch is pulled, so memory does not grow with the dataset. An
 * explicit transaction rather than a managed one: a managed read would retry a transient failure and write the
 * first rows twice.
 */
@Service
class DownloadService {

    private final Neo4jSessions sessions;
    private final DownloadCatalog catalog;
    private final DownloadSizes sizes;
    private final JsonMapper json;

    DownloadService(Neo4jSessions sessions, DownloadCatalog catalog, DownloadSizes sizes, JsonMapper json) {
        this.sessions = sessions;
        this.catalog = catalog;
        this.sizes = sizes;
        this.json = json;
    }

    /** Writes {@code file} to {@code out} (not closed) and returns its size in bytes. */
    long write(DownloadFile file, DatasetInfo dataset, OutputStream out) throws IOException {
        CountingStream counted = new CountingStream(out);
        try (Session session = sessions.read(); Transaction readTx = session.beginTransaction()) {
            GenerationScoped tx = GenerationScoped.of(readTx, dataset.generation());
            switch (file.format()) {
                case CSV -> TableWriters.csv(file.table(), rows(tx, file.table()), counted);
                case GEOJSON -> TableWriters.geoJson(json, file.table(), dataset, rows(tx, file.table()), counted);
                case GRAPHML -> GraphWriters.graphMl(tx, GraphSchema.discover(tx), dataset, counted);
                case NEO4J_IMPORT_CSV -> {
                    if (file.name().equals("graph-nodes.csv")) {
                        GraphWriters.importNodes(tx, GraphSchema.discover(tx), counted);
                    }
                    else {
                        GraphWriters.importRelationships(tx, GraphSchema.discover(tx), counted);
                    }
                }
                case DATAPACKAGE -> DataPackage.write(json, dataset, catalog.files(), GraphSchema.discover(tx),
                        name -> sizes.bytes(dataset.version(), name), counted);
            }
        }
        counted.flush();
        sizes.record(dataset.version(), file.name(), counted.count);
        return counted.count;
    }

    private static Iterator<TableSpec.Row> rows(SimpleQueryRunner tx, TableSpec table) {
        if (table.pageRows() > 0) {
            return new PagedRows(tx, table);
        }
        Result result = tx.run(table.cypher(), table.parameters());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return result.hasNext();
            }

            @Override
            public TableSpec.Row next() {
                return table.row().apply(result.next());
            }
        };
    }

    /** The pages of a paged table one after the other; a page shorter than {@code pageRows} is the last. */
    private static final class PagedRows implements Iterator<TableSpec.Row> {

        private final SimpleQueryRunner tx;
        private final TableSpec table;
        private Result page;
        private int rowsInPage;
        private String lastKey = "";

        PagedRows(SimpleQueryRunner tx, TableSpec table) {
            this.tx = tx;
            this.table = table;
            this.page = run();
        }

        private Result run() {
            Map<String, Object> parameters = new HashMap<>(table.parameters());
            parameters.put("after", lastKey);
            parameters.put("pageSize", table.pageRows());
            rowsInPage = 0;
            return tx.run(table.cypher(), parameters);
        }

        @Override
        public boolean hasNext() {
            if (!page.hasNext() && rowsInPage == table.pageRows()) {
                page = run();
            }
            return page.hasNext();
        }

        @Override
        public TableSpec.Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Record record = page.next();
            rowsInPage++;
            lastKey = record.get("pageKey").asString();
            return table.row().apply(record);
        }
    }

    /** Counts what passes and keeps the response open: the writers close their stream when they finish. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
