package cn.nantong.livingcircle.importer;

import java.util.List;

/**
 * The open-data CSV layout of a dataset (documented in {@code neo4j/data/nantong-demo/README.md}), declared once:
 * its files, each file's columns in the order they are written, and which columns a file must have. The importer
 * ({@link CsvDataset}) reads by it, the dataset generator (test sources) writes its headers and column order from
 * it, and an export should do the same rather than spell a column name again.
 *
 * <p>A <em>required</em> column must be in the file's header and have a value in every row. An optional column may
 * be missing from the header; an empty cell means null.
 *
 * @param <C> the file's columns, declared in file order
 */
public final class CsvLayout<C extends Enum<C> & CsvLayout.Column> {

    /** One column of one file. */
    public interface Column {

        /** The name in the header row. */
        String header();

        /** Whether the file must have this column (and a value in it on every row). */
        boolean required();
    }

    private static final boolean REQUIRED = true;
    private static final boolean OPTIONAL = false;

    public static final CsvLayout<Districts> DISTRICTS = new CsvLayout<>("districts.csv", Districts.class);
    public static final CsvLayout<Subdistricts> SUBDISTRICTS = new CsvLayout<>("subdistricts.csv",
            Subdistricts.class);
    public static final CsvLayout<Communities> COMMUNITIES = new CsvLayout<>("communities.csv", Communities.class);
    public static final CsvLayout<Buildings> BUILDINGS = new CsvLayout<>("buildings.csv", Buildings.class);
    public static final CsvLayout<Junctions> JUNCTIONS = new CsvLayout<>("junctions.csv", Junctions.class);
    public static final CsvLayout<Walkways> WALKWAYS = new CsvLayout<>("walkways.csv", Walkways.class);
    public static final CsvLayout<CommercialCenters> COMMERCIAL_CENTERS = new CsvLayout<>("commercial_centers.csv",
            CommercialCenters.class);
    public static final CsvLayout<Outlets> OUTLETS = new CsvLayout<>("outlets.csv", Outlets.class);
    public static final CsvLayout<Facilities> FACILITIES = new CsvLayout<>("facilities.csv", Facilities.class);

    /** Every file of a dataset, in the order they are read and written. */
    public static final List<CsvLayout<?>> FILES = List.of(DISTRICTS, SUBDISTRICTS, COMMUNITIES, BUILDINGS, JUNCTIONS,
            WALKWAYS, COMMERCIAL_CENTERS, OUTLETS, FACILITIES);

    public enum Districts implements Column {
        ID("id", REQUIRED),
        NAME_ZH("name_zh", REQUIRED),
        NAME_EN("name_en", OPTIONAL);

        private final String header;
        private final boolean required;

        Districts(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        @Override
        public String header() {
            return header;
        }

        @Override
        public boolean required() {
            return required;
        }
    }

    public enum Subdistricts implements Column {
        ID("id", REQUIRED),
        DISTRICT_ID("district_id", REQUIRED),
        NAME_ZH("name_zh", REQUIRED),
        NAME_EN("name_en", OPTIONAL);

        private final String header;
        private final boolean required;

        Subdistricts(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        @Override
        public String header() {
            return header;
        }

        @Override
        public boolean required() {
            return required;
        }
    }

    public enum Communities implements Column {
        ID("id", REQUIRED),
        SUBDISTRICT_ID("subdistrict_id", REQUIRED),
        NAME_ZH("name_zh", REQUIRED),
        NAME_EN("name_en", OPTIONAL),
        LAT("lat", REQUIRED),
        LON("lon", REQUIRED),
        AREA_SQUARE_METERS("area_square_meters", OPTIONAL),
        HOUSEHOLDS("households", OPTIONAL),
        RESIDENTS("residents", OPTIONAL),
        PILOT("pilot", OPTIONAL),
        NAME_SOURCE("name_source", OPTIONAL);

        private final String header;
        private final boolean required;

        Communities(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        @Override
        public String header() {
            return header;
        }

        @Override
        public boolean required() {
            return required;
        }
    }

    public enum Buildings implements Column {
        ID("id", REQUIRED),
        COMMUNITY_ID("community_id", REQUIRED),
        NAME("name", OPTIONAL),
        HOUSEHOLDS("households", OPTIONAL),
        RESIDENTS("residents", OPTIONAL),
        LAT("lat", REQUIRED),
        LON("lon", REQUIRED);

