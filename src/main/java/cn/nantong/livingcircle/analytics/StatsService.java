package cn.nantong.livingcircle.analytics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import cn.nantong.livingcircle.analytics.AreaStats.AreaLevel;
import cn.nantong.livingcircle.catalog.CategoryCatalog;
import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.catalog.ServiceFunction;
import cn.nantong.livingcircle.catalog.Tier;
import cn.nantong.livingcircle.dataset.DatasetInfo;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.engine.coverage.CoverageMath;
import cn.nantong.livingcircle.metrics.CircleMetrics;
import cn.nantong.livingcircle.metrics.CircleMetrics.VersionedCache;
import cn.nantong.livingcircle.place.FacilityKind;
import cn.nantong.livingcircle.system.GenerationScoped;
import cn.nantong.livingcircle.system.Neo4jSessions;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Service;

/**
 * City, district and subdistrict figures. Four grouped read queries produce one row per community (outlets by
 * category with chain and new/renovated counts, centres, facilities by kind); everything else is summed in memory,
 * so every level is consistent with the others by construction. Cached per data version.
 */
@Service
class StatsService {

    /** Guidance: commercial and service floor area at least 10 % of the community's land area. */
    static final double MIN_FLOOR_AREA_SHARE_PERCENT = 10.0;
    /** Guidance: at least 30 m² of commercial and service floor area per 100 households. */
    static final double MIN_FLOOR_AREA_PER_HUNDRED_HOUSEHOLDS = 30.0;

    private final Neo4jSessions sessions;
    private final DatasetService datasets;
    private final CategoryCatalog catalog;
    private volatile Snapshot snapshot;

    private final CircleMetrics metrics;

    StatsService(Neo4jSessions sessions, DatasetService datasets, CategoryCatalog catalog, CircleMetrics metrics) {
        this.metrics = metrics;
        this.sessions = sessions;
        this.datasets = datasets;
        this.catalog = catalog;
    }

    /** The figures of the whole city and its rollups. */
    Snapshot current() {
        DatasetInfo dataset = datasets.current();
        String version = dataset.version();
        Snapshot s = snapshot;
        if (s == null || !s.version().equals(version)) {
            long start = System.nanoTime();
            s = compute(version, dataset.generation());
            snapshot = s;
            metrics.cacheMiss(VersionedCache.AREA_STATS, System.nanoTime() - start);
        } else {
            metrics.cacheHit(VersionedCache.AREA_STATS);
        }
        return s;
    }

    /** City totals with one entry per district and per subdistrict, each ordered by id. */
    record Snapshot(String version, AreaStats city, AreaStats pilot, List<AreaStats> districts,
            List<AreaStats> subdistricts) {
    }

    /** Raw figures of one community. */
    private static final class Tally {
        final Map<String, Integer> outletsByCategory = new TreeMap<>();
        final Map<FacilityKind, Integer> facilitiesByKind = new EnumMap<>(FacilityKind.class);
        int communities;
        int residents;
        int households;
        double area;
        int chains;
        int newOrRenovated;
        int newOrRenovatedChains;
        int centers;
        int newCenters;
        double floorArea;

        void add(Tally o) {
            o.outletsByCategory.forEach((k, v) -> outletsByCategory.merge(k, v, Integer::sum));
            o.facilitiesByKind.forEach((k, v) -> facilitiesByKind.merge(k, v, Integer::sum));
            communities += o.communities;
            residents += o.residents;
            households += o.households;
            area += o.area;
            chains += o.chains;
            newOrRenovated += o.newOrRenovated;
            newOrRenovatedChains += o.newOrRenovatedChains;
            centers += o.centers;
            newCenters += o.newCenters;
            floorArea += o.floorArea;
        }
    }

    private record CommunityRow(String id, String subdistrictId, String subdistrictName, String districtId,
            String districtName, boolean pilot) {
    }

