package cn.nantong.livingcircle.importer;

import cn.nantong.livingcircle.engine.Millimetres;

import cn.nantong.livingcircle.engine.WalkingEdges;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.catalog.CategoryCatalog;
import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.network.WalkingProperties;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

/**
 * Imports a dataset in the open-data CSV layout: parse and check everything, build the walkway network in memory,
 * attach every building and place to its nearest walkway segment, precompute the walking-distance edges, then
 * write it all with the plain driver in batched {@code UNWIND $rows} statements inside ONE transaction, so a
 * failure at any point leaves the graph exactly as it was. Upserts by id make a re-import of the same files a
 * no-op apart from the new data version.
 */
@Service
public class DatasetImporter {

    private static final Logger log = LoggerFactory.getLogger(DatasetImporter.class);
    static final int BATCH_ROWS = 10_000;

    private final Driver driver;
    private final ResourceLoader resources;
    private final CategoryCatalog catalog;
    private final DatasetService datasets;
    private final WalkingProperties walking;

    DatasetImporter(Driver driver, ResourceLoader resources, CategoryCatalog catalog, DatasetService datasets,
            WalkingProperties walking) {
        this.driver = driver;
        this.resources = resources;
        this.catalog = catalog;
        this.datasets = datasets;
        this.walking = walking;
    }

    /** Provenance written to the {@code (:Dataset)} node. */
    public record DatasetMetadata(String id, String name, String source, String licence, String attribution,
            boolean synthetic) {
    }

    /** What an import wrote, with timings in milliseconds. */
    public record ImportSummary(int communities, int buildings, int junctions, int walkways, int outlets,
            int facilities, int commercialCenters, int walkingEdges, long computeMillis, long writeMillis) {
    }

    public ImportSummary importCsv(String location, DatasetMetadata metadata) {
        long start = System.nanoTime();
        Set<String> codes = catalog.all().stream().map(ServiceCategory::code).collect(Collectors.toSet());
        CsvDataset data = CsvDataset.read(resources, location, codes);
        PreparedDataset prepared = PreparedDataset.prepare(data, walking);
        long computed = System.nanoTime();
        log.info("Parsed {} and computed {} walking edges in {} ms", location, prepared.edges().count(),
                (computed - start) / 1_000_000);
        write(data, prepared, metadata);
        long written = System.nanoTime();
        datasets.invalidate();
        catalog.invalidate();
        ImportSummary summary = new ImportSummary(data.communities().size(), data.buildings().size(),
                data.junctions().size(), data.walkways().size(), data.outlets().size(), data.facilities().size(),
                data.centers().size(), prepared.edges().count(), (computed - start) / 1_000_000,
                (written - computed) / 1_000_000);
        log.info("Imported {}: {}", metadata.id(), summary);
        return summary;
    }

