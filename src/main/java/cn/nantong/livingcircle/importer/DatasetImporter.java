package cn.nantong.livingcircle.importer;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.Set;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.catalog.CategoryCatalog;
import cn.nantong.livingcircle.catalog.ServiceCategory;
import cn.nantong.livingcircle.community.BuildingRow;
import cn.nantong.livingcircle.community.BuildingWriter;
import cn.nantong.livingcircle.community.CommunityWriter.DistrictRow;
import cn.nantong.livingcircle.community.CommunityWriter.SubdistrictRow;
import cn.nantong.livingcircle.community.CommunityWriter;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.dataset.DatasetWriter.DatasetRow;
import cn.nantong.livingcircle.dataset.DatasetWriter;
import cn.nantong.livingcircle.dataset.Generations;
import cn.nantong.livingcircle.engine.Attachment;
import cn.nantong.livingcircle.engine.Millimetres;
import cn.nantong.livingcircle.engine.WalkingEdges;
import cn.nantong.livingcircle.network.WalkingProperties;
import cn.nantong.livingcircle.network.WalkwayWriter.JunctionRow;
import cn.nantong.livingcircle.network.WalkwayWriter;
import cn.nantong.livingcircle.place.CommercialCenterWriter.CommercialCenterRow;
import cn.nantong.livingcircle.place.CommercialCenterWriter;
import cn.nantong.livingcircle.place.PlaceRow;
import cn.nantong.livingcircle.place.PlaceWriter;
import cn.nantong.livingcircle.system.CypherBatches;
import cn.nantong.livingcircle.system.GenerationScoped;
import cn.nantong.livingcircle.system.Neo4jSessions;
import org.neo4j.driver.Session;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

/**
 * Imports a dataset in the open-data CSV layout: parse and check everything, build the walkway network in memory,
 * attach every building and place to its nearest walkway segment and precompute the walking-distance edges, all
 * before the first write; then write the whole dataset as a new {@linkplain Generations generation} in bounded
 * batches, each its own transaction (memory independent of the dataset's size), and switch the active generation
 * to it in one small transaction at the end. Until the switch nobody reads the new generation; a failure or a
 * killed process leaves the previous one serving and a staged generation that the next import deletes. The
 * replaced generation is deleted in batches after {@link ImportProperties#retiredGrace()}.
 *
 * <p>The import replaces the whole dataset: what earlier imports (or maintenance writes) put in the active
 * generation and the files do not hold is not carried over.
 */
@Service
public class DatasetImporter {

    private static final Logger log = LoggerFactory.getLogger(DatasetImporter.class);

    private final Neo4jSessions sessions;
    private final ResourceLoader resources;
    private final CategoryCatalog catalog;
    private final DatasetService datasets;
    private final WalkingProperties walking;
    private final ImportProperties properties;
    private final ImportMetrics metrics;

