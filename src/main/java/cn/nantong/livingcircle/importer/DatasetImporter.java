package cn.nantong.livingcircle.importer;

import java.util.ArrayList;
import java.util.List;
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
import cn.nantong.livingcircle.system.Neo4jSessions;
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

    private final Neo4jSessions sessions;
    private final ResourceLoader resources;
    private final CategoryCatalog catalog;
    private final DatasetService datasets;
    private final WalkingProperties walking;

    DatasetImporter(Neo4jSessions sessions, ResourceLoader resources, CategoryCatalog catalog, DatasetService datasets,
            WalkingProperties walking) {
        this.sessions = sessions;
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
        try (Session session = sessions.write(); Transaction tx = session.beginTransaction()) {
            CommunityWriter.upsertDistricts(tx, data.districts().stream()
                    .map(d -> new DistrictRow(d.id(), d.nameZh(), d.nameEn())).toList(), CypherBatches.SILENT);
            CommunityWriter.upsertSubdistricts(tx, data.subdistricts().stream()
                    .map(s -> new SubdistrictRow(s.id(), s.districtId(), s.nameZh(), s.nameEn())).toList(), CypherBatches.SILENT);
            CommunityWriter.upsertCommunities(tx, data.communities().stream()
                    .map(c -> new CommunityWriter.CommunityRow(c.id(), c.subdistrictId(), c.nameZh(), c.nameEn(),
                            c.lat(), c.lon(), c.areaSquareMeters(), c.households(), c.residents(), c.pilot(),
                            c.nameSource())).toList(), CypherBatches.SILENT);
            WalkwayWriter.upsertJunctions(tx, data.junctions().stream()
                    .map(j -> new JunctionRow(j.id(), j.lat(), j.lon())).toList(), CypherBatches.SILENT);
            WalkwayWriter.upsertWalkways(tx, data.walkways().stream()
                    .map(w -> new WalkwayWriter.WalkwayRow(w.id(), w.fromId(), w.toId(), w.lengthMeters(), w.kind(),
                            metadata.synthetic(), null, null)).toList(), CypherBatches.SILENT);
            List<BuildingRow> buildings = new ArrayList<>(data.buildings().size());
            for (int i = 0; i < data.buildings().size(); i++) {
                CsvDataset.BuildingRow b = data.buildings().get(i);
                Attachment a = prepared.buildings()[i];
                buildings.add(new BuildingRow(b.id(), b.communityId(), b.name(), b.households(), b.residents(),
                        b.lat(), b.lon(), walkwayIds.get(a.segment()), Millimetres.toMeters(a.offsetMillimetres()),
                        prepared.buildingSnapMeters()[i], null, null, null));
            }
            BuildingWriter.upsert(tx, buildings, CypherBatches.SILENT);
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
            PlaceWriter.upsert(tx, places, CypherBatches.SILENT);
            writeWalkingEdges(tx, data, prepared.edges());
            DatasetWriter.stamp(tx, new DatasetRow(metadata.id(), metadata.name(), metadata.source(),
                    metadata.licence(), metadata.attribution(), metadata.synthetic(), walking.horizonMeters()));
            tx.commit();
        } catch (RuntimeException e) {
            throw e instanceof ImportException ? e : new ImportException("Import failed and was rolled back: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the walking edges of the imported buildings: old ones are deleted first so a re-import with moved
     * places leaves no stale distance behind.
     */
    private void writeWalkingEdges(Transaction tx, CsvDataset data, WalkingEdges edges) {
        List<String> placeIds = new ArrayList<>(data.outlets().size() + data.facilities().size());
        data.outlets().forEach(o -> placeIds.add(o.id()));
        data.facilities().forEach(f -> placeIds.add(f.id()));
        List<String> buildingIds = data.buildings().stream().map(CsvDataset.BuildingRow::id).toList();
        WalkingEdgeWriter.deleteFrom(tx, buildingIds, CypherBatches.SILENT);
        List<WalkingEdgeWriter.BuildingEdges> rows = new ArrayList<>(buildingIds.size());
        for (int b = 0; b < buildingIds.size(); b++) {
            List<WalkingEdgeWriter.Target> targets = new ArrayList<>(edges.first()[b + 1] - edges.first()[b]);
            for (int e = edges.first()[b]; e < edges.first()[b + 1]; e++) {
                targets.add(new WalkingEdgeWriter.Target(placeIds.get(edges.place()[e]),
                        Millimetres.toMeters(edges.millimetres()[e])));
            }
            rows.add(new WalkingEdgeWriter.BuildingEdges(buildingIds.get(b), targets));
        }
        WalkingEdgeWriter.create(tx, rows, CypherBatches.ROWS, CypherBatches.SILENT);
    }
}
