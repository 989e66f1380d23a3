package cn.nantong.livingcircle.maintenance;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.api.Caller;
import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.catalog.CategoryCatalog;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.dataset.Generations;
import cn.nantong.livingcircle.dataset.DatasetWriter;
import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.SegmentSnapper;
import cn.nantong.livingcircle.geo.Crs;
import cn.nantong.livingcircle.importer.WalkingEdgeWriter;
import cn.nantong.livingcircle.maintenance.MaintenanceTypes.ChangeKind;
import cn.nantong.livingcircle.maintenance.MaintenanceTypes.LocationInput;
import cn.nantong.livingcircle.maintenance.MaintenanceTypes.NewPlaceInput;
import cn.nantong.livingcircle.maintenance.MaintenanceTypes.PlaceChange;
import cn.nantong.livingcircle.maintenance.MaintenanceTypes.PlaceWrite;
import cn.nantong.livingcircle.maintenance.MaintenanceTypes.WalkingEdgeChanges;
import cn.nantong.livingcircle.network.CityNetworkService;
import cn.nantong.livingcircle.network.WalkingProperties;
import cn.nantong.livingcircle.place.FacilityKind;
import cn.nantong.livingcircle.place.PlaceRepository;
import cn.nantong.livingcircle.place.PlaceRow;
import cn.nantong.livingcircle.place.PlaceWriter;
import cn.nantong.livingcircle.system.CypherBatches;
import cn.nantong.livingcircle.system.GenerationScoped;
import cn.nantong.livingcircle.system.Neo4jSessions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maintenance writes of places: validate, then in ONE transaction lock and read the place, write it through
 * {@link PlaceWriter}, check in the database what it now refers to (its community and commercial centre), rewrite
 * exactly its walking-distance edges (those of other places cannot change: a place is not a walkway), stamp a new
 * dataset version and write the audit entry. Any failure before the commit rolls all of it back. After the commit
 * the dataset cache is dropped, so the next read on this replica sees the new version: the in-memory network and
 * the coverage caches are rebuilt for it, and every ETag changes.
 */
@Service
class PlaceMaintenance {

    private static final Logger log = LoggerFactory.getLogger(PlaceMaintenance.class);

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_TEXT_LENGTH = 100;
    static final int MAX_REASON_LENGTH = 500;
    static final int MIN_YEAR = 1949;
    static final int MAX_YEAR = 2100;
    static final double MAX_FLOOR_AREA_SQUARE_METERS = 1_000_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> UPDATABLE = Set.of("name", "communityId", "brand", "chain", "newOrRenovated",
            "renovatedYear", "floorAreaSquareMeters", "openingHours", "commercialCenterId");
    private static final Set<String> OUTLET_ONLY = Set.of("brand", "chain", "newOrRenovated", "renovatedYear",
            "floorAreaSquareMeters", "commercialCenterId");
    /** Stored fields that together are the place's position on the map and on the network. */
    private static final Set<String> LOCATION = Set.of("lat", "lon", "walkwayId", "offsetMeters", "snapMeters");

    private final Neo4jSessions sessions;
    private final CityNetworkService networks;
    private final DatasetService datasets;
    private final CategoryCatalog catalog;
    private final WalkingProperties walking;
    private final PlaceRepository places;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Counter buildingsRecomputed;
    private final Counter edgesCreated;
    private final Counter edgesUpdated;
    private final Counter edgesDeleted;

    PlaceMaintenance(Neo4jSessions sessions, CityNetworkService networks, DatasetService datasets,
            CategoryCatalog catalog, WalkingProperties walking, PlaceRepository places, JsonMapper json,
            MeterRegistry meters) {
        this.meters = meters;
        // the operations that move a place on the network, the only ones whose edges are recomputed
        for (String operation : List.of("createPlace", "movePlace")) {
            recomputes(operation);
        }
        this.buildingsRecomputed = Counter.builder("circle.walking_edges.buildings_recomputed")
                .description("Buildings whose walking distance to a created or moved place was recomputed")
                .register(meters);
        this.edgesCreated = written("created");
        this.edgesUpdated = written("updated");
        this.edgesDeleted = written("deleted");
        this.sessions = sessions;
        this.networks = networks;
        this.datasets = datasets;
        this.catalog = catalog;
        this.walking = walking;
        this.places = places;
        this.json = json;
    }

