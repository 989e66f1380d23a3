package cn.nantong.livingcircle.importer.generator;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The dataset's CSV files: RFC 4180, UTF-8 without BOM, header row, {@code \n} record separator. */
final class CsvOutput implements Closeable {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    static final String DISTRICTS = "districts.csv";
    static final String SUBDISTRICTS = "subdistricts.csv";
    static final String COMMUNITIES = "communities.csv";
    static final String BUILDINGS = "buildings.csv";
    static final String JUNCTIONS = "junctions.csv";
    static final String WALKWAYS = "walkways.csv";
    static final String COMMERCIAL_CENTERS = "commercial_centers.csv";
    static final String OUTLETS = "outlets.csv";
    static final String FACILITIES = "facilities.csv";

    static final Map<String, List<String>> HEADERS = headers();

    private static Map<String, List<String>> headers() {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put(DISTRICTS, List.of("id", "name_zh", "name_en"));
        h.put(SUBDISTRICTS, List.of("id", "district_id", "name_zh", "name_en"));
        h.put(COMMUNITIES, List.of("id", "subdistrict_id", "name_zh", "name_en", "lat", "lon", "area_square_meters",
                "households", "residents", "pilot", "name_source"));
        h.put(BUILDINGS, List.of("id", "community_id", "name", "households", "residents", "lat", "lon"));
        h.put(JUNCTIONS, List.of("id", "lat", "lon"));
        h.put(WALKWAYS, List.of("id", "from_junction_id", "to_junction_id", "kind", "length_m"));
        h.put(COMMERCIAL_CENTERS, List.of("id", "community_id", "name", "new_or_renovated", "renovated_year",
                "floor_area_m2", "lat", "lon"));
        h.put(OUTLETS, List.of("id", "community_id", "commercial_center_id", "name", "category", "brand", "chain",
                "new_or_renovated", "renovated_year", "floor_area_m2", "opening_hours", "lat", "lon"));
        h.put(FACILITIES, List.of("id", "community_id", "kind", "name", "category", "opening_hours", "lat", "lon"));
        return h;
    }

    /** One output file. */
    static final class Table {
        private final String file;
        private final int columns;
        private final CSVPrinter printer;
        private long rows;

        private Table(Path dir, String file) throws IOException {
            this.file = file;
            List<String> header = HEADERS.get(file);
            this.columns = header.size();
            this.printer = new CSVPrinter(Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8),
                    FORMAT.builder().setHeader(header.toArray(String[]::new)).get());
        }

        void row(String... values) {
            if (values.length != columns) {
                throw new IllegalArgumentException(file + ": expected " + columns + " values, got " + values.length);
            }
            try {
                printer.printRecord((Object[]) values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows++;
        }

        long rows() {
            return rows;
        }

        String file() {
            return file;
        }
    }

    final Table districts;
    final Table subdistricts;
    final Table communities;
    final Table buildings;
    final Table junctions;
    final Table walkways;
    final Table commercialCenters;
    final Table outlets;
    final Table facilities;
    private final List<Table> all = new ArrayList<>();

    CsvOutput(Path dir) throws IOException {
        Files.createDirectories(dir);
        districts = open(dir, DISTRICTS);
        subdistricts = open(dir, SUBDISTRICTS);
        communities = open(dir, COMMUNITIES);
        buildings = open(dir, BUILDINGS);
        junctions = open(dir, JUNCTIONS);
        walkways = open(dir, WALKWAYS);
        commercialCenters = open(dir, COMMERCIAL_CENTERS);
        outlets = open(dir, OUTLETS);
        facilities = open(dir, FACILITIES);
    }

    private Table open(Path dir, String file) throws IOException {
        Table t = new Table(dir, file);
        all.add(t);
        return t;
    }

    /** Row counts (excluding headers) by file name, in file order. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table t : all) {
            counts.put(t.file(), t.rows());
        }
        return counts;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Table t : all) {
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