    DatasetImporter(Neo4jSessions sessions, ResourceLoader resources, CategoryCatalog catalog, DatasetService datasets,
            WalkingProperties walking, ImportProperties properties, ImportMetrics metrics) {
        this.sessions = sessions;
        this.resources = resources;
        this.catalog = catalog;
        this.datasets = datasets;
        this.walking = walking;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** Provenance written to the {@code (:Dataset)} node. */
    public record DatasetMetadata(String id, String name, String source, String licence, String attribution,
            boolean synthetic) {
    }

    /**
     * What an import wrote, with timings in milliseconds.
     *
     * @param generation      the generation written and activated
     * @param writeMillis     from the first write to the switch
     * @param edgesPerSecond  walking edges written per second of the edge phase
     */
    public record ImportSummary(int communities, int buildings, int junctions, int walkways, int outlets,
            int facilities, int commercialCenters, int walkingEdges, long computeMillis, long writeMillis,
            long generation, long edgesPerSecond) {
    }

    /**
     * SHA-256 over the dataset's files (each file's name and bytes, in layout order; a missing file counts as
     * empty): what a CSV import records on its dataset node as {@code sourceSha256}, so a replica watching a
     * published dataset imports it only when it changed.
     */
    public static String sourceDigest(ResourceLoader resources, String location) {
        String base = location.endsWith("/") ? location : location + "/";
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (CsvLayout<?> file : CsvLayout.FILES) {
                digest.update((file.fileName() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                org.springframework.core.io.Resource resource = resources.getResource(base + file.fileName());
                if (resource.exists()) {
                    try (java.io.InputStream in = resource.getInputStream()) {
                        byte[] buffer = new byte[1 << 16];
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            digest.update(buffer, 0, n);
                        }
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.io.IOException e) {
            throw new ImportException("Cannot read the dataset at " + location + ": " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ImportSummary importCsv(String location, DatasetMetadata metadata) {
        Timer.Sample sample = metrics.start();
        try {
            ImportSummary summary = importOrFail(location, metadata);
            metrics.finished(sample, "csv", "success");
            return summary;
        } catch (RuntimeException e) {
            metrics.finished(sample, "csv", "failure");
            throw e;
        }
    }

    private ImportSummary importOrFail(String location, DatasetMetadata metadata) {
        long start = System.nanoTime();
        Set<String> codes = catalog.all().stream().map(ServiceCategory::code).collect(Collectors.toSet());
        String digest = sourceDigest(resources, location);
        CsvDataset data = CsvDataset.read(resources, location, codes);
        PreparedDataset prepared = PreparedDataset.prepare(data, walking);
        long computed = System.nanoTime();
        log.info("Parsed {} and computed {} walking edges in {} ms", location, prepared.edges().count(),
                (computed - start) / 1_000_000);
        String job = "Import of " + metadata.id();
        long generation = Generations.stage(sessions, metrics.phase(job, "nodes of unfinished imports deleted", 0));
        log.info("{}: writing generation {}", job, generation);
        long edgesPerSecond;
        Long retired;
        try (Session session = sessions.write()) {
            // every statement of a session outside a transaction is its own transaction: one per batch
            GenerationScoped batches = GenerationScoped.of(session, generation);
            edgesPerSecond = write(batches, job, data, prepared, metadata);
            DatasetWriter.recordSource(batches, metadata.id(), digest);
            retired = Generations.activate(session, generation);
        } catch (RuntimeException e) {
            discard(generation);
            throw e instanceof ImportException ? e : new ImportException("Import failed; the dataset being served is "
                    + "unchanged (generation " + generation + " was discarded): " + e.getMessage(), e);
        }
        long written = System.nanoTime();
        datasets.invalidate();
        catalog.invalidate();
        log.info("{}: generation {} is active", job, generation);
        ImportSummary summary = new ImportSummary(data.communities().size(), data.buildings().size(),
                data.junctions().size(), data.walkways().size(), data.outlets().size(), data.facilities().size(),
                data.centers().size(), prepared.edges().count(), (computed - start) / 1_000_000,
                (written - computed) / 1_000_000, generation, edgesPerSecond);
        metrics.rows("csv", "communities", data.communities().size());
        metrics.rows("csv", "buildings", data.buildings().size());
        metrics.rows("csv", "junctions", data.junctions().size());
        metrics.rows("csv", "walkways", data.walkways().size());
        metrics.rows("csv", "places", data.outlets().size() + data.facilities().size());
        metrics.rows("csv", "walking_edges", prepared.edges().count());
        if (retired != null) {
            retireAfterGrace(job);
        }
        log.info("Imported {}: {}", metadata.id(), summary);
        return summary;
    }

    /** Deletes the generations the switch retired, once replicas have had time to notice the switch. */
    private void retireAfterGrace(String job) {
        try {
            Thread.sleep(properties.retiredGrace().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("{}: interrupted before deleting the replaced generation; the next import deletes it", job);
            return;
        }
        try (Session session = sessions.write()) {
            long deleted = Generations.deleteInactive(session, "RETIRED",
                    metrics.phase(job, "nodes of the replaced generation deleted", 0));
            log.info("{}: deleted {} nodes of the replaced generation", job, deleted);
        } catch (RuntimeException e) {
            // the new generation is active and complete; what is left is deleted by the next import
            log.warn("{}: could not delete the replaced generation yet ({}); the next import deletes it", job,
                    e.getMessage());
        }
    }

    private void discard(long generation) {
        try (Session session = sessions.write()) {
            Generations.deleteInactive(session, "STAGED", CypherBatches.SILENT);
        } catch (RuntimeException e) {
            log.warn("Could not delete the staged generation {} after the failure ({}); the next import deletes it",
                    generation, e.getMessage());
        }
    }

    /** Writes every row into the staged generation; returns the walking edges written per second. */
    private long write(GenerationScoped tx, String job, CsvDataset data, PreparedDataset prepared,
            DatasetMetadata metadata) {
        List<String> walkwayIds = data.walkways().stream().map(CsvDataset.WalkwayRow::id).toList();
        CommunityWriter.upsertDistricts(tx, data.districts().stream()
                .map(d -> new DistrictRow(d.id(), d.nameZh(), d.nameEn())).toList(), CypherBatches.SILENT);
        CommunityWriter.upsertSubdistricts(tx, data.subdistricts().stream()
                .map(s -> new SubdistrictRow(s.id(), s.districtId(), s.nameZh(), s.nameEn())).toList(), CypherBatches.SILENT);
        CommunityWriter.upsertCommunities(tx, data.communities().stream()
                .map(c -> new CommunityWriter.CommunityRow(c.id(), c.subdistrictId(), c.nameZh(), c.nameEn(),
                        c.lat(), c.lon(), c.areaSquareMeters(), c.households(), c.residents(), c.pilot(),
                        c.nameSource())).toList(), CypherBatches.SILENT);
        WalkwayWriter.upsertJunctions(tx, data.junctions().stream()
                .map(j -> new JunctionRow(j.id(), j.lat(), j.lon())).toList(),
                metrics.phase(job, "junctions", data.junctions().size()));
        WalkwayWriter.createWalkways(tx, data.walkways().stream()
                .map(w -> new WalkwayWriter.WalkwayRow(w.id(), w.fromId(), w.toId(), w.lengthMeters(), w.kind(),
                        metadata.synthetic(), null, null)).toList(),
                metrics.phase(job, "walkways", data.walkways().size()));
        List<BuildingRow> buildings = new ArrayList<>(data.buildings().size());
        for (int i = 0; i < data.buildings().size(); i++) {
            CsvDataset.BuildingRow b = data.buildings().get(i);
            Attachment a = prepared.buildings()[i];
            buildings.add(new BuildingRow(b.id(), b.communityId(), b.name(), b.households(), b.residents(),
                    b.lat(), b.lon(), walkwayIds.get(a.segment()), Millimetres.toMeters(a.offsetMillimetres()),
                    prepared.buildingSnapMeters()[i], null, null, null));
        }
        BuildingWriter.upsert(tx, buildings, metrics.phase(job, "buildings", buildings.size()));
        CommercialCenterWriter.upsert(tx, data.centers().stream()
                .map(c -> new CommercialCenterRow(c.id(), c.communityId(), c.name(), c.newOrRenovated(),
                        c.renovatedYear(), c.floorAreaSquareMeters(), c.lat(), c.lon())).toList(), CypherBatches.SILENT);
        int outletCount = data.outlets().size();
        List<PlaceRow> places = new ArrayList<>(outletCount + data.facilities().size());
        for (int i = 0; i < outletCount; i++) {
            CsvDataset.OutletRow o = data.outlets().get(i);
            Attachment a = prepared.places()[i];
            places.add(new PlaceRow(o.id(), true, o.name(), o.category(), null, o.brand(), o.chain(),
                    o.newOrRenovated(), o.renovatedYear(), o.floorAreaSquareMeters(), o.openingHours(), o.lat(),
                    o.lon(), walkwayIds.get(a.segment()), Millimetres.toMeters(a.offsetMillimetres()),
                    prepared.placeSnapMeters()[i], o.communityId(), o.centerId(), null));
        }
        for (int i = 0; i < data.facilities().size(); i++) {
            CsvDataset.FacilityRow f = data.facilities().get(i);
            Attachment a = prepared.places()[outletCount + i];
            places.add(new PlaceRow(f.id(), false, f.name(), f.category(), f.kind().name(), null, null, null,
                    null, null, f.openingHours(), f.lat(), f.lon(), walkwayIds.get(a.segment()),
                    Millimetres.toMeters(a.offsetMillimetres()), prepared.placeSnapMeters()[outletCount + i],
                    f.communityId(), null, null));
        }
        PlaceWriter.upsert(tx, places, metrics.phase(job, "places", places.size()));
        long edgesStart = System.nanoTime();
        int edges = writeWalkingEdges(tx, job, data, prepared.edges());
        long edgesPerSecond = Math.round(edges / Math.max(1e-9, (System.nanoTime() - edgesStart) / 1e9));
        log.info("{}: {} walking edges written at {} per second", job, edges, edgesPerSecond);
        DatasetWriter.stamp(tx, new DatasetRow(metadata.id(), metadata.name(), metadata.source(),
                metadata.licence(), metadata.attribution(), metadata.synthetic(), walking.horizonMeters()));
        return edgesPerSecond;
    }

    /**
     * Writes the walking edges building by building. The rows are a view built as the writer reaches them, so the
     * edges exist only in the engine's arrays, never as millions of row objects at once.
     */
    private int writeWalkingEdges(GenerationScoped tx, String job, CsvDataset data, WalkingEdges edges) {
        List<String> placeIds = new ArrayList<>(data.outlets().size() + data.facilities().size());
        data.outlets().forEach(o -> placeIds.add(o.id()));
        data.facilities().forEach(f -> placeIds.add(f.id()));
        List<String> buildingIds = data.buildings().stream().map(CsvDataset.BuildingRow::id).toList();
        List<WalkingEdgeWriter.BuildingEdges> rows = new AbstractList<>() {
            @Override
            public WalkingEdgeWriter.BuildingEdges get(int b) {
                List<WalkingEdgeWriter.Target> targets = new ArrayList<>(edges.first()[b + 1] - edges.first()[b]);
                for (int e = edges.first()[b]; e < edges.first()[b + 1]; e++) {
                    targets.add(new WalkingEdgeWriter.Target(placeIds.get(edges.place()[e]),
                            Millimetres.toMeters(edges.millimetres()[e])));
                }
                return new WalkingEdgeWriter.BuildingEdges(buildingIds.get(b), targets);
            }

            @Override
            public int size() {
                return buildingIds.size();
            }
        };
        IntConsumer progress = metrics.phase(job, "walking edges", edges.count());
        return WalkingEdgeWriter.createInParallel(sessions, tx.generation(), rows, properties.walkingEdgeBatch(),
                properties.writers(), progress);
    }
}
