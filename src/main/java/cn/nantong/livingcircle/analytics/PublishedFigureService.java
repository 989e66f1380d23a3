package cn.nantong.livingcircle.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.nantong.livingcircle.engine.Pace;
import cn.nantong.livingcircle.engine.coverage.CoverageMath;
import cn.nantong.livingcircle.system.Neo4jSessions;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Service;

/**
 * The city's published figures (the {@code (:PublishedFigure)} nodes of migration V0003) each beside the value
 * computed from the graph. A figure is computed only when the graph covers its scope: the pilot-community totals
 * always, the 15-minute library circle as a coverage question over the dataset's residents; district- and
 * city-wide counts are not, because the dataset holds only some communities of them — those come back with a null
 * value and a reason that quotes what the graph does hold (a lower bound).
 */
@Service
class PublishedFigureService {

    /** Categories of the 15-minute library service circle. */
    static final List<String> LIBRARY_CATEGORIES = List.of("library", "bookstore");

    private final Neo4jSessions sessions;
    private final StatsService stats;
    private final CoverageService coverage;

    PublishedFigureService(Neo4jSessions sessions, StatsService stats, CoverageService coverage) {
        this.sessions = sessions;
        this.stats = stats;
        this.coverage = coverage;
    }

    /** How a published figure compares with the graph. */
    enum FigureStatus {
        MATCHES, WITHIN_ROUNDING, DIFFERS, NOT_COMPUTABLE
    }

    record PublishedFigureCheck(String id, String metric, String description, String scope, String scopeName,
            double publishedValue, String qualifier, String unit, String source, String sourceUrl,
            String publishedOn, Citation citation, Double computedValue, Double difference, FigureStatus status,
            String note) {
    }

    /** The {@code (:Source)} a figure is {@code PUBLISHED_IN} (migration V0006); unknown parts are null. */
    record Citation(String id, String title, String kind, String publisher, String quoting, String url,
            String publishedOn, String datePrecision, String publishedNotBefore, String note) {
    }

    private record Figure(String id, String metric, String description, String scope, String scopeId,
            String scopeName, double value, String qualifier, String unit, String source, String sourceUrl,
            String publishedOn, Citation citation) {
    }

    /** A computed value, or none with the reason; {@code resolution} is the smallest step the value can take. */
    private record Computed(Double value, double resolution, String note) {
    }

    List<PublishedFigureCheck> checks() {
        StatsService.Snapshot snapshot = stats.current();
        List<PublishedFigureCheck> result = new ArrayList<>();
        for (Figure f : figures()) {
            Computed c = compute(f, snapshot);
            Double difference = c.value() == null ? null : CoverageMath.round2(c.value() - f.value());
            result.add(new PublishedFigureCheck(f.id(), f.metric(), f.description(), f.scope(), f.scopeName(),
                    f.value(), f.qualifier(), f.unit(), f.source(), f.sourceUrl(), f.publishedOn(), f.citation(),
                    c.value() == null ? null : CoverageMath.round2(c.value()), difference, status(f, c), c.note()));
        }
        return result;
    }