    private Timer recomputes(String operation) {
        return Timer.builder("circle.walking_edges.recomputed")
                .description("Walking-edge recomputes of one place by a maintenance write (committed), by operation")
                .tag("operation", operation).register(meters);
    }

    private Counter written(String change) {
        return Counter.builder("circle.walking_edges.written")
                .description("WALKS_TO edges created, updated or deleted by committed maintenance writes")
                .tag("change", change).register(meters);
    }

    /** The new state of the place (null: closed) and, when it moved or is new, where it is on the network. */
    private record Planned(PlaceRow after, Attachment attachment) {
    }

    /** Computes the new state from the stored one (null for a create); throws ApiException to refuse. */
    @FunctionalInterface
    private interface Change {
        Planned apply(PlaceRow before, CityNetwork city);
    }

    PlaceWrite create(Caller caller, NewPlaceInput input) {
        String id = input.id() == null ? "m-" + HexFormat.of().formatHex(randomBytes()) : input.id();
        if (!ID.matcher(id).matches()) {
            throw ApiException.badArgument("input.id", "A place id has 1 to 64 letters, digits, '-' or '_'");
        }
        boolean outlet = "OUTLET".equals(input.type());
        String name = name("input.name", input.name());
        String category;
        String kind = null;
        if (outlet) {
            if (input.facilityKind() != null) {
                throw ApiException.badArgument("input.facilityKind", "An outlet has no facility kind");
            }
            if (input.category() == null) {
                throw ApiException.badArgument("input.category", "An outlet needs a category");
            }
            category = catalog.resolve("input.category", List.of(input.category())).get(0).code();
        } else {
            if (input.facilityKind() == null) {
                throw ApiException.badArgument("input.facilityKind", "A facility needs a facility kind");
            }
            FacilityKind facilityKind = FacilityKind.valueOf(input.facilityKind());
            category = facilityKind.categoryCode();
            if (input.category() != null && !input.category().equals(category)) {
                throw ApiException.badArgument("input.category", "A facility of kind " + facilityKind.name()
                        + " provides category '" + category + "', not '" + input.category() + "'");
            }
            kind = facilityKind.name();
            Map<String, Object> outletFields = new LinkedHashMap<>();
            outletFields.put("brand", input.brand());
            outletFields.put("chain", input.chain());
            outletFields.put("newOrRenovated", input.newOrRenovated());
            outletFields.put("renovatedYear", input.renovatedYear());
            outletFields.put("floorAreaSquareMeters", input.floorAreaSquareMeters());
            outletFields.put("commercialCenterId", input.commercialCenterId());
            outletFields.forEach((field, value) -> {
                if (value != null) {
                    throw ApiException.badArgument("input." + field, "Only outlets have '" + field + "'");
                }
            });
        }
        String brand = text("input.brand", input.brand(), MAX_TEXT_LENGTH);
        Integer year = year("input.renovatedYear", input.renovatedYear());
        Double floorArea = floorArea("input.floorAreaSquareMeters", input.floorAreaSquareMeters());
        String openingHours = text("input.openingHours", input.openingHours(), MAX_TEXT_LENGTH);
        GeoPoint position = wgs84("input.location", input.location());
        String finalCategory = category;
        String finalKind = kind;
        return write(caller, "createPlace", ChangeKind.CREATED, id, null, (before, city) -> {
            if (before != null) {
                throw ApiException.badArgument("input.id", "A place with id '" + id + "' exists already");
            }
            PlaceRow row = new PlaceRow(id, outlet, name, finalCategory, finalKind, brand,
                    outlet ? Boolean.TRUE.equals(input.chain()) : null,
                    outlet ? Boolean.TRUE.equals(input.newOrRenovated()) : null, year, floorArea, openingHours,
                    position.lat(), position.lon(), null, null, null, input.communityId(), input.commercialCenterId(),
                    null);
            return attach(row, city, "input.location", input.location());
        });
    }

