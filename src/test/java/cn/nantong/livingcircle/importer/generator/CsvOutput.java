package cn.nantong.livingcircle.importer.generator;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.importer.CsvLayout.Buildings;
import cn.nantong.livingcircle.importer.CsvLayout.CommercialCenters;
import cn.nantong.livingcircle.importer.CsvLayout.Communities;
import cn.nantong.livingcircle.importer.CsvLayout.Districts;
import cn.nantong.livingcircle.importer.CsvLayout.Facilities;
import cn.nantong.livingcircle.importer.CsvLayout.Junctions;
import cn.nantong.livingcircle.importer.CsvLayout.Outlets;
import cn.nantong.livingcircle.importer.CsvLayout.Subdistricts;
import cn.nantong.livingcircle.importer.CsvLayout.Walkways;
import cn.nantong.livingcircle.importer.CsvLayout;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The dataset's CSV files: RFC 4180, UTF-8 without BOM, header row, {@code \n} record separator. File names, headers
 * and column order come from {@link CsvLayout}, the declaration the importer reads by; a row is filled column by
 * column and written in the layout's order.
 */
final class CsvOutput implements Closeable {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    /** One output file. {@code set} each column, then {@code write} the row. */
    static final class Table<C extends Enum<C> & CsvLayout.Column> {
        private final CsvLayout<C> layout;
        private final CSVPrinter printer;
        private final String[] values;
        private final boolean[] set;
        private long rows;

        private Table(Path dir, CsvLayout<C> layout) throws IOException {
            this.layout = layout;
            this.values = new String[layout.columns().size()];
            this.set = new boolean[values.length];
            this.printer = new CSVPrinter(
                    Files.newBufferedWriter(dir.resolve(layout.fileName()), StandardCharsets.UTF_8),
                    FORMAT.builder().setHeader(layout.header().toArray(String[]::new)).get());
        }

        /** Sets a cell of the current row; {@code ""} or {@code null} is an empty cell. */
        Table<C> set(C column, String value) {
            values[column.ordinal()] = value;
            set[column.ordinal()] = true;
            return this;
        }

        /** Writes the current row; every column must have been set. */
        void write() {
            for (C column : layout.columns()) {
                if (!set[column.ordinal()]) {
                    throw new IllegalStateException(layout.fileName() + ": no value for " + column.header());
                }
            }
            try {
                printer.printRecord((Object[]) values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Arrays.fill(values, null);
            Arrays.fill(set, false);
            rows++;
        }

        long rows() {
            return rows;
        }

        String file() {
            return layout.fileName();
        }
    }

    final Table<Districts> districts;
    final Table<Subdistricts> subdistricts;
    final Table<Communities> communities;
    final Table<Buildings> buildings;
    final Table<Junctions> junctions;
    final Table<Walkways> walkways;
    final Table<CommercialCenters> commercialCenters;
    final Table<Outlets> outlets;
    final Table<Facilities> facilities;
    private final List<Table<?>> all = new ArrayList<>();

    CsvOutput(Path dir) throws IOException {
        Files.createDirectories(dir);
        districts = open(dir, CsvLayout.DISTRICTS);
        subdistricts = open(dir, CsvLayout.SUBDISTRICTS);
        communities = open(dir, CsvLayout.COMMUNITIES);
        buildings = open(dir, CsvLayout.BUILDINGS);
        junctions = open(dir, CsvLayout.JUNCTIONS);
        walkways = open(dir, CsvLayout.WALKWAYS);
        commercialCenters = open(dir, CsvLayout.COMMERCIAL_CENTERS);
        outlets = open(dir, CsvLayout.OUTLETS);
        facilities = open(dir, CsvLayout.FACILITIES);
    }

    private <C extends Enum<C> & CsvLayout.Column> Table<C> open(Path dir, CsvLayout<C> layout) throws IOException {
        Table<C> t = new Table<>(dir, layout);
        all.add(t);
        return t;
    }

    /** Row counts (excluding headers) by file name, in file order. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table<?> t : all) {
            counts.put(t.file(), t.rows());
        }
        return counts;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Table<?> t : all) {
            try {
                t.printer.close(true);
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
