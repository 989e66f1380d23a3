package cn.nantong.livingcircle.importer;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import cn.nantong.livingcircle.importer.CsvLayout.Buildings;
import cn.nantong.livingcircle.importer.CsvLayout.CommercialCenters;
import cn.nantong.livingcircle.importer.CsvLayout.Communities;
import cn.nantong.livingcircle.importer.CsvLayout.Districts;
import cn.nantong.livingcircle.importer.CsvLayout.Facilities;
import cn.nantong.livingcircle.importer.CsvLayout.Junctions;
import cn.nantong.livingcircle.importer.CsvLayout.Outlets;
import cn.nantong.livingcircle.importer.CsvLayout.Subdistricts;
import cn.nantong.livingcircle.importer.CsvLayout.Walkways;
import cn.nantong.livingcircle.place.FacilityKind;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * A dataset in the project's open-data CSV layout ({@link CsvLayout}, documented in
 * {@code neo4j/data/nantong-demo/README.md}), parsed and checked as a whole before anything is written: ids
 * unique, every reference resolvable, numbers in range.
 */
record CsvDataset(List<DistrictRow> districts, List<SubdistrictRow> subdistricts, List<CommunityRow> communities,
        List<BuildingRow> buildings, List<JunctionRow> junctions, List<WalkwayRow> walkways,
        List<CenterRow> centers, List<OutletRow> outlets, List<FacilityRow> facilities) {

    record DistrictRow(String id, String nameZh, String nameEn) {
    }

    record SubdistrictRow(String id, String districtId, String nameZh, String nameEn) {
    }

    record CommunityRow(String id, String subdistrictId, String nameZh, String nameEn, double lat, double lon,
            Double areaSquareMeters, Integer households, Integer residents, boolean pilot, String nameSource) {
    }

    record BuildingRow(String id, String communityId, String name, Integer households, Integer residents, double lat,
            double lon) {
    }

    record JunctionRow(String id, double lat, double lon) {
    }

    record WalkwayRow(String id, String fromId, String toId, String kind, double lengthMeters) {
    }

    record CenterRow(String id, String communityId, String name, boolean newOrRenovated, Integer renovatedYear,
            Double floorAreaSquareMeters, double lat, double lon) {
    }

    record OutletRow(String id, String communityId, String centerId, String name, String category, String brand,
            boolean chain, boolean newOrRenovated, Integer renovatedYear, Double floorAreaSquareMeters,
            String openingHours, double lat, double lon) {
    }

    record FacilityRow(String id, String communityId, FacilityKind kind, String name, String category,
            String openingHours, double lat, double lon) {
    }

    private static final int MAX_PEOPLE = 1_000_000;

    /**
     * Reads the files of {@link CsvLayout#FILES} below {@code location} (a directory URL such as
     * {@code classpath:neo4j/data/nantong-demo/} or {@code file:/data/export/}) and checks them.
     *
     * @param categoryCodes the catalogue's codes; a row with another category is an error
     */
    static CsvDataset read(ResourceLoader loader, String location, Set<String> categoryCodes) {
        String base = location.endsWith("/") ? location : location + "/";
        Function<String, Resource> file = name -> loader.getResource(base + name);
        List<DistrictRow> districts = read(file, CsvLayout.DISTRICTS,
                r -> new DistrictRow(r.required(Districts.ID), r.required(Districts.NAME_ZH),
                        r.optional(Districts.NAME_EN)));
        List<SubdistrictRow> subdistricts = read(file, CsvLayout.SUBDISTRICTS,
                r -> new SubdistrictRow(r.required(Subdistricts.ID), r.required(Subdistricts.DISTRICT_ID),
                        r.required(Subdistricts.NAME_ZH), r.optional(Subdistricts.NAME_EN)));
        List<CommunityRow> communities = read(file, CsvLayout.COMMUNITIES,
                r -> new CommunityRow(r.required(Communities.ID), r.required(Communities.SUBDISTRICT_ID),
                        r.required(Communities.NAME_ZH), r.optional(Communities.NAME_EN),
                        r.latitude(Communities.LAT), r.longitude(Communities.LON),
                        r.optionalDecimal(Communities.AREA_SQUARE_METERS, 0, 1e10),
                        r.optionalInteger(Communities.HOUSEHOLDS, 0, MAX_PEOPLE),
                        r.optionalInteger(Communities.RESIDENTS, 0, MAX_PEOPLE),
                        r.optional(Communities.PILOT) != null && r.bool(Communities.PILOT),
                        r.optional(Communities.NAME_SOURCE)));
        List<BuildingRow> buildings = read(file, CsvLayout.BUILDINGS,
                r -> new BuildingRow(r.required(Buildings.ID), r.required(Buildings.COMMUNITY_ID),
                        r.optional(Buildings.NAME), r.optionalInteger(Buildings.HOUSEHOLDS, 0, MAX_PEOPLE),
                        r.optionalInteger(Buildings.RESIDENTS, 0, MAX_PEOPLE), r.latitude(Buildings.LAT),
                        r.longitude(Buildings.LON)));
        List<JunctionRow> junctions = read(file, CsvLayout.JUNCTIONS,
                r -> new JunctionRow(r.required(Junctions.ID), r.latitude(Junctions.LAT),
                        r.longitude(Junctions.LON)));
        List<WalkwayRow> walkways = read(file, CsvLayout.WALKWAYS,
                r -> new WalkwayRow(r.required(Walkways.ID), r.required(Walkways.FROM_JUNCTION_ID),
                        r.required(Walkways.TO_JUNCTION_ID), r.optional(Walkways.KIND),
                        r.decimal(Walkways.LENGTH_M, 0, 1_000_000)));
        List<CenterRow> centers = read(file, CsvLayout.COMMERCIAL_CENTERS,
                r -> new CenterRow(r.required(CommercialCenters.ID), r.required(CommercialCenters.COMMUNITY_ID),
                        r.optional(CommercialCenters.NAME),
                        r.optional(CommercialCenters.NEW_OR_RENOVATED) != null
                                && r.bool(CommercialCenters.NEW_OR_RENOVATED),
                        r.optionalInteger(CommercialCenters.RENOVATED_YEAR, 1900, 2100),
                        r.optionalDecimal(CommercialCenters.FLOOR_AREA_M2, 0, 1e8),
                        r.latitude(CommercialCenters.LAT), r.longitude(CommercialCenters.LON)));
        List<OutletRow> outlets = read(file, CsvLayout.OUTLETS,
                r -> new OutletRow(r.required(Outlets.ID), r.required(Outlets.COMMUNITY_ID),
                        r.optional(Outlets.COMMERCIAL_CENTER_ID), r.required(Outlets.NAME),
                        category(r, Outlets.CATEGORY, categoryCodes), r.optional(Outlets.BRAND),
                        r.bool(Outlets.CHAIN), r.bool(Outlets.NEW_OR_RENOVATED),
                        r.optionalInteger(Outlets.RENOVATED_YEAR, 1900, 2100),
                        r.optionalDecimal(Outlets.FLOOR_AREA_M2, 0, 1e8), r.optional(Outlets.OPENING_HOURS),
                        r.latitude(Outlets.LAT), r.longitude(Outlets.LON)));
        List<FacilityRow> facilities = read(file, CsvLayout.FACILITIES,
                r -> new FacilityRow(r.required(Facilities.ID), r.required(Facilities.COMMUNITY_ID), kind(r),
                        r.required(Facilities.NAME), category(r, Facilities.CATEGORY, categoryCodes),
                        r.optional(Facilities.OPENING_HOURS), r.latitude(Facilities.LAT),
                        r.longitude(Facilities.LON)));

        CsvDataset dataset = new CsvDataset(districts, subdistricts, communities, buildings, junctions, walkways,
                centers, outlets, facilities);
        dataset.checkReferences();
        return dataset;
    }

    private static <C extends Enum<C> & CsvLayout.Column, T> List<T> read(Function<String, Resource> files,
            CsvLayout<C> layout, Function<CsvTable.Row<C>, T> mapper) {
        String name = layout.fileName();
        Resource resource = files.apply(name);
        if (!resource.exists()) {
            throw new ImportException(name + ": file not found at " + resource.getDescription());
        }
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return CsvTable.read(layout, reader, mapper);
        } catch (IOException e) {
            throw new ImportException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static <C extends CsvLayout.Column> String category(CsvTable.Row<C> row, C column, Set<String> codes) {
        String code = row.required(column);
        if (!codes.contains(code)) {
            throw row.error(column, "unknown category code '" + code + "'");
        }
        return code;
    }

    private static FacilityKind kind(CsvTable.Row<Facilities> row) {
        String kind = row.required(Facilities.KIND);
        try {
            return FacilityKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw row.error(Facilities.KIND, "unknown facility kind '" + kind + "'");
        }
    }

    /** Ids unique per file (places across outlets and facilities) and every reference pointing at a row. */
    private void checkReferences() {
        Set<String> districtIds = unique(CsvLayout.DISTRICTS, districts, DistrictRow::id);
        Set<String> subdistrictIds = unique(CsvLayout.SUBDISTRICTS, subdistricts, SubdistrictRow::id);
        Set<String> communityIds = unique(CsvLayout.COMMUNITIES, communities, CommunityRow::id);
        unique(CsvLayout.BUILDINGS, buildings, BuildingRow::id);
        Set<String> junctionIds = unique(CsvLayout.JUNCTIONS, junctions, JunctionRow::id);
        unique(CsvLayout.WALKWAYS, walkways, WalkwayRow::id);
        Set<String> centerIds = unique(CsvLayout.COMMERCIAL_CENTERS, centers, CenterRow::id);
        Set<String> placeIds = new HashSet<>(unique(CsvLayout.OUTLETS, outlets, OutletRow::id));
        for (FacilityRow facility : facilities) {
            if (!placeIds.add(facility.id())) {
                throw new ImportException(CsvLayout.FACILITIES.fileName() + ": id '" + facility.id()
                        + "' is used twice among places");
            }
        }
        references(CsvLayout.SUBDISTRICTS, Subdistricts.DISTRICT_ID, subdistricts, SubdistrictRow::districtId,
                districtIds);
        references(CsvLayout.COMMUNITIES, Communities.SUBDISTRICT_ID, communities, CommunityRow::subdistrictId,
                subdistrictIds);
        references(CsvLayout.BUILDINGS, Buildings.COMMUNITY_ID, buildings, BuildingRow::communityId, communityIds);
        references(CsvLayout.WALKWAYS, Walkways.FROM_JUNCTION_ID, walkways, WalkwayRow::fromId, junctionIds);
        references(CsvLayout.WALKWAYS, Walkways.TO_JUNCTION_ID, walkways, WalkwayRow::toId, junctionIds);
        references(CsvLayout.COMMERCIAL_CENTERS, CommercialCenters.COMMUNITY_ID, centers, CenterRow::communityId,
                communityIds);
        references(CsvLayout.OUTLETS, Outlets.COMMUNITY_ID, outlets, OutletRow::communityId, communityIds);
        references(CsvLayout.OUTLETS, Outlets.COMMERCIAL_CENTER_ID,
                outlets.stream().filter(o -> o.centerId() != null).toList(), OutletRow::centerId, centerIds);
        references(CsvLayout.FACILITIES, Facilities.COMMUNITY_ID, facilities, FacilityRow::communityId,
                communityIds);
    }

    private static <T> Set<String> unique(CsvLayout<?> layout, List<T> rows, Function<T, String> id) {
        Set<String> ids = new HashSet<>(rows.size() * 2);
        for (T row : rows) {
            if (!ids.add(id.apply(row))) {
                throw new ImportException(layout.fileName() + ": id '" + id.apply(row) + "' appears twice");
            }
        }
        return ids;
    }

    private static <C extends Enum<C> & CsvLayout.Column, T> void references(CsvLayout<C> layout, C column,
            List<T> rows, Function<T, String> ref, Set<String> targets) {
        for (T row : rows) {
            if (!targets.contains(ref.apply(row))) {
                throw new ImportException(layout.fileName() + ": column '" + column.header()
                        + "' refers to unknown id '" + ref.apply(row) + "'");
            }
        }
    }
}
