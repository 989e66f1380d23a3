package cn.nantong.livingcircle.importer.osm;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.catalog.CategoryCatalog;
import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.community.BuildingWriter;
import cn.nantong.livingcircle.community.CommunityWriter;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.dataset.DatasetWriter.DatasetRow;
import cn.nantong.livingcircle.dataset.DatasetWriter;
import cn.nantong.livingcircle.dataset.Generations;
import cn.nantong.livingcircle.importer.ImportException;
import cn.nantong.livingcircle.importer.ImportMetrics;
import io.micrometer.core.instrument.Timer;
import cn.nantong.livingcircle.importer.WalkingEdgeWriter;
import cn.nantong.livingcircle.network.WalkingProperties;
import cn.nantong.livingcircle.network.WalkwayWriter;
import cn.nantong.livingcircle.place.PlaceWriter;
import cn.nantong.livingcircle.system.CypherBatches;
import cn.nantong.livingcircle.system.GenerationScoped;
import cn.nantong.livingcircle.system.Neo4jSessions;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

/**
 * Imports an OpenStreetMap extract: parse the whole file ({@link OsmFileReader}), plan every change against the
 * active dataset generation ({@link OsmImportPlanner}), then write only the differences into it in ONE transaction
 * (an empty graph gets a new generation, activated once written) through the writers
 * every importer shares ({@link CommunityWriter}, {@link WalkwayWriter}, {@link BuildingWriter}, {@link PlaceWriter},
 * {@link WalkingEdgeWriter}, {@link DatasetWriter}). Bad input stops the import before anything is written; a failure
 * while writing rolls the transaction back, so the graph is either unchanged or fully updated.
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
    static final String LICENCE = "ODbL-1.0";
    static final String ATTRIBUTION = "© OpenStreetMap contributors";

    private final Neo4jSessions sessions;
    private final ResourceLoader resources;
    private final CategoryCatalog catalog;
    private final DatasetService datasets;
    private final WalkingProperties walking;
    private final OsmImportProperties properties;
    private final ImportMetrics metrics;

    OsmImporter(Neo4jSessions sessions, ResourceLoader resources, CategoryCatalog catalog, DatasetService datasets,
            WalkingProperties walking, OsmImportProperties properties, ImportMetrics metrics) {
        this.metrics = metrics;
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
        Timer.Sample sample = metrics.start();
        try {
            OsmImportSummary summary = importOrFail(file);
            metrics.finished(sample, "osm", "success");
            metrics.rows("osm", "walkways", summary.writtenWalkways());
            metrics.rows("osm", "buildings", summary.writtenBuildings());
            metrics.rows("osm", "places", summary.writtenPlaces());
            metrics.rows("osm", "walking_edges", summary.writtenWalkingEdges());
            metrics.rejects("osm", "too_far_from_walkway", summary.unattached());
            metrics.rejects("osm", "island_walkway", summary.walkwaysDropped());
            return summary;
        } catch (RuntimeException e) {
            metrics.finished(sample, "osm", "failure");
            throw e;
        }
    }

    private OsmImportSummary importOrFail(Path file) {
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
        Long active;
        try (Session session = sessions.read()) {
            active = Generations.active(session);
        }
        // the first data of an empty graph goes into a new generation, activated once written
        long generation = active != null ? active : Generations.stage(sessions, CypherBatches.SILENT);
        ExistingGraph graph = ExistingGraph.load(sessions, generation);
        String slug = slug(name);
        OsmImportPlan plan = new OsmImportPlanner(extract, graph, mapping, new OsmImportPlanner.Settings(
                properties.minIslandMeters(), walking.maxSnapMeters(), walking.minSnapComponentMeters(),
                walking.horizonMillimetres()), slug)
                .plan(ids -> ExistingGraph.walkingEdges(sessions, generation, ids));
        long planned = System.nanoTime();
        OsmImportPlan.Stats s = plan.stats();
        log.info("OSM import of {}: planned in {} ms: {} junctions, {} walkways ({} islands with {} walkways dropped), "
                + "{} buildings, {} places, {} unmapped POIs; writing {} walkways, {} buildings, {} places, "
                + "{} walking edges ({} buildings recomputed)", name, (planned - parsed) / 1_000_000, s.junctions(),
                s.walkways(), s.islandsDropped(), s.walkwaysDropped(), s.buildings(), s.places(), s.unmappedPois(),
                plan.walkwayCreates().size(), plan.buildingWrites().size(), plan.placeWrites().size(),
                plan.walkingEdgeCreateCount() + plan.walkingEdgeUpdates().size(), s.buildingsRecomputed());
        String datasetId = OsmIds.datasetId(slug);
        write(plan, datasetId, name, extract, generation, active == null);
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

    /**
     * Every change through the shared writers, in ONE transaction, deletions before the writes they make room for:
     * into the active generation, or into a fresh one that is activated once written.
     */
    private void write(OsmImportPlan plan, String datasetId, String fileName, OsmExtract extract, long generation,
            boolean fresh) {
        try (Session session = sessions.write()) {
            try (Transaction writeTx = session.beginTransaction()) {
                if (!fresh && Generations.lockActive(writeTx) != generation) {
                    throw new ImportException(fileName + ": another import activated a new dataset while this one "
                            + "was planned; nothing was written, run it again");
                }
                writeDiff(GenerationScoped.of(writeTx, generation), plan, datasetId, fileName, extract);
                writeTx.commit();
            }
            if (fresh) {
                Generations.activate(session, generation);
            }
        } catch (ImportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ImportException(fileName + ": import failed while writing and was rolled back: "
                    + e.getMessage(), e);
        }
    }

    private void writeDiff(GenerationScoped tx, OsmImportPlan plan, String datasetId, String fileName,
            OsmExtract extract) {
        CommunityWriter.upsertDistricts(tx, plan.districts(), CypherBatches.SILENT);
        CommunityWriter.upsertSubdistricts(tx, plan.subdistricts(), CypherBatches.SILENT);
        CommunityWriter.upsertCommunities(tx, plan.communities(),
                progress(fileName, "communities", plan.communities()));
        PlaceWriter.delete(tx, plan.placeDeletes(), progress(fileName, "place deletions", plan.placeDeletes()));
        BuildingWriter.delete(tx, plan.buildingDeletes(),
                progress(fileName, "building deletions", plan.buildingDeletes()));
        WalkwayWriter.deleteWalkways(tx, plan.walkwayDeletes(),
                progress(fileName, "walkway deletions", plan.walkwayDeletes()));
        WalkwayWriter.upsertJunctions(tx, plan.junctions(), progress(fileName, "junctions", plan.junctions()));
        WalkwayWriter.upsertWalkways(tx, plan.walkwayCreates(), progress(fileName, "walkways",
                plan.walkwayCreates()));
        List<String> orphans = List.copyOf(plan.orphanJunctionCandidates());
        WalkwayWriter.deleteOrphanJunctions(tx, orphans, progress(fileName, "orphan junctions", orphans));
        BuildingWriter.upsert(tx, plan.buildingWrites(), progress(fileName, "buildings", plan.buildingWrites()));
        PlaceWriter.upsert(tx, plan.placeWrites(), progress(fileName, "places", plan.placeWrites()));
        WalkingEdgeWriter.delete(tx, plan.walkingEdgeDeletes(),
                progress(fileName, "walking-edge deletions", plan.walkingEdgeDeletes()));
        WalkingEdgeWriter.updateLengths(tx, plan.walkingEdgeUpdates(),
                progress(fileName, "changed walking edges", plan.walkingEdgeUpdates()));
        int newEdges = plan.walkingEdgeCreateCount();
        WalkingEdgeWriter.create(tx, plan.walkingEdgeCreates(), CypherBatches.ROWS,
                metrics.phase("OSM import of " + fileName, "new walking edges", newEdges));
        List<String> osmCommunities = plan.touchedCommunities().stream()
                .filter(id -> id.startsWith(OsmIds.PREFIX)).sorted().toList();
        CommunityWriter.recomputeTotals(tx, osmCommunities,
                progress(fileName, "community totals", osmCommunities));
        DatasetWriter.stamp(tx, new DatasetRow(datasetId, "OpenStreetMap: " + fileName,
                "OpenStreetMap extract " + fileName + " (" + extract.nodeCount() + " nodes, " + extract.ways.size()
                        + " ways), imported with osmosis", LICENCE, ATTRIBUTION, false, walking.horizonMeters()));
    }

    /** Progress of one write phase: the gauge, and a log line with counts, percent and ETA for a long one. */
    private IntConsumer progress(String fileName, String what, List<?> rows) {
        return metrics.phase("OSM import of " + fileName, what, rows.size());
    }
}
