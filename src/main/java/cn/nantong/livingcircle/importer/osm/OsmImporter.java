package cn.nantong.livingcircle.importer.osm;

import cn.nantong.livingcircle.system.Neo4jSessions;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.catalog.CategoryCatalog;
import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.importer.ImportException;
import cn.nantong.livingcircle.importer.WalkingEdgeWriter;
import cn.nantong.livingcircle.network.WalkingProperties;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

/**
 * Imports an OpenStreetMap extract: parse the whole file ({@link OsmFileReader}), plan every change against the
 * current graph ({@link OsmImportPlanner}), then write only the differences in ONE transaction with batched
 * {@code UNWIND $rows} statements. Bad input stops the import before anything is written; a failure while writing
 * rolls the transaction back, so the graph is either unchanged or fully updated.
 *
 * <p>Ids are stable OSM ids ({@code osm-n<node>}, {@code osm-w<way>}, walkways {@code osm-w<way>-<k>}), so
 * re-importing a file changes nothing but the dataset's version stamp, and a second file adds to the graph (the
 * file is authoritative for the elements it contains). Each file gets its own {@code (:Dataset {id: 'osm-<file>'})}
 * node with licence {@code ODbL-1.0} and attribution {@code © OpenStreetMap contributors}; its new version stamp
 * makes every replica reload its in-memory network.
 */
@Service
public class OsmImporter {

    private static final Logger log = LoggerFactory.getLogger(OsmImporter.class);
    static final int BATCH_ROWS = 10_000;
    static final String LICENCE = "ODbL-1.0";
    static final String ATTRIBUTION = "© OpenStreetMap contributors";

    private final Neo4jSessions sessions;
    private final ResourceLoader resources;
    private final CategoryCatalog catalog;
    private final DatasetService datasets;
    private final WalkingProperties walking;
    private final OsmImportProperties properties;

    OsmImporter(Neo4jSessions sessions, ResourceLoader resources, CategoryCatalog catalog, DatasetService datasets,
            WalkingProperties walking, OsmImportProperties properties) {
        this.sessions = sessions;
        this.resources = resources;
        this.catalog = catalog;
        this.datasets = datasets;
        this.walking = walking;
        this.properties = properties;
    }

    /**
     * @throws ImportException with the file and position when the file cannot be read as OSM, or when writing fails
     *                         (then nothing was written)
     */
    public OsmImportSummary importFile(Path file) {
        long start = System.nanoTime();
        String name = file.getFileName().toString();
        log.info("OSM import of {}: reading", file);
        OsmExtract extract = OsmFileReader.read(file, elements -> log.info("OSM import of {}: {} elements read",
                name, elements));
        long parsed = System.nanoTime();
        log.info("OSM import of {}: read {} nodes, {} ways, {} relations in {} ms; planning", name,
                extract.nodeCount(), extract.ways.size(), extract.relations, (parsed - start) / 1_000_000);
        Set<String> codes = catalog.all().stream().map(ServiceCategory::code).collect(Collectors.toSet());
        CategoryMapping mapping = CategoryMapping.read(resources.getResource(CategoryMapping.LOCATION), codes);
        ExistingGraph graph = ExistingGraph.load(sessions);
        String slug = slug(name);
        OsmImportPlan plan = new OsmImportPlanner(extract, graph, mapping, new OsmImportPlanner.Settings(
                properties.minIslandMeters(), walking.maxSnapMeters(), walking.horizonMillimetres()), slug)
                .plan(ids -> ExistingGraph.walkingEdges(sessions, ids));
        long planned = System.nanoTime();
        OsmImportPlan.Stats s = plan.stats();
        log.info("OSM import of {}: planned in {} ms: {} junctions, {} walkways ({} islands with {} walkways dropped), "
                + "{} buildings, {} places, {} unmapped POIs; writing {} walkways, {} buildings, {} places, "
                + "{} walking edges ({} buildings recomputed)", name, (planned - parsed) / 1_000_000, s.junctions(),
                s.walkways(), s.islandsDropped(), s.walkwaysDropped(), s.buildings(), s.places(), s.unmappedPois(),
                plan.walkwayCreates().size(), plan.buildingWrites().size(), plan.placeWrites().size(),
                plan.walkingEdgeCreateCount() + plan.walkingEdgeUpdates().size(), s.buildingsRecomputed());
        String datasetId = OsmImportPlanner.datasetId(slug);
        write(plan, datasetId, name, extract);
        long written = System.nanoTime();
        datasets.invalidate();
        OsmImportSummary summary = new OsmImportSummary(file.toString(), datasetId, s.nodes(), s.ways(),
                s.relations(), s.walkableWays(), s.junctions(), s.walkways(), s.islandsDropped(), s.walkwaysDropped(),
                s.buildings(), s.residentialBuildings(), s.residents(), s.communities(), s.places(),
                s.placesByCategory(), s.unmappedPois(), s.unmappedTop(), s.unattached(), s.buildingsRecomputed(),
                plan.walkwayCreates().size(), plan.walkwayDeletes().size(), plan.buildingWrites().size(),
                plan.buildingDeletes().size(), plan.placeWrites().size(), plan.placeDeletes().size(),
                plan.walkingEdgeCreateCount() + plan.walkingEdgeUpdates().size(), plan.walkingEdgeDeletes().size(),
                (parsed - start) / 1_000_000,
                (planned - parsed) / 1_000_000, (written - planned) / 1_000_000);
        log.info("OSM import of {} done: {}", name, summary);
        return summary;
    }

