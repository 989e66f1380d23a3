package cn.nantong.livingcircle.search;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The demo dataset read straight from its CSV files with Commons CSV, so tests compute what a search should find
 * without the application's importer or queries; the category tiers and functions from the seed migration.
 */
final class DemoCsv {

    private static final Path DIR = Path.of("neo4j/data/nantong-demo");

    record Place(String id, boolean outlet, String communityId, String centerId, String name, String category,
            String brand, boolean chain, boolean newOrRenovated, Integer renovatedYear, Double floorArea,
            String facilityKind, double lat, double lon) {
    }

    record Category(String code, String tier, String function) {
    }

    final List<Place> places = new ArrayList<>();
    final Map<String, String> subdistrictOfCommunity = new HashMap<>();
    final Map<String, String> districtOfSubdistrict = new HashMap<>();
    final Map<String, String> subdistrictNames = new HashMap<>();
    final Map<String, String> districtNames = new HashMap<>();
    final Map<String, Integer> residentsOfCommunity = new HashMap<>();
    final Map<String, Integer> pilotBatchOfCommunity = new HashMap<>();
    final Map<String, String> communityOfCenter = new HashMap<>();
    final Map<String, Boolean> centerNewOrRenovated = new HashMap<>();
    final List<CSVRecord> buildings;
    final Map<String, Category> categories = new HashMap<>();

    DemoCsv() throws IOException {
        for (CSVRecord r : read(DIR.resolve("outlets.csv"))) {
            places.add(new Place(r.get("id"), true, r.get("community_id"), blankToNull(r.get("commercial_center_id")),
                    r.get("name"), r.get("category"), blankToNull(r.get("brand")), Boolean.parseBoolean(r.get("chain")),
                    Boolean.parseBoolean(r.get("new_or_renovated")), intOrNull(r.get("renovated_year")),
                    blankToNull(r.get("floor_area_m2")) == null ? null : Double.valueOf(r.get("floor_area_m2")), null,
                    Double.parseDouble(r.get("lat")), Double.parseDouble(r.get("lon"))));
        }
        for (CSVRecord r : read(DIR.resolve("facilities.csv"))) {
            places.add(new Place(r.get("id"), false, r.get("community_id"), null, r.get("name"), r.get("category"),
                    null, false, false, null, null, r.get("kind"), Double.parseDouble(r.get("lat")),
                    Double.parseDouble(r.get("lon"))));
        }
        for (CSVRecord r : read(DIR.resolve("communities.csv"))) {
            subdistrictOfCommunity.put(r.get("id"), r.get("subdistrict_id"));
            residentsOfCommunity.put(r.get("id"), Integer.valueOf(r.get("residents")));
        }
        for (CSVRecord r : read(DIR.resolve("subdistricts.csv"))) {
            districtOfSubdistrict.put(r.get("id"), r.get("district_id"));
            subdistrictNames.put(r.get("id"), r.get("name_zh"));
        }
        for (CSVRecord r : read(DIR.resolve("districts.csv"))) {
            districtNames.put(r.get("id"), r.get("name_zh"));
        }
        for (CSVRecord r : read(DIR.resolve("commercial_centers.csv"))) {
            communityOfCenter.put(r.get("id"), r.get("community_id"));
            centerNewOrRenovated.put(r.get("id"), Boolean.parseBoolean(r.get("new_or_renovated")));
        }
        for (CSVRecord r : read(Path.of("neo4j/data/programme/living_circles.csv"))) {
            pilotBatchOfCommunity.put(r.get("community_id"), Integer.valueOf(r.get("pilot_batch")));
        }
        buildings = read(DIR.resolve("buildings.csv"));
        Matcher m = Pattern.compile("code: '(\\w+)'.*?tier: '(\\w+)', +function: '(\\w+)'")
                .matcher(Files.readString(Path.of("neo4j/migrations/V0002__Seed_service_categories.cypher")));
        while (m.find()) {
            categories.put(m.group(1), new Category(m.group(1), m.group(2), m.group(3)));
        }
    }

    String subdistrictOf(Place p) {
        return subdistrictOfCommunity.get(p.communityId());
    }

    String districtOf(Place p) {
        return districtOfSubdistrict.get(subdistrictOf(p));
    }

    /** Great-circle distance as Neo4j's {@code point.distance} computes it for WGS-84 (haversine, its radius). */
    static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double r = 6378140.0;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Integer intOrNull(String s) {
        return s == null || s.isEmpty() ? null : Integer.valueOf(s);
    }
}