    PlaceWrite update(Caller caller, String id, Map<String, Object> input) {
        for (String field : input.keySet()) {
            if (!UPDATABLE.contains(field)) {
                throw ApiException.badArgument("input." + field, "'" + field + "' cannot be updated here");
            }
        }
        if (input.isEmpty()) {
            throw ApiException.badArgument("input", "Argument 'input' names no field to change");
        }
        for (String required : List.of("name", "communityId")) {
            if (input.containsKey(required) && input.get(required) == null) {
                throw ApiException.badArgument("input." + required, "'" + required + "' cannot be cleared");
            }
        }
        String name = input.containsKey("name") ? name("input.name", (String) input.get("name")) : null;
        String brand = text("input.brand", (String) input.get("brand"), MAX_TEXT_LENGTH);
        Integer year = year("input.renovatedYear", (Integer) input.get("renovatedYear"));
        Double floorArea = floorArea("input.floorAreaSquareMeters", (Double) input.get("floorAreaSquareMeters"));
        String openingHours = text("input.openingHours", (String) input.get("openingHours"), MAX_TEXT_LENGTH);
        return write(caller, "updatePlace", ChangeKind.UPDATED, id, null, (before, city) -> {
            requireExisting(before, id);
            if (!before.outlet()) {
                for (String field : input.keySet()) {
                    if (OUTLET_ONLY.contains(field)) {
                        throw ApiException.badArgument("input." + field, "Only outlets have '" + field + "'");
                    }
                }
            }
            PlaceRow after = new PlaceRow(before.id(), before.outlet(), name != null ? name : before.name(),
                    before.category(), before.kind(), input.containsKey("brand") ? brand : before.brand(),
                    input.containsKey("chain") ? Boolean.TRUE.equals(input.get("chain")) : before.chain(),
                    input.containsKey("newOrRenovated") ? Boolean.TRUE.equals(input.get("newOrRenovated"))
                            : before.newOrRenovated(),
                    input.containsKey("renovatedYear") ? year : before.renovatedYear(),
                    input.containsKey("floorAreaSquareMeters") ? floorArea : before.floorAreaSquareMeters(),
                    input.containsKey("openingHours") ? openingHours : before.openingHours(), before.lat(),
                    before.lon(), before.walkwayId(), before.offsetMeters(), before.snapMeters(),
                    input.containsKey("communityId") ? (String) input.get("communityId") : before.communityId(),
                    input.containsKey("commercialCenterId") ? (String) input.get("commercialCenterId")
                            : before.centerId(), before.osmTag());
            return new Planned(after, null);
        });
    }

    PlaceWrite changeCategory(Caller caller, String id, String category) {
        String code = catalog.resolve("category", List.of(category)).get(0).code();
        return write(caller, "changePlaceCategory", ChangeKind.UPDATED, id, null, (before, city) -> {
            requireExisting(before, id);
            String kind = before.kind();
            if (!before.outlet()) {
                kind = java.util.Arrays.stream(FacilityKind.values()).filter(k -> k.categoryCode().equals(code))
                        .map(FacilityKind::name).findFirst().orElseThrow(() -> ApiException.badArgument("category",
                                "No facility kind provides category '" + code + "'; a facility's category follows "
                                        + "its kind"));
            }
            return new Planned(new PlaceRow(before.id(), before.outlet(), before.name(), code, kind, before.brand(),
                    before.chain(), before.newOrRenovated(), before.renovatedYear(), before.floorAreaSquareMeters(),
                    before.openingHours(), before.lat(), before.lon(), before.walkwayId(), before.offsetMeters(),
                    before.snapMeters(), before.communityId(), before.centerId(), before.osmTag()), null);
        });
    }

