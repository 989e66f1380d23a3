package cn.nantong.livingcircle.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file of a dataset, read with Commons CSV (RFC 4180, header row). Typed accessors fail with the file,
 * line and column of the bad value, so a data error can be found and fixed.
 */
final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();

    private CsvTable() {
    }

    /** Parses every row with {@code mapper}; the header must contain every name in {@code required}. */
    static <T> List<T> read(String file, Reader reader, List<String> required, Function<Row, T> mapper) {
        try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            List<String> header = parser.getHeaderNames();
            for (String column : required) {
                if (!header.contains(column)) {
                    throw ImportException.at(file, 1, "missing column '" + column + "' (header: " + header + ")");
                }
            }
            List<T> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (!record.isConsistent()) {
                    throw ImportException.at(file, parser.getCurrentLineNumber(),
                            "expected " + header.size() + " fields, found " + record.size());
                }
                rows.add(mapper.apply(new Row(file, parser.getCurrentLineNumber(), record)));
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new ImportException(file + ": not a readable CSV file: " + e.getMessage(), e);
        }
    }

    /** A data row with typed, validated accessors. */
    record Row(String file, long line, CSVRecord record) {

        String required(String column) {
            String value = record.get(column);
            if (value == null || value.isEmpty()) {
                throw error(column, "value is required");
            }
            return value;
        }

        String optional(String column) {
            String value = record.isMapped(column) ? record.get(column) : null;
            return value == null || value.isEmpty() ? null : value;
        }

        double decimal(String column, double min, double max) {
            String value = required(column);
            try {
                double parsed = Double.parseDouble(value);
                if (!(parsed >= min && parsed <= max)) {
                    throw error(column, "'" + value + "' is outside " + min + ".." + max);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw error(column, "'" + value + "' is not a number");
            }
        }

        Double optionalDecimal(String column, double min, double max) {
            return optional(column) == null ? null : decimal(column, min, max);
        }

        int integer(String column, int min, int max) {
            String value = required(column);
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < min || parsed > max) {
                    throw error(column, "'" + value + "' is outside " + min + ".." + max);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw error(column, "'" + value + "' is not a whole number");
            }
        }

        Integer optionalInteger(String column, int min, int max) {
            return optional(column) == null ? null : integer(column, min, max);
        }

        boolean bool(String column) {
            String value = required(column);
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            throw error(column, "'" + value + "' is not true or false");
        }

        double lat() {
            return decimal("lat", -90, 90);
        }

        double lon() {
            return decimal("lon", -180, 180);
        }

        ImportException error(String column, String message) {
            return ImportException.at(file, line, "column '" + column + "': " + message);
        }
    }
}