    /** {@code osm_krems.osm.gz} → {@code osm-krems}: lower case, runs of other characters as one dash. */
    static String slug(String fileName) {
        String stem = fileName.replaceFirst("(?i)(\\.osm)?(\\.pbf|\\.gz|\\.bz2|\\.xml)?$", "")
                .replaceFirst("(?i)\\.osm$", "");
        String slug = stem.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "file" : slug;
    }

    private void write(OsmImportPlan plan, String datasetId, String fileName, OsmExtract extract) {
        try (Session session = sessions.write(); Transaction tx = session.beginTransaction()) {
            batches(tx, fileName, "districts", """
                    UNWIND $rows AS r
                    MERGE (d:District {id: r.id}) SET d.nameZh = r.nameZh, d.nameEn = r.nameEn
                    """, plan.districts());
            batches(tx, fileName, "subdistricts", """
                    UNWIND $rows AS r
                    MATCH (d:District {id: r.districtId})
                    MERGE (s:Subdistrict {id: r.id}) SET s.nameZh = r.nameZh, s.nameEn = r.nameEn
                    MERGE (s)-[:IN_DISTRICT]->(d)
                    """, plan.subdistricts());
            batches(tx, fileName, "communities", """
                    UNWIND $rows AS r
                    MATCH (s:Subdistrict {id: r.subdistrictId})
                    MERGE (c:Community {id: r.id})
                    SET c.nameZh = r.nameZh, c.nameEn = r.nameEn, c.location = point({latitude: r.lat, longitude: r.lon}),
                        c.areaSquareMeters = r.area, c.pilot = false, c.nameSource = r.nameSource
                    MERGE (c)-[:IN_SUBDISTRICT]->(s)
                    """, plan.communities());
            batches(tx, fileName, "place deletions", """
                    UNWIND $rows AS id
                    MATCH (p:Place {id: id}) DETACH DELETE p
                    """, plan.placeDeletes());
            batches(tx, fileName, "building deletions", """
                    UNWIND $rows AS id
                    MATCH (b:Building {id: id}) DETACH DELETE b
                    """, plan.buildingDeletes());
            batches(tx, fileName, "walkway deletions", """
                    UNWIND $rows AS id
                    MATCH ()-[w:WALKWAY {id: id}]->() DELETE w
                    """, plan.walkwayDeletes());
            batches(tx, fileName, "junctions", """
                    UNWIND $rows AS r
                    MERGE (j:Junction {id: r.id}) SET j.location = point({latitude: r.lat, longitude: r.lon})
                    """, plan.junctions());
            batches(tx, fileName, "walkways", """
                    UNWIND $rows AS r
                    MATCH (a:Junction {id: r.fromId}), (b:Junction {id: r.toId})
                    CREATE (a)-[:WALKWAY {id: r.id, lengthMeters: r.lengthMeters, kind: r.kind, synthetic: false,
                                          shape: r.shape, osmWay: r.osmWay}]->(b)
                    """, plan.walkwayCreates());
            batches(tx, fileName, "orphan junctions", """
                    UNWIND $rows AS id
                    MATCH (j:Junction {id: id}) WHERE NOT (j)--()
                    DELETE j
                    """, List.copyOf(plan.orphanJunctionCandidates()));
            batches(tx, fileName, "buildings", """
                    UNWIND $rows AS r
                    MERGE (b:Building {id: r.id})
                    SET b.name = r.name, b.households = r.households, b.residents = r.residents,
                        b.location = point({latitude: r.lat, longitude: r.lon}), b.walkwayId = r.walkwayId,
                        b.offsetMeters = r.offsetMeters, b.snapMeters = r.snapMeters, b.buildingType = r.buildingType,
                        b.levels = r.levels, b.footprintSquareMeters = r.footprintSquareMeters
                    WITH b, r
                    OPTIONAL MATCH (b)-[old:IN_COMMUNITY]->(c0:Community) WHERE c0.id <> r.communityId
                    DELETE old
                    WITH DISTINCT b, r
                    MATCH (c:Community {id: r.communityId})
                    MERGE (b)-[:IN_COMMUNITY]->(c)
                    """, plan.buildingWrites());
            batches(tx, fileName, "places", """
                    UNWIND $rows AS r
                    MATCH (cat:ServiceCategory {code: r.category})
                    MERGE (p:Place {id: r.id})
                    SET p.name = r.name, p.category = r.category, p.kind = r.kind, p.brand = r.brand, p.chain = r.chain,
                        p.openingHours = r.openingHours, p.location = point({latitude: r.lat, longitude: r.lon}),
                        p.walkwayId = r.walkwayId, p.offsetMeters = r.offsetMeters, p.snapMeters = r.snapMeters,
                        p.osmTag = r.osmTag
                    FOREACH (ignored IN CASE WHEN r.label = 'Outlet' THEN [1] ELSE [] END | SET p:Outlet REMOVE p:Facility)
                    FOREACH (ignored IN CASE WHEN r.label = 'Facility' THEN [1] ELSE [] END | SET p:Facility REMOVE p:Outlet)
                    WITH p, r, cat
                    OPTIONAL MATCH (p)-[oldCat:OF_CATEGORY]->(c0:ServiceCategory) WHERE c0.code <> r.category
                    DELETE oldCat
                    WITH DISTINCT p, r, cat
                    MERGE (p)-[:OF_CATEGORY]->(cat)
                    WITH p, r
                    OPTIONAL MATCH (p)-[oldCommunity:IN_COMMUNITY]->(c1:Community) WHERE c1.id <> r.communityId
                    DELETE oldCommunity
                    WITH DISTINCT p, r
                    MATCH (c:Community {id: r.communityId})
                    MERGE (p)-[:IN_COMMUNITY]->(c)
                    """, plan.placeWrites());
            batches(tx, fileName, "walking-edge deletions", """
                    UNWIND $rows AS r
                    MATCH (:Building {id: r.b})-[w:WALKS_TO]->(:Place {id: r.p})
                    DELETE w
                    """, plan.walkingEdgeDeletes());
            batches(tx, fileName, "changed walking edges", """
                    UNWIND $rows AS r
                    MATCH (:Building {id: r.b})-[w:WALKS_TO]->(:Place {id: r.p})
                    SET w.meters = r.m
                    """, plan.walkingEdgeUpdates());
            writeNewWalkingEdges(tx, fileName, plan.walkingEdgeCreates());
            List<String> osmCommunities = plan.touchedCommunities().stream()
                    .filter(id -> id.startsWith(OsmImportPlanner.PREFIX)).sorted().toList();
            batches(tx, fileName, "community totals", """
                    UNWIND $rows AS id
                    MATCH (c:Community {id: id})
                    OPTIONAL MATCH (b:Building)-[:IN_COMMUNITY]->(c)
                    WITH c, sum(b.households) AS households, sum(b.residents) AS residents
                    SET c.households = households, c.residents = residents
                    """, osmCommunities);
            tx.run("""
                    MERGE (d:Dataset {id: $id})
                    SET d.name = $name, d.source = $source, d.licence = $licence, d.attribution = $attribution,
                        d.synthetic = false, d.version = $version, d.importedAt = datetime(),
                        d.horizonMeters = $horizonMeters
                    """, Map.of("id", datasetId, "name", "OpenStreetMap: " + fileName, "source",
                    "OpenStreetMap extract " + fileName + " (" + extract.nodeCount() + " nodes, " + extract.ways.size()
                            + " ways), imported with osmosis", "licence", LICENCE, "attribution", ATTRIBUTION,
                    "version", UUID.randomUUID().toString(), "horizonMeters", walking.horizonMeters())).consume();
            tx.commit();
        } catch (ImportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ImportException(fileName + ": import failed while writing and was rolled back: "
                    + e.getMessage(), e);
        }
    }

