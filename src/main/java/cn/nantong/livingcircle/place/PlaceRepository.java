package cn.nantong.livingcircle.place;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.nantong.livingcircle.api.Records;
import cn.nantong.livingcircle.catalog.CategoryCatalog;
import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.dataset.DatasetInfo;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.metrics.CircleMetrics;
import cn.nantong.livingcircle.metrics.CircleMetrics.VersionedCache;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads outlets and facilities by id, with their category from the in-memory catalogue. What it loads is kept for
 * the data version it was read in (every write to a place stamps a new version), so the hot read paths, which look
 * up the places of a page computed in memory, do not go to the database for a place they have seen before.
 */
@Repository
public class PlaceRepository {

    private final Neo4jClient neo4j;
    private final CategoryCatalog catalog;
    private final DatasetService datasets;
    private final TransactionTemplate readOnly;
    private final CircleMetrics metrics;
    private volatile VersionedPlaces cached;

    /** The places read in one data version, by id: at most every place of it (53,096 at city scale, about 50 MB). */
    private record VersionedPlaces(String version, Map<String, Place> byId) {
    }

    PlaceRepository(Neo4jClient neo4j, CategoryCatalog catalog, DatasetService datasets,
            TransactionTemplate readOnlyTransactions, CircleMetrics metrics) {
        this.neo4j = neo4j;
        this.catalog = catalog;
        this.datasets = datasets;
        this.readOnly = readOnlyTransactions;
        this.metrics = metrics;
    }

    /**
     * The place projection every read path returns: a Cypher map over a place bound to {@code p}, read back by
     * {@link #fromProjection}. Queries that already walk to their places (e.g. {@code reachable} from a building)
     * embed it, so a new place field is added here and in {@link #fromProjection} only.
     */
    public static final String PROJECTION = """
            {id: p.id, outlet: p:Outlet, name: p.name, category: p.category,
             lat: p.location.latitude, lon: p.location.longitude, brand: p.brand, chain: p.chain,
             newOrRenovated: p.newOrRenovated, renovatedYear: p.renovatedYear,
             floorArea: p.floorAreaSquareMeters, openingHours: p.openingHours,
             centerId: head([(p)-[:IN_CENTER]->(cc:CommercialCenter) | cc.id]), kind: p.kind}""";

    /**
     * The places of {@code ids} that exist in the current generation. Those read before in the current data version
     * come from memory; the others from one query, in a read transaction of its own (or the caller's). Not a
     * transactional method: a transaction per call would be an empty BEGIN, COMMIT and RESET over Bolt whenever
     * every place is known.
     */
    public Map<String, Place> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // no dataset yet: a key of its own, under which the query finds nothing
        String version = datasets.find().map(DatasetInfo::version).orElse("");
        VersionedPlaces known = cached;
        if (known == null || !known.version().equals(version)) {
            known = new VersionedPlaces(version, new ConcurrentHashMap<>());
            cached = known;
        }
        Map<String, Place> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Place place = known.byId().get(id);
            if (place != null) {
                found.put(id, place);
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            metrics.cacheHit(VersionedCache.PLACE_DETAILS);
            return found;
        }
        long start = System.nanoTime();
        List<Place> loaded = readOnly.execute(status -> List.copyOf(neo4j.query("""
                        MATCH (p:Place) WHERE p.id IN $ids AND p.generation = $generation
                        RETURN %s AS place
                        """.formatted(PROJECTION))
                .bind(missing).to("ids").bind(datasets.generation()).to("generation")
                .fetchAs(Place.class).mappedBy((t, r) -> fromProjection(r.get("place"))).all()));
        for (Place place : loaded) {
            known.byId().put(place.id(), place);
            found.put(place.id(), place);
        }
        metrics.cacheMiss(VersionedCache.PLACE_DETAILS, System.nanoTime() - start);
        return found;
    }

    /**
     * A place from a map with the keys of {@link #PROJECTION} (id, outlet, name, category, lat, lon, brand, chain,
     * newOrRenovated, renovatedYear, floorArea, openingHours, centerId, kind).
     */
    public Place fromProjection(MapAccessor r) {
        ServiceCategory category = catalog.require(r.get("category").asString());
        var location = Records.pointOrNull(r.get("lat"), r.get("lon"));
        if (r.get("outlet").asBoolean()) {
            return new Outlet(r.get("id").asString(), r.get("name").asString(), category, location,
                    Records.stringOrNull(r.get("brand")), Records.booleanOrFalse(r.get("chain")),
                    Records.booleanOrFalse(r.get("newOrRenovated")), Records.intOrNull(r.get("renovatedYear")),
                    Records.doubleOrNull(r.get("floorArea")), Records.stringOrNull(r.get("openingHours")),
                    Records.stringOrNull(r.get("centerId")));
        }
        return new Facility(r.get("id").asString(), r.get("name").asString(), category, location,
                FacilityKind.valueOf(r.get("kind").asString()), Records.stringOrNull(r.get("openingHours")));
    }
}