    private Snapshot compute(String version, long generation) {
        Map<String, Tally> tallies = new HashMap<>();
        List<CommunityRow> communities = new ArrayList<>();
        try (Session session = sessions.read()) {
            session.executeRead(readTx -> {
                GenerationScoped tx = GenerationScoped.of(readTx, generation);
                tx.run("""
                        MATCH (c:Community) WHERE c.generation = $generation
                        OPTIONAL MATCH (c)-[:IN_SUBDISTRICT]->(s:Subdistrict)
                        OPTIONAL MATCH (s)-[:IN_DISTRICT]->(d:District)
                        RETURN c.id AS id, c.residents AS residents, c.households AS households,
                               c.areaSquareMeters AS area, coalesce(c.pilot, false) AS pilot, s.id AS sid, s.nameZh AS sname, d.id AS did, d.nameZh AS dname
                        ORDER BY id
                        """).forEachRemaining(r -> {
                    Tally t = new Tally();
                    t.communities = 1;
                    t.residents = r.get("residents").isNull() ? 0 : r.get("residents").asInt();
                    t.households = r.get("households").isNull() ? 0 : r.get("households").asInt();
                    t.area = r.get("area").isNull() ? 0 : r.get("area").asDouble();
                    tallies.put(r.get("id").asString(), t);
                    communities.add(new CommunityRow(r.get("id").asString(), r.get("sid").asString(null),
                            r.get("sname").asString(null), r.get("did").asString(null), r.get("dname").asString(null),
                            r.get("pilot").asBoolean()));
                });
                tx.run("""
                        MATCH (o:Outlet)-[:IN_COMMUNITY]->(c:Community) WHERE o.generation = $generation
                        RETURN c.id AS id, o.category AS category, count(o) AS outlets,
                               count(CASE WHEN o.chain THEN 1 END) AS chains,
                               count(CASE WHEN o.newOrRenovated THEN 1 END) AS newOrRenovated,
                               count(CASE WHEN o.newOrRenovated AND o.chain THEN 1 END) AS newOrRenovatedChains,
                               sum(CASE WHEN EXISTS { (o)-[:IN_CENTER]->(:CommercialCenter) } THEN 0
                                        ELSE coalesce(o.floorAreaSquareMeters, 0) END) AS standaloneFloorArea
                        """).forEachRemaining(r -> {
                    Tally t = tallies.get(r.get("id").asString());
                    t.outletsByCategory.merge(r.get("category").asString(), r.get("outlets").asInt(), Integer::sum);
                    t.chains += r.get("chains").asInt();
                    t.newOrRenovated += r.get("newOrRenovated").asInt();
                    t.newOrRenovatedChains += r.get("newOrRenovatedChains").asInt();
                    t.floorArea += r.get("standaloneFloorArea").asDouble();
                });
                tx.run("""
                        MATCH (cc:CommercialCenter)-[:IN_COMMUNITY]->(c:Community) WHERE cc.generation = $generation
                        RETURN c.id AS id, count(cc) AS centers,
                               count(CASE WHEN cc.newOrRenovated THEN 1 END) AS newCenters,
                               sum(coalesce(cc.floorAreaSquareMeters, 0)) AS floorArea
                        """).forEachRemaining(r -> {
                    Tally t = tallies.get(r.get("id").asString());
                    t.centers += r.get("centers").asInt();
                    t.newCenters += r.get("newCenters").asInt();
                    t.floorArea += r.get("floorArea").asDouble();
                });
                tx.run("""
                        MATCH (f:Facility)-[:IN_COMMUNITY]->(c:Community) WHERE f.generation = $generation
                        RETURN c.id AS id, f.kind AS kind, count(f) AS facilities
                        """).forEachRemaining(r -> tallies.get(r.get("id").asString()).facilitiesByKind
                        .merge(FacilityKind.valueOf(r.get("kind").asString()), r.get("facilities").asInt(),
                                Integer::sum));
                return null;
            });
        }
        Tally city = new Tally();
        Tally pilot = new Tally();
        Map<String, Tally> districts = new TreeMap<>();
        Map<String, Tally> subdistricts = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (CommunityRow c : communities) {
            Tally t = tallies.get(c.id());
            city.add(t);
            if (c.pilot()) {
                pilot.add(t);
            }
            if (c.districtId() != null) {
                districts.computeIfAbsent(c.districtId(), k -> new Tally()).add(t);
                names.put(c.districtId(), c.districtName());
            }
            if (c.subdistrictId() != null) {
                subdistricts.computeIfAbsent(c.subdistrictId(), k -> new Tally()).add(t);
                names.put(c.subdistrictId(), c.subdistrictName());
            }
        }
        Function<Map.Entry<String, Tally>, AreaStats> district = e -> stats(e.getKey(), names.get(e.getKey()),
                AreaLevel.DISTRICT, e.getValue());
        Function<Map.Entry<String, Tally>, AreaStats> subdistrict = e -> stats(e.getKey(), names.get(e.getKey()),
                AreaLevel.SUBDISTRICT, e.getValue());
        return new Snapshot(version, stats("city", "南通市", AreaLevel.CITY, city),
                stats("pilot", "试点社区 (pilot communities)", AreaLevel.CITY, pilot),
                districts.entrySet().stream().map(district).toList(),
                subdistricts.entrySet().stream().map(subdistrict).toList());
    }

