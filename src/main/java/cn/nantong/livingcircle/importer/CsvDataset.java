package cn.nantong.livingcircle.importer;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import cn.nantong.livingcircle.place.FacilityKind;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * A dataset in the project's open-data CSV layout (see {@code neo4j/data/nantong-demo/README.md}), parsed and
 * checked as a whole before anything is written: ids unique, every reference resolvable, numbers in range.
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
     * Reads the nine files below {@code location} (a directory URL such as {@code classpath:neo4j/data/nantong-demo/}
     * or {@code file:/data/export/}) and checks them.
     *
     * @param categoryCodes the catalogue's codes; a row with another category is an error
     */
    static CsvDataset read(ResourceLoader loader, String location, Set<String> categoryCodes) {
        String base = location.endsWith("/") ? location : location + "/";
        Function<String, Resource> file = name -> loader.getResource(base + name);
        List<DistrictRow> districts = read(file, "districts.csv", List.of("id", "name_zh"),
                r -> new DistrictRow(r.required("id"), r.required("name_zh"), r.optional("name_en")));
        List<SubdistrictRow> subdistricts = read(file, "subdistricts.csv", List.of("id", "district_id", "name_zh"),
                r -> new SubdistrictRow(r.required("id"), r.required("district_id"), r.required("name_zh"),
                        r.optional("name_en")));
        List<CommunityRow> communities = read(file, "communities.csv",
                List.of("id", "subdistrict_id", "name_zh", "lat", "lon"),
                r -> new CommunityRow(r.required("id"), r.required("subdistrict_id"), r.required("name_zh"),
                        r.optional("name_en"), r.lat(), r.lon(), r.optionalDecimal("area_square_meters", 0, 1e10),
                        r.optionalInteger("households", 0, MAX_PEOPLE), r.optionalInteger("residents", 0, MAX_PEOPLE),
                        r.optional("pilot") != null && r.bool("pilot"), r.optional("name_source")));
        List<BuildingRow> buildings = read(file, "buildings.csv", List.of("id", "community_id", "lat", "lon"),
                r -> new BuildingRow(r.required("id"), r.required("community_id"), r.optional("name"),
                        r.optionalInteger("households", 0, MAX_PEOPLE), r.optionalInteger("residents", 0, MAX_PEOPLE),
                        r.lat(), r.lon()));
        List<JunctionRow> junctions = read(file, "junctions.csv", List.of("id", "lat", "lon"),
                r -> new JunctionRow(r.required("id"), r.lat(), r.lon()));
        List<WalkwayRow> walkways = read(file, "walkways.csv",
                List.of("id", "from_junction_id", "to_junction_id", "length_m"),
                r -> new WalkwayRow(r.required("id"), r.required("from_junction_id"), r.required("to_junction_id"),
                        r.optional("kind"), r.decimal("length_m", 0, 1_000_000)));
        List<CenterRow> centers = read(file, "commercial_centers.csv", List.of("id", "community_id", "lat", "lon"),
                r -> new CenterRow(r.required("id"), r.required("community_id"), r.optional("name"),
                        r.optional("new_or_renovated") != null && r.bool("new_or_renovated"),
                        r.optionalInteger("renovated_year", 1900, 2100), r.optionalDecimal("floor_area_m2", 0, 1e8),
                        r.lat(), r.lon()));
        List<OutletRow> outlets = read(file, "outlets.csv",
                List.of("id", "community_id", "name", "category", "chain", "new_or_renovated", "lat", "lon"),
                r -> new OutletRow(r.required("id"), r.required("community_id"), r.optional("commercial_center_id"),
                        r.required("name"), category(r, categoryCodes), r.optional("brand"), r.bool("chain"),
                        r.bool("new_or_renovated"), r.optionalInteger("renovated_year", 1900, 2100),
                        r.optionalDecimal("floor_area_m2", 0, 1e8), r.optional("opening_hours"), r.lat(), r.lon()));
        List<FacilityRow> facilities = read(file, "facilities.csv",
                List.of("id", "community_id", "kind", "name", "category", "lat", "lon"),
                r -> new FacilityRow(r.required("id"), r.required("community_id"), kind(r), r.required("name"),
                        category(r, categoryCodes), r.optional("opening_hours"), r.lat(), r.lon()));

        CsvDataset dataset = new CsvDataset(districts, subdistricts, communities, buildings, junctions, walkways,
                centers, outlets, facilities);
        dataset.checkReferences();
        return dataset;
    }

    private static <T> List<T> read(Function<String, Resource> files, String name, List<String> required,
            Function<CsvTable.Row, T> mapper) {
        Resource resource = files.apply(name);
        if (!resource.exists()) {
            throw new ImportException(name + ": file not found at " + resource.getDescription());
        }
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return CsvTable.read(name, reader, required, mapper);
        } catch (IOException e) {
            throw new ImportException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String category(CsvTable.Row row, Set<String> codes) {
        String code = row.required("category");
        if (!codes.contains(code)) {
            throw row.error("category", "unknown category code '" + code + "'");
        }
        return code;
    }

    private static FacilityKind kind(CsvTable.Row row) {
        String kind = row.required("kind");
        try {
            return FacilityKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw row.error("kind", "unknown facility kind '" + kind + "'");
        }
    }

    /** Ids unique per file (places across outlets and facilities) and every reference pointing at a row. */
    private void checkReferences() {
        Set<String> districtIds = unique("districts.csv", districts, DistrictRow::id);
        Set<String> subdistrictIds = unique("subdistricts.csv", subdistricts, SubdistrictRow::id);
        Set<String> communityIds = unique("communities.csv", communities, CommunityRow::id);
        unique("buildings.csv", buildings, BuildingRow::id);
        Set<String> junctionIds = unique("junctions.csv", junctions, JunctionRow::id);
        unique("walkways.csv", walkways, WalkwayRow::id);
        Set<String> centerIds = unique("commercial_centers.csv", centers, CenterRow::id);
        Set<String> placeIds = new HashSet<>(unique("outlets.csv", outlets, OutletRow::id));
        for (FacilityRow facility : facilities) {
            if (!placeIds.add(facility.id())) {
                throw new ImportException("facilities.csv: id '" + facility.id() + "' is used twice among places");
            }
        }
        references("subdistricts.csv", "district_id", subdistricts, SubdistrictRow::districtId, districtIds);
        references("communities.csv", "subdistrict_id", communities, CommunityRow::subdistrictId, subdistrictIds);
        references("buildings.csv", "community_id", buildings, BuildingRow::communityId, communityIds);
        references("walkways.csv", "from_junction_id", walkways, WalkwayRow::fromId, junctionIds);
        references("walkways.csv", "to_junction_id", walkways, WalkwayRow::toId, junctionIds);
        references("commercial_centers.csv", "community_id", centers, CenterRow::communityId, communityIds);
        references("outlets.csv", "community_id", outlets, OutletRow::communityId, communityIds);
        references("outlets.csv", "commercial_center_id",
                outlets.stream().filter(o -> o.centerId() != null).toList(), OutletRow::centerId, centerIds);
        references("facilities.csv", "community_id", facilities, FacilityRow::communityId, communityIds);
    }

    private static <T> Set<String> unique(String file, List<T> rows, Function<T, String> id) {
        Set<String> ids = new HashSet<>(rows.size() * 2);
        for (T row : rows) {
            if (!ids.add(id.apply(row))) {
                throw new ImportException(file + ": id '" + id.apply(row) + "' appears twice");
            }
        }
        return ids;
    }

    private static <T> void references(String file, String column, List<T> rows, Function<T, String> ref,
            Set<String> targets) {
        for (T row : rows) {
            if (!targets.contains(ref.apply(row))) {
                throw new ImportException(file + ": column '" + column + "' refers to unknown id '"
                        + ref.apply(row) + "'");
            }
        }
    }
}