    PlaceWrite move(Caller caller, String id, LocationInput location) {
        GeoPoint position = wgs84("location", location);
        return write(caller, "movePlace", ChangeKind.UPDATED, id, null, (before, city) -> {
            requireExisting(before, id);
            PlaceRow moved = new PlaceRow(before.id(), before.outlet(), before.name(), before.category(),
                    before.kind(), before.brand(), before.chain(), before.newOrRenovated(), before.renovatedYear(),
                    before.floorAreaSquareMeters(), before.openingHours(), position.lat(), position.lon(), null, null,
                    null, before.communityId(), before.centerId(), before.osmTag());
            return attach(moved, city, "location", location);
        });
    }

    PlaceWrite close(Caller caller, String id, String reason) {
        String why = text("reason", reason, MAX_REASON_LENGTH);
        return write(caller, "closePlace", ChangeKind.CLOSED, id, why, (before, city) -> {
            requireExisting(before, id);
            return new Planned(null, null);
        });
    }

    private PlaceWrite write(Caller caller, String operation, ChangeKind kind, String id, String reason,
            Change change) {
        long cityGeneration = datasets.generation();
        CityNetwork city = networks.current();
        int horizon = walking.horizonMillimetres();
        PlaceChange audit;
        long recomputeNanos = -1;
        int buildingsComputed = 0;
        try (Session session = sessions.write(); Transaction writeTx = session.beginTransaction()) {
            long generation = Generations.lockActive(writeTx);
            if (generation != cityGeneration) {
                datasets.invalidate();
                throw new ApiException(ApiException.ErrorCode.SERVICE_UNAVAILABLE, "A new dataset was activated "
                        + "while this write was prepared; nothing was written, send it again");
            }
            GenerationScoped tx = GenerationScoped.of(writeTx, generation);
            PlaceWriter.lock(tx, id);
            PlaceRow before = PlaceWriter.read(tx, List.of(id)).get(id);
            Planned planned = change.apply(before, city);
            PlaceRow after = planned.after();
            Map<String, Object> beforeJson = before == null ? null : stored(before);
            Map<String, Object> afterJson = after == null ? null : stored(after);
            List<String> fields = changedFields(beforeJson, afterJson);
            if (fields.isEmpty()) {
                throw ApiException.badArgument("input", "The write changes nothing: every value is the stored one");
            }
            Map<String, Double> storedEdges = before == null ? Map.of() : walkingEdges(tx, id);
            WalkingEdgeChanges edges;
            if (after == null) {
                PlaceWriter.delete(tx, List.of(id), CypherBatches.SILENT);
                edges = new WalkingEdgeChanges(0, 0, storedEdges.size());
            } else {
                PlaceWriter.upsert(tx, List.of(after), CypherBatches.SILENT);
                requireReferences(tx, after);
                if (planned.attachment() == null) {
                    edges = new WalkingEdgeChanges(0, 0, 0);
                } else {
                    long start = System.nanoTime();
                    PlaceEdges.Recomputed recomputed = PlaceEdges.within(city, planned.attachment(), horizon);
                    recomputeNanos = System.nanoTime() - start;
                    buildingsComputed = recomputed.buildingsComputed();
                    edges = rewriteEdges(tx, id, storedEdges, recomputed.metersByBuilding());
                }
            }
            String version = DatasetWriter.newVersion(tx);
            String changedBy = caller.id().startsWith("key:") ? caller.id().substring("key:".length()) : caller.id();
            PlaceChangeWriter.ChangeRow row = new PlaceChangeWriter.ChangeRow(UUID.randomUUID().toString(), kind,
                    operation, id, changedBy, fields, toJson(beforeJson), toJson(afterJson), reason, version, edges);
            var changedAt = PlaceChangeWriter.create(tx, row);
            writeTx.commit();
            audit = new PlaceChange(row.id(), kind, operation, id, changedAt, changedBy, fields, beforeJson,
                    afterJson, reason, version, edges);
        }
        datasets.invalidate();
        // counted after the commit: a rolled-back write changed no edge
        if (recomputeNanos >= 0) {
            recomputes(operation).record(recomputeNanos, TimeUnit.NANOSECONDS);
            buildingsRecomputed.increment(buildingsComputed);
        }
        edgesCreated.increment(audit.walkingEdges().created());
        edgesUpdated.increment(audit.walkingEdges().updated());
        edgesDeleted.increment(audit.walkingEdges().deleted());
        log.info("{} of place {} by key {}: {} (walking edges +{} ~{} -{}), data version {}", operation, id,
                audit.changedBy(), audit.fields(), audit.walkingEdges().created(), audit.walkingEdges().updated(),
                audit.walkingEdges().deleted(), audit.datasetVersion());
        return new PlaceWrite(kind == ChangeKind.CLOSED ? null : places.findByIds(List.of(id)).get(id), audit);
    }