    private void write(CsvDataset data, PreparedDataset prepared, DatasetMetadata metadata) {
        List<String> walkwayIds = data.walkways().stream().map(CsvDataset.WalkwayRow::id).toList();
        try (Session session = driver.session(); Transaction tx = session.beginTransaction()) {
            batches(tx, """
                    UNWIND $rows AS r
                    MERGE (d:District {id: r.id}) SET d.nameZh = r.nameZh, d.nameEn = r.nameEn
                    """, data.districts(), d -> row("id", d.id(), "nameZh", d.nameZh(), "nameEn", d.nameEn()));
            batches(tx, """
                    UNWIND $rows AS r
                    MATCH (d:District {id: r.districtId})
                    MERGE (s:Subdistrict {id: r.id}) SET s.nameZh = r.nameZh, s.nameEn = r.nameEn
                    MERGE (s)-[:IN_DISTRICT]->(d)
                    """, data.subdistricts(), s -> row("id", s.id(), "districtId", s.districtId(), "nameZh",
                    s.nameZh(), "nameEn", s.nameEn()));
            batches(tx, """
                    UNWIND $rows AS r
                    MATCH (s:Subdistrict {id: r.subdistrictId})
                    MERGE (c:Community {id: r.id})
                    SET c.nameZh = r.nameZh, c.nameEn = r.nameEn, c.location = point({latitude: r.lat, longitude: r.lon}),
                        c.areaSquareMeters = r.area, c.households = r.households, c.residents = r.residents,
                        c.pilot = r.pilot, c.nameSource = r.nameSource
                    MERGE (c)-[:IN_SUBDISTRICT]->(s)
                    """, data.communities(), c -> row("id", c.id(), "subdistrictId", c.subdistrictId(), "nameZh",
                    c.nameZh(), "nameEn", c.nameEn(), "lat", c.lat(), "lon", c.lon(), "area", c.areaSquareMeters(),
                    "households", c.households(), "residents", c.residents(), "pilot", c.pilot(), "nameSource",
                    c.nameSource()));
            batches(tx, """
                    UNWIND $rows AS r
                    MERGE (j:Junction {id: r.id}) SET j.location = point({latitude: r.lat, longitude: r.lon})
                    """, data.junctions(), j -> row("id", j.id(), "lat", j.lat(), "lon", j.lon()));
            batches(tx, """
                    UNWIND $rows AS r
                    MATCH (a:Junction {id: r.fromId}), (b:Junction {id: r.toId})
                    MERGE (a)-[w:WALKWAY {id: r.id}]->(b)
                    SET w.lengthMeters = r.lengthMeters, w.kind = r.kind, w.synthetic = r.synthetic
                    """, data.walkways(), w -> row("id", w.id(), "fromId", w.fromId(), "toId", w.toId(),
                    "lengthMeters", w.lengthMeters(), "kind", w.kind(), "synthetic", metadata.synthetic()));
            List<Integer> buildingIdx = indices(data.buildings().size());
            batches(tx, """
                    UNWIND $rows AS r
                    MATCH (c:Community {id: r.communityId})
                    MERGE (b:Building {id: r.id})
                    SET b.name = r.name, b.households = r.households, b.residents = r.residents,
                        b.location = point({latitude: r.lat, longitude: r.lon}),
                        b.walkwayId = r.walkwayId, b.offsetMeters = r.offsetMeters, b.snapMeters = r.snapMeters
                    MERGE (b)-[:IN_COMMUNITY]->(c)
                    """, buildingIdx, i -> {
                CsvDataset.BuildingRow b = data.buildings().get(i);
                Attachment a = prepared.buildings()[i];
                return row("id", b.id(), "communityId", b.communityId(), "name", b.name(), "households",
                        b.households(), "residents", b.residents(), "lat", b.lat(), "lon", b.lon(), "walkwayId",
                        walkwayIds.get(a.segment()), "offsetMeters", Millimetres.toMeters(a.offsetMillimetres()), "snapMeters",
                        prepared.buildingSnapMeters()[i]);
            });
            batches(tx, """
                    UNWIND $rows AS r
                    MATCH (c:Community {id: r.communityId})
                    MERGE (cc:CommercialCenter {id: r.id})
                    SET cc.name = r.name, cc.newOrRenovated = r.newOrRenovated, cc.renovatedYear = r.renovatedYear,
                        cc.floorAreaSquareMeters = r.floorArea, cc.location = point({latitude: r.lat, longitude: r.lon})
                    MERGE (cc)-[:IN_COMMUNITY]->(c)
                    """, data.centers(), c -> row("id", c.id(), "communityId", c.communityId(), "name", c.name(),
                    "newOrRenovated", c.newOrRenovated(), "renovatedYear", c.renovatedYear(), "floorArea",
                    c.floorAreaSquareMeters(), "lat", c.lat(), "lon", c.lon()));
            int outletCount = data.outlets().size();
            batches(tx, """
                    UNWIND $rows AS r
                    MATCH (c:Community {id: r.communityId}), (cat:ServiceCategory {code: r.category})
                    MERGE (o:Place {id: r.id})
                    SET o:Outlet, o.name = r.name, o.category = r.category, o.brand = r.brand, o.chain = r.chain,
                        o.newOrRenovated = r.newOrRenovated, o.renovatedYear = r.renovatedYear,
                        o.floorAreaSquareMeters = r.floorArea, o.openingHours = r.openingHours,
                        o.location = point({latitude: r.lat, longitude: r.lon}),
                        o.walkwayId = r.walkwayId, o.offsetMeters = r.offsetMeters, o.snapMeters = r.snapMeters
                    MERGE (o)-[:IN_COMMUNITY]->(c)
                    MERGE (o)-[:OF_CATEGORY]->(cat)
                    WITH o, r WHERE r.centerId IS NOT NULL
                    MATCH (cc:CommercialCenter {id: r.centerId})
                    MERGE (o)-[:IN_CENTER]->(cc)
                    """, indices(outletCount), i -> {
                CsvDataset.OutletRow o = data.outlets().get(i);
                Attachment a = prepared.places()[i];
                return row("id", o.id(), "communityId", o.communityId(), "centerId", o.centerId(), "name", o.name(),
                        "category", o.category(), "brand", o.brand(), "chain", o.chain(), "newOrRenovated",
                        o.newOrRenovated(), "renovatedYear", o.renovatedYear(), "floorArea",
                        o.floorAreaSquareMeters(), "openingHours", o.openingHours(), "lat", o.lat(), "lon", o.lon(),
                        "walkwayId", walkwayIds.get(a.segment()), "offsetMeters", Millimetres.toMeters(a.offsetMillimetres()),
                        "snapMeters", prepared.placeSnapMeters()[i]);
            });
            batches(tx, """
                    UNWIND $rows AS r
                    MATCH (c:Community {id: r.communityId}), (cat:ServiceCategory {code: r.category})
                    MERGE (f:Place {id: r.id})
                    SET f:Facility, f.name = r.name, f.kind = r.kind, f.category = r.category,
                        f.openingHours = r.openingHours, f.location = point({latitude: r.lat, longitude: r.lon}),
                        f.walkwayId = r.walkwayId, f.offsetMeters = r.offsetMeters, f.snapMeters = r.snapMeters
                    MERGE (f)-[:IN_COMMUNITY]->(c)
                    MERGE (f)-[:OF_CATEGORY]->(cat)
                    """, indices(data.facilities().size()), i -> {
                CsvDataset.FacilityRow f = data.facilities().get(i);
                Attachment a = prepared.places()[outletCount + i];
                return row("id", f.id(), "communityId", f.communityId(), "name", f.name(), "kind", f.kind().name(),
                        "category", f.category(), "openingHours", f.openingHours(), "lat", f.lat(), "lon", f.lon(),
                        "walkwayId", walkwayIds.get(a.segment()), "offsetMeters", Millimetres.toMeters(a.offsetMillimetres()),
                        "snapMeters", prepared.placeSnapMeters()[outletCount + i]);
            });
            writeWalkingEdges(tx, data, prepared.edges());
            tx.run("""
                    MERGE (d:Dataset {id: $id})
                    SET d.name = $name, d.source = $source, d.licence = $licence, d.attribution = $attribution,
                        d.synthetic = $synthetic, d.version = $version, d.importedAt = datetime(),
                        d.horizonMeters = $horizonMeters
                    """, row("id", metadata.id(), "name", metadata.name(), "source", metadata.source(), "licence",
                    metadata.licence(), "attribution", metadata.attribution(), "synthetic", metadata.synthetic(),
                    "version", UUID.randomUUID().toString(), "horizonMeters", walking.horizonMeters())).consume();
            tx.commit();
        } catch (RuntimeException e) {
            throw e instanceof ImportException ? e : new ImportException("Import failed and was rolled back: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the walking edges of the imported buildings: old ones are deleted first so a re-import with moved
     * places leaves no stale distance behind. Rows are grouped by building so each batch expands one building once.
     */
    private void writeWalkingEdges(Transaction tx, CsvDataset data, WalkingEdges edges) {
        List<String> placeIds = new ArrayList<>(data.outlets().size() + data.facilities().size());
        data.outlets().forEach(o -> placeIds.add(o.id()));
        data.facilities().forEach(f -> placeIds.add(f.id()));
        List<String> buildingIds = data.buildings().stream().map(CsvDataset.BuildingRow::id).toList();
        batches(tx, """
                UNWIND $rows AS id
                MATCH (:Building {id: id})-[w:WALKS_TO]->()
                DELETE w
                """, buildingIds, id -> id);
        List<Map<String, Object>> rows = new ArrayList<>(buildingIds.size());
        for (int b = 0; b < buildingIds.size(); b++) {
            List<Map<String, Object>> targets = new ArrayList<>(edges.first()[b + 1] - edges.first()[b]);
            for (int e = edges.first()[b]; e < edges.first()[b + 1]; e++) {
                targets.add(Map.of("p", placeIds.get(edges.place()[e]), "m", Millimetres.toMeters(edges.millimetres()[e])));
            }
            rows.add(Map.of("b", buildingIds.get(b), "targets", targets));
        }
        WalkingEdgeWriter.create(tx, rows, BATCH_ROWS, written -> { });
    }

    private static <T> void batches(Transaction tx, String cypher, List<T> items, Function<T, Object> toRow) {
        for (int from = 0; from < items.size(); from += BATCH_ROWS) {
            List<Object> rows = items.subList(from, Math.min(items.size(), from + BATCH_ROWS)).stream()
                    .map(toRow).toList();
            tx.run(cypher, Map.of("rows", rows)).consume();
        }
    }

    private static List<Integer> indices(int n) {
        List<Integer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    /** A parameter map that, unlike {@code Map.of}, accepts null values (absent optional columns). */
    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
