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

    /** Parses every row with {@code mapper}; the header must contain every required column of {@code layout}. */
    static <C extends Enum<C> & CsvLayout.Column, T> List<T> read(CsvLayout<C> layout, Reader reader,
            Function<Row<C>, T> mapper) {
        String file = layout.fileName();
        try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            List<String> header = parser.getHeaderNames();
            for (String column : layout.requiredHeader()) {
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
                rows.add(mapper.apply(new Row<>(file, parser.getCurrentLineNumber(), record)));
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new ImportException(file + ": not a readable CSV file: " + e.getMessage(), e);
        }
    }

    /** A data row of a file with columns {@code C}, with typed, validated accessors. */
    record Row<C extends CsvLayout.Column>(String file, long line, CSVRecord record) {

        String required(C column) {
            String value = record.get(column.header());
            if (value == null || value.isEmpty()) {
                throw error(column, "value is required");
            }
            return value;
        }

        String optional(C column) {
            String value = record.isMapped(column.header()) ? record.get(column.header()) : null;
            return value == null || value.isEmpty() ? null : value;
        }

        double decimal(C column, double min, double max) {
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

        Double optionalDecimal(C column, double min, double max) {
            return optional(column) == null ? null : decimal(column, min, max);
        }

        int integer(C column, int min, int max) {
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

        Integer optionalInteger(C column, int min, int max) {
            return optional(column) == null ? null : integer(column, min, max);
        }

        boolean bool(C column) {
            String value = required(column);
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            throw error(column, "'" + value + "' is not true or false");
        }

        double latitude(C column) {
            return decimal(column, -90, 90);
        }

        double longitude(C column) {
            return decimal(column, -180, 180);
        }

        ImportException error(C column, String message) {
            return ImportException.at(file, line, "column '" + column.header() + "': " + message);
        }
    }
}