    /** New edges grouped per building, batched by edge count rather than row count. */
    private static void writeNewWalkingEdges(Transaction tx, String fileName, List<Map<String, Object>> rows) {
        int total = rows.stream().mapToInt(r -> ((List<?>) r.get("targets")).size()).sum();
        List<WalkingEdgeWriter.BuildingEdges> edges = rows.stream().map(r -> new WalkingEdgeWriter.BuildingEdges(
                (String) r.get("b"), ((List<?>) r.get("targets")).stream().map(t -> (Map<?, ?>) t)
                        .map(t -> new WalkingEdgeWriter.Target((String) t.get("p"), ((Number) t.get("m")).doubleValue()))
                        .toList())).toList();
        WalkingEdgeWriter.create(tx, edges, BATCH_ROWS, written ->
                log.info("OSM import of {}: wrote {} / {} new walking edges", fileName, written, total));
    }

    private static void batches(Transaction tx, String fileName, String what, String cypher, List<?> rows) {
        for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
            List<?> batch = rows.subList(from, Math.min(rows.size(), from + BATCH_ROWS));
            tx.run(cypher, Map.of("rows", batch)).consume();
            if (rows.size() > BATCH_ROWS) {
                log.info("OSM import of {}: wrote {} / {} {}", fileName, from + batch.size(), rows.size(), what);
            }
        }
    }
}