    private AreaStats stats(String id, String name, AreaLevel level, Tally t) {
        Map<Tier, Integer> byTier = new EnumMap<>(Tier.class);
        Map<ServiceFunction, Integer> byFunction = new EnumMap<>(ServiceFunction.class);
        for (Tier tier : Tier.values()) {
            byTier.put(tier, 0);
        }
        for (ServiceFunction function : ServiceFunction.values()) {
            byFunction.put(function, 0);
        }
        List<AreaStats.CategoryCount> byCategory = new ArrayList<>();
        int outlets = 0;
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (ServiceCategory c : catalog.all()) {
            ordered.put(c.code(), t.outletsByCategory.getOrDefault(c.code(), 0));
        }
        for (Map.Entry<String, Integer> e : ordered.entrySet()) {
            ServiceCategory c = catalog.require(e.getKey());
            int n = e.getValue();
            outlets += n;
            byTier.merge(c.tier(), n, Integer::sum);
            byFunction.merge(c.function(), n, Integer::sum);
            if (n > 0) {
                byCategory.add(new AreaStats.CategoryCount(c, n));
            }
        }
        int facilities = 0;
        List<AreaStats.FacilityKindCount> byKind = new ArrayList<>();
        for (FacilityKind kind : FacilityKind.values()) {
            int n = t.facilitiesByKind.getOrDefault(kind, 0);
            facilities += n;
            byKind.add(new AreaStats.FacilityKindCount(kind, n));
        }
        Double share = t.area > 0 ? CoverageMath.round2(100.0 * t.floorArea / t.area) : null;
        Double perHundred = t.households > 0 ? CoverageMath.round2(100.0 * t.floorArea / t.households) : null;
        return new AreaStats(id, name, level, t.communities, t.residents, t.households, t.area, outlets, t.chains,
                CoverageMath.round2(CoverageMath.percent(t.chains, outlets)), t.newOrRenovated,
                t.newOrRenovatedChains, t.centers, t.newCenters, t.floorArea, share, perHundred,
                share != null && share >= MIN_FLOOR_AREA_SHARE_PERCENT,
                perHundred != null && perHundred >= MIN_FLOOR_AREA_PER_HUNDRED_HOUSEHOLDS,
                byTier.entrySet().stream().map(e -> new AreaStats.TierCount(e.getKey(), e.getValue())).toList(),
                byFunction.entrySet().stream().map(e -> new AreaStats.FunctionCount(e.getKey(), e.getValue()))
                        .toList(),
                byCategory, facilities, byKind, t.facilitiesByKind.getOrDefault(FacilityKind.ELDERLY_CARE_CENTER, 0),
                t.facilitiesByKind.getOrDefault(FacilityKind.LIBRARY, 0),
                t.facilitiesByKind.getOrDefault(FacilityKind.COMMUNITY_SERVICE_CENTER, 0));
    }
}