    private Computed compute(Figure f, StatsService.Snapshot s) {
        AreaStats pilot = s.pilot();
        Optional<AreaStats> district = s.districts().stream().filter(d -> d.id().equals(f.scopeId())).findFirst();
        String partial = district.map(d -> "The dataset holds " + d.communityCount() + " communities of "
                + f.scopeName() + ", not the whole district, so the graph cannot give the district total; ").orElse(
                "The dataset holds no community of " + f.scopeName() + "; ");
        return switch (f.metric()) {
            case "pilot.outlets" -> exact(pilot.outletCount(), pilot);
            case "pilot.outlets.new_or_renovated" -> exact(pilot.newOrRenovatedOutletCount(), pilot);
            case "pilot.outlets.new_or_renovated.chain" -> exact(pilot.newOrRenovatedChainOutletCount(), pilot);
            case "pilot.commercial_centres" -> exact(pilot.commercialCenterCount(), pilot);
            case "pilot.commercial_centres.new_or_renovated" ->
                    exact(pilot.newOrRenovatedCommercialCenterCount(), pilot);
            case "pilot.outlets.chain_share_percent" -> pilot.outletCount() == 0
                    ? new Computed(null, 0, "The dataset has no outlets in pilot communities")
                    : new Computed(100.0 * pilot.chainOutletCount() / pilot.outletCount(),
                            100.0 / pilot.outletCount(), pilot.chainOutletCount() + " of " + pilot.outletCount()
                                    + " outlets are brand chains; with whole outlets the share moves in steps of "
                                    + String.format("%.3f", 100.0 / pilot.outletCount()) + " percentage points");
            case "district.community_service_centres.new_or_rebuilt" -> new Computed(null, 0, partial
                    + "its communities have " + district.map(AreaStats::communityServiceCenterCount).orElse(0)
                    + " community service centres and the data does not record which were rebuilt");
            case "district.reading_spaces" -> new Computed(null, 0, partial + "its communities have "
                    + district.map(AreaStats::readingSpaceCount).orElse(0) + " libraries or public reading spaces");
            case "district.elderly_care" -> new Computed(null, 0, partial + "its communities have "
                    + district.map(AreaStats::elderlyCareFacilityCount).orElse(0) + " elderly-care facilities");
            case "district.markets.rebuilt" -> new Computed(null, 0, partial
                    + "and the data does not record which markets were rebuilt");
            case "district.residents_served" -> new Computed(null, 0, partial + "its communities have "
                    + district.map(AreaStats::residents).orElse(0) + " residents");
            case "city.reading_spaces" -> new Computed(null, 0, "The dataset holds " + s.city().communityCount()
                    + " communities, not the whole city; they have " + s.city().readingSpaceCount()
                    + " libraries or public reading spaces");
            case "city.library_circle_15min" -> new Computed(
                    coverage.residentsWithinPercent(LIBRARY_CATEGORIES, 15, Pace.ADULT), 0.01,
                    "Share of the dataset's " + coverage.totalResidents() + " residents within 15 minutes at 5 km/h "
                            + "of a library, public reading space or bookstore; 'completed' read as 100 %");
            default -> new Computed(null, 0, "No computation is defined for metric '" + f.metric() + "'");
        };
    }

    private static Computed exact(int value, AreaStats pilot) {
        return new Computed((double) value, 1.0, "Counted over the dataset's " + pilot.communityCount()
                + " pilot communities");
    }

    private static FigureStatus status(Figure f, Computed c) {
        if (c.value() == null) {
            return FigureStatus.NOT_COMPUTABLE;
        }
        double diff = c.value() - f.value();
        return switch (f.qualifier()) {
            case "MORE_THAN" -> diff > 0 ? FigureStatus.MATCHES : FigureStatus.DIFFERS;
            case "APPROXIMATELY" -> Math.abs(diff) <= 0.05 * Math.abs(f.value()) ? FigureStatus.MATCHES
                    : FigureStatus.DIFFERS;
            default -> Math.abs(diff) < 1e-9 ? FigureStatus.MATCHES
                    // the published value lies within half a step of the exact computed one
                    : Math.abs(diff) <= c.resolution() / 2 + 1e-9 ? FigureStatus.WITHIN_ROUNDING
                    : FigureStatus.DIFFERS;
        };
    }

    private static Citation citation(org.neo4j.driver.Value s) {
        if (s.isNull()) {
            return null;
        }
        return new Citation(s.get("id").asString(), s.get("title").asString(), s.get("kind").asString(),
                s.get("publisher").asString(null), s.get("quoting").asString(null), s.get("url").asString(null),
                s.get("publishedOn").asString(null), s.get("datePrecision").asString(),
                s.get("publishedNotBefore").asString(null), s.get("note").asString(null));
    }

    private List<Figure> figures() {
        try (Session session = sessions.read()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (f:PublishedFigure)
                    OPTIONAL MATCH (f)-[:PUBLISHED_IN]->(s:Source)
                    RETURN f.id AS id, f.metric AS metric, f.description AS description, f.scope AS scope,
                           f.scopeId AS scopeId, f.scopeName AS scopeName, f.value AS value, f.qualifier AS qualifier,
                           f.unit AS unit, f.source AS source, f.sourceUrl AS sourceUrl, f.publishedOn AS publishedOn,
                           s {.id, .title, .kind, .publisher, .quoting, .url, .publishedOn, .datePrecision,
                              .publishedNotBefore, .note} AS citation
                    ORDER BY f.scope DESC, f.id
                    """).list(r -> new Figure(r.get("id").asString(), r.get("metric").asString(),
                    r.get("description").asString(), r.get("scope").asString(), r.get("scopeId").asString(null),
                    r.get("scopeName").asString(), r.get("value").asDouble(), r.get("qualifier").asString(),
                    r.get("unit").asString(), r.get("source").asString(), r.get("sourceUrl").asString(null),
                    r.get("publishedOn").isNull() ? null : r.get("publishedOn").toString(),
                    citation(r.get("citation")))));
        }
    }
}
