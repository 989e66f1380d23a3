package cn.nantong.livingcircle.download;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.catalog.CategoryCatalog;
import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.catalog.Tier;
import cn.nantong.livingcircle.community.CommunityRepository;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.coverage.CoverageMath;
import cn.nantong.livingcircle.place.PlaceRepository;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The five tables offered as CSV and GeoJSON. Each streams from one Cypher query ordered by its key through the
 * unique index, so rows arrive already sorted and nothing is collected. Two exceptions: places are sorted by the
 * database (node references and ids only): Neo4j 5.26's planner fails on the place projection over an index-ordered
 * seek on the composite (id, generation) index ("p.id should not appear non-cached"), with or without a limit.
 * Walkways come in pages of {@value #PAGE_ROWS} by a range seek on the relationship index {@code walkway_id}: their
 * whole-table query sorts every segment with its junctions in memory (98 MB of live heap on the city-scale graph).
 * Coverage, nearest distances and gaps are
 * read from the precomputed {@code WALKS_TO} edges (the horizon bounds them: 1,666.67 m by default, beyond every
 * target time), at the adult pace, so they agree with {@code coverage}, {@code gaps} and {@code reachable}.
 */
@Component
class Tables {

    private static final Pace PACE = Pace.ADULT;
    static final int PAGE_ROWS = 2_000;

    private final CategoryCatalog catalog;

    Tables(CategoryCatalog catalog) {
        this.catalog = catalog;
    }

    List<TableSpec> all() {
        return List.of(places(), communities(), buildings(), gaps(), walkways());
    }

    TableSpec places() {
        List<Column> columns = List.of(
                Column.string("place_id", "Stable id (o-… outlet, f-… public facility)"),
                Column.string("kind", "`outlet` (commercial outlet 商业网点) or `facility` (public facility 公共设施)"),
                Column.string("name", "Name"),
                Column.string("category", "Service category code (see the API's `categories`)"),
                Column.string("tier", "BASIC (基本保障类) or QUALITY (品质提升类)"),
                Column.string("function", "Function of the category (the catalogue's grouping)"),
                Column.string("facility_kind", "Kind of public facility; empty for outlets"),
                Column.string("brand", "Brand of a chain outlet"),
                Column.bool("chain", "Part of a brand chain"),
                Column.bool("new_or_renovated", "Opened or renovated under the programme"),
                Column.integer("renovated_year", "Year of opening or renovation"),
                Column.number("floor_area_m2", "Floor area in square metres"),
                Column.string("opening_hours", "Opening hours, OpenStreetMap syntax"),
                Column.string("commercial_center_id", "Community commercial centre it belongs to"),
                Column.string("community_id", "Community it lies in"),
                Column.number("lat", "Latitude, WGS84"),
                Column.number("lon", "Longitude, WGS84"));
        return new TableSpec("places", "Outlets and public facilities",
                "Every commercial outlet and public facility with its category, tier, community and position.",
                columns, List.of("place_id"), TableSpec.Geometry.POINT, """
                MATCH (p:Place) WHERE p.generation = $generation
                WITH p ORDER BY p.id
                OPTIONAL MATCH (p)-[:IN_COMMUNITY]->(c:Community)
                RETURN %s AS place, c.id AS communityId
                """.formatted(PlaceRepository.PROJECTION), Map.of(), record -> {
                    Value p = record.get("place");
                    String code = string(p.get("category"));
                    ServiceCategory category = code == null ? null : catalog.byCode(code).orElse(null);
                    boolean outlet = p.get("outlet").asBoolean(false);
                    double lat = p.get("lat").asDouble();
                    double lon = p.get("lon").asDouble();
                    return new TableSpec.Row(new Object[] {string(p.get("id")), outlet ? "outlet" : "facility",
                            string(p.get("name")), code, category == null ? null : category.tier().name(),
                            category == null ? null : category.function().name(), outlet ? null : string(p.get("kind")),
                            string(p.get("brand")), bool(p.get("chain")), bool(p.get("newOrRenovated")),
                            integer(p.get("renovatedYear")), number(p.get("floorArea")), string(p.get("openingHours")),
                            string(p.get("centerId")), string(record.get("communityId")), lat, lon},
                            new double[] {lon, lat});
                });
    }

    TableSpec communities() {
        List<ServiceCategory> basic = basic();
        List<Column> columns = new ArrayList<>(List.of(
                Column.string("community_id", "Stable id"),
                Column.string("name_zh", "Name (Chinese)"),
                Column.string("name_en", "Name (English)"),
                Column.string("subdistrict_id", "Subdistrict (街道) id"),
                Column.string("subdistrict_name_zh", "Subdistrict name"),
                Column.string("district_id", "District (区) id"),
                Column.string("district_name_zh", "District name"),
                Column.bool("pilot", "One of the programme's pilot communities"),
                Column.number("area_m2", "Area in square metres"),
                Column.integer("households", "Households (published or synthetic)"),
                Column.integer("buildings", "Residential buildings attached to the walkway network"),
                Column.integer("residents", "Residents of those buildings"),
                Column.number("completeness_score",
                        "Mean over the basic categories of the residents' share (percent) within the category's "
                                + "target time at 5 km/h; the API's `coverage.completenessScore`"),
                Column.number("lat", "Latitude of the community's centre, WGS84"),
                Column.number("lon", "Longitude of the community's centre, WGS84")));
        for (ServiceCategory category : basic) {
            columns.add(Column.number(category.code() + "_residents_within_target_percent",
                    "Percent of residents (of buildings when none are recorded) whose nearest " + category.nameEn()
                            + " is within " + category.targetMinutes() + " min on foot"));
        }
        return new TableSpec("communities", "Communities with their walking coverage",
                "Every community with its subdistrict, district, residents and, per basic service category, the "
                        + "share of residents within the category's target walking time (the journalist's table of "
                        + "completeness).",
                List.copyOf(columns), List.of("community_id"), TableSpec.Geometry.POINT, """
                MATCH (c:Community) WHERE c.id IS NOT NULL AND c.generation = $generation
                WITH c ORDER BY c.id
                OPTIONAL MATCH (c)-[:IN_SUBDISTRICT]->(s:Subdistrict)
                OPTIONAL MATCH (s)-[:IN_DISTRICT]->(d:District)
                CALL (c) {
                    OPTIONAL MATCH (b:Building)-[:IN_COMMUNITY]->(c) WHERE b.walkwayId IS NOT NULL
                    WITH b, coalesce(b.residents, 0) AS residents
                    UNWIND $basic AS category
                    WITH category, b, residents, b IS NOT NULL AND EXISTS {
                        MATCH (b)-[w:WALKS_TO]->(p:Place)
                        WHERE w.meters <= category.meters AND p.category = category.code
                    } AS within
                    WITH category, count(b) AS buildings, sum(residents) AS residents,
                         sum(CASE WHEN within THEN 1 ELSE 0 END) AS buildingsWithin,
                         sum(CASE WHEN within THEN residents ELSE 0 END) AS residentsWithin
                    RETURN collect({code: category.code, buildings: buildings, residents: residents,
                                    buildingsWithin: buildingsWithin, residentsWithin: residentsWithin}) AS coverage
                }
                RETURN c.id AS id, c.nameZh AS nameZh, c.nameEn AS nameEn, s.id AS subdistrictId,
                       s.nameZh AS subdistrictName, d.id AS districtId, d.nameZh AS districtName, c.pilot AS pilot,
                       c.areaSquareMeters AS area, c.households AS households, c.location.latitude AS lat,
                       c.location.longitude AS lon, coverage
                """, Map.of("basic", thresholds(basic)), record -> {
                    Map<String, Value> coverage = new HashMap<>();
                    for (Value v : record.get("coverage").values()) {
                        coverage.put(v.get("code").asString(), v);
                    }
                    long buildings = 0;
                    long residents = 0;
                    List<CoverageMath.CategoryFigures> figures = new ArrayList<>();
                    List<Object> percents = new ArrayList<>();
                    for (ServiceCategory category : basic) {
                        Value v = coverage.get(category.code());
                        int b = v == null ? 0 : v.get("buildings").asInt();
                        int within = v == null ? 0 : v.get("buildingsWithin").asInt();
                        long r = v == null ? 0 : v.get("residents").asLong();
                        long rWithin = v == null ? 0 : v.get("residentsWithin").asLong();
                        buildings = b;
                        residents = r;
                        CoverageMath.CategoryFigures f = new CoverageMath.CategoryFigures(b, within, r, rWithin, null,
                                null, 0);
                        figures.add(f);
                        percents.add(CoverageMath.round2(f.residentPercent()));
                    }
                    double lat = record.get("lat").asDouble();
                    double lon = record.get("lon").asDouble();
                    List<Object> values = new ArrayList<>(List.of());
                    values.addAll(java.util.Arrays.asList(string(record.get("id")), string(record.get("nameZh")),
                            string(record.get("nameEn")), string(record.get("subdistrictId")),
                            string(record.get("subdistrictName")), string(record.get("districtId")),
                            string(record.get("districtName")), bool(record.get("pilot")), number(record.get("area")),
                            integer(record.get("households")), buildings, residents,
                            CoverageMath.round2(CoverageMath.completeness(figures)), lat, lon));
                    values.addAll(percents);
                    return new TableSpec.Row(values.toArray(), new double[] {lon, lat});
                });
    }

    TableSpec buildings() {
        List<ServiceCategory> basic = basic();
        List<Column> columns = new ArrayList<>(buildingColumns());
        for (ServiceCategory category : basic) {
            columns.add(Column.integer("nearest_" + category.code() + "_walk_m",
                    "Walking distance in whole metres to the nearest " + category.nameEn() + " (" + category.nameZh()
                            + "); empty when none is within the walking horizon"));
        }
        return new TableSpec("buildings", "Buildings with the walk to each basic service",
                "Every residential building with its residents and the network walking distance to the nearest "
                        + "place of each basic service category (基本保障类).",
                List.copyOf(columns), List.of("building_id"), TableSpec.Geometry.POINT, """
                MATCH (b:Building) WHERE b.id IS NOT NULL AND b.generation = $generation
                WITH b ORDER BY b.id
                MATCH (b)-[:IN_COMMUNITY]->(c:Community)
                CALL (b) {
                    OPTIONAL MATCH (b)-[w:WALKS_TO]->(p:Place) WHERE p.category IN $codes
                    WITH p.category AS category, min(w.meters) AS meters
                    RETURN collect({category: category, meters: meters}) AS nearest
                }
                RETURN %s AS building, nearest
                """.formatted(CommunityRepository.BUILDING_PROJECTION),
                Map.of("codes", basic.stream().map(ServiceCategory::code).toList()), record -> {
                    Map<String, Double> nearest = new HashMap<>();
                    for (Value v : record.get("nearest").values()) {
                        if (!v.get("category").isNull()) {
                            nearest.put(v.get("category").asString(), v.get("meters").asDouble());
                        }
                    }
                    Value b = record.get("building");
                    List<Object> values = new ArrayList<>(buildingValues(b));
                    for (ServiceCategory category : basic) {
                        Double meters = nearest.get(category.code());
                        values.add(meters == null ? null : Math.round(meters));
                    }
                    return new TableSpec.Row(values.toArray(), lonLat(b));
                });
    }

    TableSpec gaps() {
        List<ServiceCategory> basic = basic();
        List<Column> columns = new ArrayList<>(buildingColumns());
        columns.add(Column.string("category", "Basic service category not reached within its target time"));
        columns.add(Column.integer("target_minutes", "Target walking time of the category (Ministry of Commerce)"));
        columns.add(Column.number("target_walk_m", "The target time as a distance at 5 km/h, metres"));
        columns.add(Column.integer("nearest_walk_m",
                "Walking distance to the nearest place of the category, whole metres; empty when none is within "
                        + "the walking horizon"));
        return new TableSpec("gaps", "Gaps: buildings beyond a basic service's target time",
                "One row per residential building and basic service category whose nearest place is farther than "
                        + "the category's target walking time at 5 km/h (the API's `gaps` for every basic category).",
                List.copyOf(columns), List.of("building_id", "category"), TableSpec.Geometry.POINT, """
                MATCH (b:Building) WHERE b.id IS NOT NULL AND b.walkwayId IS NOT NULL AND b.generation = $generation
                WITH b ORDER BY b.id
                MATCH (b)-[:IN_COMMUNITY]->(c:Community)
                UNWIND $basic AS category
                CALL (b, category) {
                    OPTIONAL MATCH (b)-[w:WALKS_TO]->(p:Place) WHERE p.category = category.code
                    RETURN min(w.meters) AS nearest
                }
                WITH b, c, category, nearest WHERE nearest IS NULL OR nearest > category.meters
                RETURN %s AS building, category.code AS category, category.minutes AS targetMinutes,
                       category.targetMeters AS targetMeters, nearest
                """.formatted(CommunityRepository.BUILDING_PROJECTION), Map.of("basic", thresholds(basic)),
                record -> {
                    Value b = record.get("building");
                    List<Object> values = new ArrayList<>(buildingValues(b));
                    values.add(string(record.get("category")));
                    values.add(record.get("targetMinutes").asLong());
                    values.add(record.get("targetMeters").asDouble());
                    Value nearest = record.get("nearest");
                    values.add(nearest.isNull() ? null : Math.round(nearest.asDouble()));
                    return new TableSpec.Row(values.toArray(), lonLat(b));
                });
    }

    TableSpec walkways() {
        List<Column> columns = List.of(
                Column.string("walkway_id", "Stable id of the segment"),
                Column.string("from_junction_id", "Junction at one end"),
                Column.string("to_junction_id", "Junction at the other end (walked both ways)"),
                Column.string("kind", "Kind of way (OpenStreetMap highway value or the generator's kind)"),
                Column.number("length_m", "Length along its shape, metres"),
                Column.bool("synthetic", "Generated rather than surveyed"),
                Column.integer("osm_way_id", "OpenStreetMap way it comes from"),
                Column.string("wkt", "Shape as WKT LINESTRING (lon lat, WGS84)"));
        return new TableSpec("walkways", "Walkway network",
                "Every walkway segment between two junctions, with its length and shape: the network that all "
                        + "walking distances are computed on.",
                columns, List.of("walkway_id"), TableSpec.Geometry.LINE_STRING, """
                MATCH (a:Junction)-[w:WALKWAY]->(b:Junction) WHERE w.id > $after AND a.generation = $generation
                WITH a, w, b ORDER BY w.id LIMIT $pageSize
                RETURN w.id AS id, w.id AS pageKey, a.id AS fromId, b.id AS toId, w.kind AS kind,
                       w.lengthMeters AS lengthMeters,
                       w.synthetic AS synthetic, w.osmWay AS osmWay, w.shape AS shape,
                       a.location.latitude AS fromLat, a.location.longitude AS fromLon,
                       b.location.latitude AS toLat, b.location.longitude AS toLon
                """, Map.of(), record -> {
                    Value shape = record.get("shape");
                    int interior = shape.isNull() ? 0 : shape.size() / 2;
                    double[] lonLat = new double[2 * (interior + 2)];
                    lonLat[0] = record.get("fromLon").asDouble();
                    lonLat[1] = record.get("fromLat").asDouble();
                    for (int i = 0; i < interior; i++) {
                        lonLat[2 + 2 * i] = shape.get(2 * i + 1).asDouble();
                        lonLat[3 + 2 * i] = shape.get(2 * i).asDouble();
                    }
                    lonLat[lonLat.length - 2] = record.get("toLon").asDouble();
                    lonLat[lonLat.length - 1] = record.get("toLat").asDouble();
                    StringBuilder wkt = new StringBuilder("LINESTRING(");
                    for (int i = 0; i < lonLat.length; i += 2) {
                        wkt.append(i == 0 ? "" : ", ").append(lonLat[i]).append(' ').append(lonLat[i + 1]);
                    }
                    wkt.append(')');
                    return new TableSpec.Row(new Object[] {string(record.get("id")), string(record.get("fromId")),
                            string(record.get("toId")), string(record.get("kind")), number(record.get("lengthMeters")),
                            bool(record.get("synthetic")), integer(record.get("osmWay")), wkt.toString()}, lonLat);
                }, PAGE_ROWS);
    }

    private List<ServiceCategory> basic() {
        return catalog.all().stream().filter(c -> c.tier() == Tier.BASIC).toList();
    }

    /**
     * The basic categories with their target as the same millimetre threshold the in-memory analytics compare
     * against, so a building exactly at the target counts the same in both.
     */
    private static List<Map<String, Object>> thresholds(List<ServiceCategory> basic) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (ServiceCategory category : basic) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", category.code());
            row.put("minutes", category.targetMinutes());
            row.put("meters", Millimetres.toMeters(PACE.thresholdMillimetres(category.targetMinutes())));
            row.put("targetMeters", CoverageMath.round2(PACE.meters(category.targetMinutes())));
            result.add(row);
        }
        return result;
    }

    private static List<Column> buildingColumns() {
        return List.of(
                Column.string("building_id", "Stable id"),
                Column.string("name", "Name"),
                Column.string("community_id", "Community it belongs to"),
                Column.integer("households", "Households"),
                Column.integer("residents", "Residents"),
                Column.number("lat", "Latitude of the entrance, WGS84"),
                Column.number("lon", "Longitude of the entrance, WGS84"));
    }

    private static List<Object> buildingValues(Value b) {
        return java.util.Arrays.asList(string(b.get("id")), string(b.get("name")), string(b.get("communityId")),
                integer(b.get("households")), integer(b.get("residents")), b.get("lat").asDouble(),
                b.get("lon").asDouble());
    }

    private static double[] lonLat(Value b) {
        return new double[] {b.get("lon").asDouble(), b.get("lat").asDouble()};
    }

    static String string(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    static Long integer(Value v) {
        return v == null || v.isNull() ? null : v.asLong();
    }

    static Double number(Value v) {
        return v == null || v.isNull() ? null : v.asDouble();
    }

    static Boolean bool(Value v) {
        return v == null || v.isNull() ? null : v.asBoolean();
    }
}
