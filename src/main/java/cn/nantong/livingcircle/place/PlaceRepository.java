package cn.nantong.livingcircle.place;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.api.Records;
import cn.nantong.livingcircle.catalog.CategoryCatalog;
import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.dataset.DatasetService;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Loads outlets and facilities by id in one query, with their category from the in-memory catalogue. */
@Repository
public class PlaceRepository {

    private final Neo4jClient neo4j;
    private final CategoryCatalog catalog;
    private final DatasetService datasets;

    PlaceRepository(Neo4jClient neo4j, CategoryCatalog catalog, DatasetService datasets) {
        this.neo4j = neo4j;
        this.catalog = catalog;
        this.datasets = datasets;
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

    // only the query is transactional: fromProjection runs once per place of every answer, and a transaction opened
    // for it outside one would be an empty BEGIN, COMMIT and RESET over Bolt per place
    @Transactional(readOnly = true)
    public Map<String, Place> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return neo4j.query("""
                        MATCH (p:Place) WHERE p.id IN $ids AND p.generation = $generation
                        RETURN %s AS place
                        """.formatted(PROJECTION))
                .bind(List.copyOf(ids)).to("ids").bind(datasets.generation()).to("generation")
                .fetchAs(Place.class).mappedBy((t, r) -> fromProjection(r.get("place"))).all().stream()
                .collect(Collectors.toMap(Place::id, Function.identity()));
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