    /** The row attached to the walkway nearest its position, or TOO_FAR_FROM_WALKWAY. */
    private Planned attach(PlaceRow row, CityNetwork city, String argument, LocationInput location) {
        SegmentSnapper.Snap snap = city.snapper().snap(row.lat(), row.lon(), walking.maxSnapMeters())
                .orElseThrow(() -> ApiException.tooFarFromWalkway(argument, location.lat(), location.lon(),
                        walking.maxSnapMeters()));
        Attachment a = snap.attachment();
        return new Planned(row.withAttachment(city.walkwayIds()[a.segment()],
                Millimetres.toMeters(a.offsetMillimetres()), snap.distanceMeters()), a);
    }

    /** Writes the difference between the stored and the new edges of the place; returns what it wrote. */
    private static WalkingEdgeChanges rewriteEdges(GenerationScoped tx, String placeId, Map<String, Double> stored,
            Map<String, Double> computed) {
        List<WalkingEdgeWriter.BuildingEdges> creates = new ArrayList<>();
        List<WalkingEdgeWriter.Edge> updates = new ArrayList<>();
        List<WalkingEdgeWriter.Edge> deletes = new ArrayList<>();
        computed.forEach((building, meters) -> {
            Double old = stored.get(building);
            if (old == null) {
                creates.add(new WalkingEdgeWriter.BuildingEdges(building,
                        List.of(new WalkingEdgeWriter.Target(placeId, meters))));
            } else if (!old.equals(meters)) {
                updates.add(new WalkingEdgeWriter.Edge(building, placeId, meters));
            }
        });
        stored.forEach((building, meters) -> {
            if (!computed.containsKey(building)) {
                deletes.add(new WalkingEdgeWriter.Edge(building, placeId, meters));
            }
        });
        WalkingEdgeWriter.delete(tx, deletes, CypherBatches.SILENT);
        WalkingEdgeWriter.updateLengths(tx, updates, CypherBatches.SILENT);
        if (!creates.isEmpty()) {
            WalkingEdgeWriter.create(tx, creates, CypherBatches.ROWS, CypherBatches.SILENT);
        }
        return new WalkingEdgeChanges(creates.size(), updates.size(), deletes.size());
    }

    /** Stored walking edges to the place: building id → metres. */
    private static Map<String, Double> walkingEdges(GenerationScoped tx, String placeId) {
        Map<String, Double> edges = new LinkedHashMap<>();
        tx.run("""
                MATCH (b:Building)-[w:WALKS_TO]->(:Place {id: $id, generation: $generation})
                RETURN b.id AS building, w.meters AS meters
                """, Map.of("id", placeId)).forEachRemaining(r -> edges.put(r.get("building").asString(),
                r.get("meters").asDouble()));
        return edges;
    }