        private final String header;
        private final boolean required;

        Buildings(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        @Override
        public String header() {
            return header;
        }

        @Override
        public boolean required() {
            return required;
        }
    }

    public enum Junctions implements Column {
        ID("id", REQUIRED),
        LAT("lat", REQUIRED),
        LON("lon", REQUIRED);

        private final String header;
        private final boolean required;

        Junctions(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        @Override
        public String header() {
            return header;
        }

        @Override
        public boolean required() {
            return required;
        }
    }

    public enum Walkways implements Column {
        ID("id", REQUIRED),
        FROM_JUNCTION_ID("from_junction_id", REQUIRED),
        TO_JUNCTION_ID("to_junction_id", REQUIRED),
        KIND("kind", OPTIONAL),
        LENGTH_M("length_m", REQUIRED);

        private final String header;
        private final boolean required;

        Walkways(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        @Override
        public String header() {
            return header;
        }

        @Override
        public boolean required() {
            return required;
        }
    }

    public enum CommercialCenters implements Column {
        ID("id", REQUIRED),
        COMMUNITY_ID("community_id", REQUIRED),
        NAME("name", OPTIONAL),
        NEW_OR_RENOVATED("new_or_renovated", OPTIONAL),
        RENOVATED_YEAR("renovated_year", OPTIONAL),
        FLOOR_AREA_M2("floor_area_m2", OPTIONAL),
        LAT("lat", REQUIRED),
        LON("lon", REQUIRED);

        private final String header;
        private final boolean required;

        CommercialCenters(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        @Override
        public String header() {
            return header;
        }

        @Override
        public boolean required() {
            return required;
        }
    }

    public enum Outlets implements Column {
        ID("id", REQUIRED),
        COMMUNITY_ID("community_id", REQUIRED),
        COMMERCIAL_CENTER_ID("commercial_center_id", OPTIONAL),
        NAME("name", REQUIRED),
        CATEGORY("category", REQUIRED),
        BRAND("brand", OPTIONAL),
        CHAIN("chain", REQUIRED),
        NEW_OR_RENOVATED("new_or_renovated", REQUIRED),
        RENOVATED_YEAR("renovated_year", OPTIONAL),
        FLOOR_AREA_M2("floor_area_m2", OPTIONAL),
        OPENING_HOURS("opening_hours", OPTIONAL),
        LAT("lat", REQUIRED),
        LON("lon", REQUIRED);

        private final String header;
        private final boolean required;

        Outlets(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        @Override
        public String header() {
            return header;
        }

        @Override
        public boolean required() {
            return required;
        }
    }

    public enum Facilities implements Column {
        ID("id", REQUIRED),
        COMMUNITY_ID("community_id", REQUIRED),
        KIND("kind", REQUIRED),
        NAME("name", REQUIRED),
        CATEGORY("category", REQUIRED),
        OPENING_HOURS("opening_hours", OPTIONAL),
        LAT("lat", REQUIRED),
        LON("lon", REQUIRED);

        private final String header;
        private final boolean required;

        Facilities(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        @Override
        public String header() {
            return header;
        }

        @Override
        public boolean required() {
            return required;
        }
    }

    private final String fileName;
    private final Class<C> columnType;
    private final List<C> columns;

    private CsvLayout(String fileName, Class<C> columnType) {
        this.fileName = fileName;
        this.columnType = columnType;
        this.columns = List.of(columnType.getEnumConstants());
    }

    /** The file's name inside the dataset directory, e.g. {@code walkways.csv}. */
    public String fileName() {
        return fileName;
    }

    /** The enum of the file's columns. */
    public Class<C> columnType() {
        return columnType;
    }

    /** The columns in file order. */
    public List<C> columns() {
        return columns;
    }

    /** The header row: every column name, in file order. */
    public List<String> header() {
        return columns.stream().map(Column::header).toList();
    }

    /** Names of the columns the header must contain. */
    public List<String> requiredHeader() {
        return columns.stream().filter(Column::required).map(Column::header).toList();
    }

    @Override
    public String toString() {
        return fileName + " " + header();
    }
}
