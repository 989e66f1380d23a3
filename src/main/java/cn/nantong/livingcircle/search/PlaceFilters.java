package cn.nantong.livingcircle.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.api.GeoPoint;
import cn.nantong.livingcircle.catalog.CategoryCatalog;
import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.geo.Crs;
import cn.nantong.livingcircle.place.FacilityKind;
import org.springframework.data.neo4j.core.Neo4jClient;
import cn.nantong.livingcircle.dataset.DatasetService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a {@link PlaceFilter} into a Cypher predicate over a place bound to {@code p}, built only from the fixed
 * fragments below, every value a parameter ({@code $f0}, {@code $f1}, ...). A query holds the predicate's place as the
 * boolean parameter {@link #SLOT} (so the query text is valid, and checked, on its own) and {@link Predicate#into}
 * puts the predicate there.
 *
 * <p>A name search of two or more Chinese characters goes through the {@code place_name} full-text index (CJK
 * bigrams, migration V0005) in a query of its own, whose ids the predicate then seeks by; anything else (one
 * character, Latin letters, digits) is a substring scan, since bigrams cannot find a single character inside a word
 * and the analyzer splits Latin text into whole words.
 */
@Component
public class PlaceFilters {

    /** Where a query takes the predicate: a boolean parameter, replaced by the compiled predicate before running. */
    public static final String SLOT = "$placeFilter";
    /**
     * Most conditions (set fields, nested filters included) one filter may hold. Every new shape of filter is a new
     * query text that Neo4j plans once (about a second for the largest on the 2-core machine, then cached), so the
     * bound keeps that planning short.
     */
    static final int MAX_TERMS = 20;
    /** Most values in one list of a filter. */
    static final int MAX_VALUES = 100;
    static final int MAX_NAME_LENGTH = 50;
    /** Largest radius of {@code near}, metres: a place search, not a city-wide one. */
    static final double MAX_NEAR_METERS = 20_000;

    private final Neo4jClient neo4j;
    private final CategoryCatalog catalog;
    private final DatasetService datasets;
    private final TransactionTemplate readOnly;

    PlaceFilters(Neo4jClient neo4j, CategoryCatalog catalog, DatasetService datasets,
            TransactionTemplate readOnlyTransactions) {
        this.readOnly = readOnlyTransactions;
        this.neo4j = neo4j;
        this.catalog = catalog;
        this.datasets = datasets;
    }

    /** A compiled filter: the predicate text and its parameters. */
    public record Predicate(String cypher, Map<String, Object> parameters) {

        static final Predicate NONE = new Predicate("true", Map.of());

        /** This predicate and {@code condition}, which reads the parameter {@code name}. */
        Predicate and(String condition, String name, Object value) {
            Map<String, Object> joined = new java.util.HashMap<>(parameters);
            joined.put(name, value);
            return new Predicate("(" + cypher + ") AND " + condition, Map.copyOf(joined));
        }

        /** {@code query} with the predicate in place of every {@link #SLOT}. */
        public String into(String query) {
            if (!query.contains(SLOT)) {
                throw new IllegalArgumentException("query has no " + SLOT);
            }
            return query.replace(SLOT, "(" + cypher + ")");
        }
    }

    /** The predicate of {@code filter} (null: every place); {@code argument} names it in errors. */
    public Predicate compile(PlaceFilter filter, String argument) {
        if (filter == null) {
            return Predicate.NONE;
        }
        Compiler compiler = new Compiler(argument);
        String cypher = compiler.filter(filter, argument);
        return new Predicate(cypher, Map.copyOf(compiler.parameters));
    }

    /** Ids of every place the predicate matches (for searches in memory, which test places by index). */
    @Transactional(readOnly = true)
    public List<String> matchingPlaceIds(Predicate predicate) {
        return List.copyOf(neo4j.query(predicate.into("""
                        MATCH (p:Place)
                        WHERE p.generation = $generation AND $placeFilter
                        RETURN p.id AS id
                        """))
                .bindAll(predicate.parameters()).bind(datasets.generation()).to("generation")
                .fetchAs(String.class).mappedBy((t, r) -> r.get("id").asString()).all());
    }

    /** Whether the predicate is the empty filter's (every place). */
    public boolean matchesEverything(Predicate predicate) {
        return predicate == Predicate.NONE;
    }

    /** Two or more characters, all Chinese (Han): what the CJK bigram index finds exactly. */
    static boolean usesFullText(String text) {
        return text.codePointCount(0, text.length()) >= 2
                && text.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Ids of the places whose name contains {@code text}, found through the full-text index. */
    private List<String> fullTextIds(String text) {
        // a phrase of the text's bigrams; CONTAINS then keeps exact substrings only (the analyzer also folds width).
        // The one query compiling may need runs in a read transaction of its own, so compiling the common filters
        // (no name, or none at all) opens none.
        return readOnly.execute(status -> List.copyOf(neo4j.query("""
                        CALL db.index.fulltext.queryNodes('place_name', $phrase) YIELD node
                        WHERE node.generation = $generation AND node.name CONTAINS $text
                        RETURN node.id AS id
                        """)
                .bind("\"" + text + "\"").to("phrase").bind(text).to("text")
                .bind(datasets.generation()).to("generation")
                .fetchAs(String.class).mappedBy((t, r) -> r.get("id").asString()).all()));
    }

    private final class Compiler {

        private final String root;
        private final Map<String, Object> parameters = new HashMap<>();
        private int terms;

        Compiler(String root) {
            this.root = root;
        }

        String filter(PlaceFilter f, String at) {
            List<String> all = new ArrayList<>();
            if (f.categories() != null) {
                List<String> codes = catalog.resolve(at + ".categories", values(f.categories(), at + ".categories"))
                        .stream().map(ServiceCategory::code).toList();
                all.add("p.category IN " + parameter(codes));
            }
            if (f.tier() != null) {
                all.add("p.category IN " + parameter(codes(c -> c.tier() == f.tier())));
            }
            if (f.function() != null) {
                all.add("p.category IN " + parameter(codes(c -> c.function() == f.function())));
            }
            if (f.kind() != null) {
                all.add(f.kind() == PlaceFilter.PlaceKind.OUTLET ? "p:Outlet" : "p:Facility");
            }
            if (f.facilityKinds() != null) {
                all.add("p.kind IN " + parameter(values(f.facilityKinds(), at + ".facilityKinds").stream()
                        .map(FacilityKind::name).toList()));
            }
            if (f.communityIds() != null) {
                all.add("EXISTS { (p)-[:IN_COMMUNITY]->(pc:Community) WHERE pc.id IN "
                        + parameter(values(f.communityIds(), at + ".communityIds")) + " }");
            }
            if (f.subdistricts() != null) {
                String names = parameter(values(f.subdistricts(), at + ".subdistricts"));
                all.add("EXISTS { (p)-[:IN_COMMUNITY]->(:Community)-[:IN_SUBDISTRICT]->(ps:Subdistrict) WHERE ps.id IN "
                        + names + " OR ps.nameZh IN " + names + " }");
            }
            if (f.districts() != null) {
                String names = parameter(values(f.districts(), at + ".districts"));
                all.add("EXISTS { (p)-[:IN_COMMUNITY]->(:Community)-[:IN_SUBDISTRICT]->(:Subdistrict)"
                        + "-[:IN_DISTRICT]->(pd:District) WHERE pd.id IN " + names + " OR pd.nameZh IN " + names + " }");
            }
            if (f.chain() != null) {
                all.add("(p:Outlet AND p.chain = " + parameter(f.chain()) + ")");
            }
            if (f.brands() != null) {
                all.add("p.brand IN " + parameter(values(f.brands(), at + ".brands")));
            }
            if (f.newOrRenovated() != null) {
                all.add("(p:Outlet AND p.newOrRenovated = " + parameter(f.newOrRenovated()) + ")");
            }
            if (f.renovatedYear() != null) {
                all.add("p.renovatedYear = " + parameter(f.renovatedYear()));
            }
            if (f.commercialCenterIds() != null) {
                all.add("EXISTS { (p)-[:IN_CENTER]->(pcc:CommercialCenter) WHERE pcc.id IN "
                        + parameter(values(f.commercialCenterIds(), at + ".commercialCenterIds")) + " }");
            }
            if (f.inCommercialCenter() != null) {
                all.add((f.inCommercialCenter() ? "" : "NOT ") + "EXISTS { (p)-[:IN_CENTER]->(:CommercialCenter) }");
            }
            if (f.boundingBox() != null) {
                PlaceFilter.BoundingBox box = f.boundingBox();
                GeoPoint southWest = GeoPoint.checked(at + ".boundingBox.southWest", box.south(), box.west());
                GeoPoint northEast = GeoPoint.checked(at + ".boundingBox.northEast", box.north(), box.east());
                if (southWest.lat() > northEast.lat() || southWest.lon() > northEast.lon()) {
                    throw ApiException.badArgument(at + ".boundingBox",
                            "Argument '" + at + ".boundingBox' needs south <= north and west <= east");
                }
                all.add("point.withinBBox(p.location, point(" + parameter(point(southWest)) + "), point("
                        + parameter(point(northEast)) + "))");
            }
            if (f.near() != null) {
                all.add(near(f.near(), at + ".near"));
            }
            if (f.nameContains() != null) {
                all.add(name(f.nameContains(), at + ".nameContains"));
            }
            if (f.AND() != null) {
                all.add(combine(f.AND(), at + ".AND", " AND ", "true"));
            }
            if (f.OR() != null) {
                all.add(combine(f.OR(), at + ".OR", " OR ", "false"));
            }
            if (f.NOT() != null) {
                all.add("NOT (" + filter(f.NOT(), at + ".NOT") + ")");
            }
            for (int i = 0; i < all.size(); i++) {
                count();
            }
            return all.isEmpty() ? "true" : String.join(" AND ", all);
        }

        private String combine(List<PlaceFilter> filters, String at, String operator, String empty) {
            values(filters, at);
            if (filters.isEmpty()) {
                return empty;
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < filters.size(); i++) {
                parts.add("(" + filter(filters.get(i), at + "[" + i + "]") + ")");
            }
            return "(" + String.join(operator, parts) + ")";
        }

        private String near(PlaceFilter.Near near, String at) {
            if (near.point() == null || near.withinMeters() == null) {
                throw ApiException.badArgument(at, "Argument '" + at + "' needs point and withinMeters");
            }
            double meters = near.withinMeters();
            if (!(meters >= 0 && meters <= MAX_NEAR_METERS)) {
                throw ApiException.outOfRange(at + ".withinMeters", meters, 0, (int) MAX_NEAR_METERS);
            }
            GeoPoint centre = wgs84(near.point(), at + ".point");
            return "point.distance(p.location, point(" + parameter(point(centre)) + ")) <= " + parameter(meters);
        }

        private String name(String text, String at) {
            int length = text.codePointCount(0, text.length());
            if (length < 1 || length > MAX_NAME_LENGTH || text.isBlank()) {
                throw ApiException.outOfRange(at + ".length", length, 1, MAX_NAME_LENGTH);
            }
            if (usesFullText(text)) {
                return "p.id IN " + parameter(fullTextIds(text));
            }
            return "p.name CONTAINS " + parameter(text);
        }

        private List<String> codes(java.util.function.Predicate<ServiceCategory> wanted) {
            return catalog.all().stream().filter(wanted).map(ServiceCategory::code).toList();
        }

        private <T> List<T> values(List<T> list, String at) {
            if (list.size() > MAX_VALUES) {
                throw ApiException.outOfRange(at, list.size(), 0, MAX_VALUES);
            }
            return list;
        }

        private void count() {
            if (++terms > MAX_TERMS) {
                throw ApiException.outOfRange(root + ".conditions", terms, 0, MAX_TERMS);
            }
        }

        private String parameter(Object value) {
            String name = "f" + parameters.size();
            parameters.put(name, value);
            return "$" + name;
        }
    }

    /** A point input in WGS84 after range checks and datum conversion. */
    public static GeoPoint wgs84(PlaceFilter.Point point, String argument) {
        GeoPoint given = GeoPoint.checked(argument, point.lat(), point.lon());
        return Crs.orDefault(point.crs()).toWgs84(given.lat(), given.lon());
    }

    /** A WGS84 point as the map Cypher's {@code point()} takes. */
    static Map<String, Object> point(GeoPoint p) {
        return Map.of("latitude", p.lat(), "longitude", p.lon());
    }
}