    /**
     * The writer links a place only to a community or centre that exists; checked here, after the write and in
     * its transaction, so a community deleted meanwhile is noticed too. A failure rolls the whole write back.
     */
    private static void requireReferences(GenerationScoped tx, PlaceRow row) {
        Record r = tx.run("""
                MATCH (p:Place {id: $id, generation: $generation})
                RETURN EXISTS { (p)-[:IN_COMMUNITY]->(:Community) } AS community,
                       EXISTS { (p)-[:IN_CENTER]->(:CommercialCenter) } AS center
                """, Map.of("id", row.id())).single();
        if (!r.get("community").asBoolean()) {
            throw ApiException.notFound("Community", row.communityId());
        }
        if (row.centerId() != null && !r.get("center").asBoolean()) {
            throw ApiException.notFound("CommercialCenter", row.centerId());
        }
    }

    /** Every stored field of a place under its API name: what the audit trail keeps before and after. */
    static Map<String, Object> stored(PlaceRow row) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", row.id());
        map.put("type", row.outlet() ? "OUTLET" : "FACILITY");
        map.put("name", row.name());
        map.put("category", row.category());
        map.put("facilityKind", row.kind());
        map.put("brand", row.brand());
        map.put("chain", row.chain());
        map.put("newOrRenovated", row.newOrRenovated());
        map.put("renovatedYear", row.renovatedYear());
        map.put("floorAreaSquareMeters", row.floorAreaSquareMeters());
        map.put("openingHours", row.openingHours());
        map.put("communityId", row.communityId());
        map.put("commercialCenterId", row.centerId());
        map.put("lat", row.lat());
        map.put("lon", row.lon());
        map.put("walkwayId", row.walkwayId());
        map.put("offsetMeters", row.offsetMeters());
        map.put("snapMeters", row.snapMeters());
        return map;
    }

    /** Names of the fields that differ, the five location fields reported as one {@code location}. */
    static List<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> from = before == null ? Map.of() : before;
        Map<String, Object> to = after == null ? Map.of() : after;
        Set<String> keys = new java.util.LinkedHashSet<>(before != null ? before.keySet() : to.keySet());
        List<String> fields = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(from.get(key), to.get(key))) {
                String field = LOCATION.contains(key) ? "location" : key;
                if (!fields.contains(field)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private String toJson(Map<String, Object> map) {
        return map == null ? null : json.writeValueAsString(map);
    }

    private static void requireExisting(PlaceRow before, String id) {
        if (before == null) {
            throw ApiException.notFound("Place", id);
        }
    }

    private static String name(String argument, String value) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new ApiException(ApiException.ErrorCode.OUT_OF_RANGE, "A place's name must have 1 to "
                    + MAX_NAME_LENGTH + " characters", Map.of("argument", argument, "min", 1, "max", MAX_NAME_LENGTH));
        }
        return name;
    }

    private static String text(String argument, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new ApiException(ApiException.ErrorCode.OUT_OF_RANGE, "Argument '" + argument
                    + "' must have at most " + maxLength + " characters", Map.of("argument", argument, "min", 0,
                    "max", maxLength));
        }
        return value;
    }

    private static Integer year(String argument, Integer year) {
        if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
            throw ApiException.outOfRange(argument, year, MIN_YEAR, MAX_YEAR);
        }
        return year;
    }

    private static Double floorArea(String argument, Double squareMeters) {
        if (squareMeters != null && !(squareMeters > 0 && squareMeters <= MAX_FLOOR_AREA_SQUARE_METERS)) {
            throw ApiException.outOfRange(argument, squareMeters, 0, (long) MAX_FLOOR_AREA_SQUARE_METERS);
        }
        return squareMeters;
    }

    private static GeoPoint wgs84(String argument, LocationInput location) {
        GeoPoint given = GeoPoint.checked(argument, location.lat(), location.lon());
        return Crs.orDefault(location.crs()).toWgs84(given.lat(), given.lon());
    }

    private static byte[] randomBytes() {
        UUID uuid = UUID.randomUUID();
        long bits = uuid.getLeastSignificantBits() ^ uuid.getMostSignificantBits();
        byte[] bytes = new byte[6];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (bits >>> (8 * i));
        }
        return bytes;
    }
}
