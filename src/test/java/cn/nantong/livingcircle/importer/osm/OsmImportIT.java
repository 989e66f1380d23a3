package cn.nantong.livingcircle.importer.osm;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import cn.nantong.livingcircle.dataset.DatasetInfo;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.importer.ImportException;
import cn.nantong.livingcircle.network.CityNetworkService;
import cn.nantong.livingcircle.support.GraphFingerprint;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Importing the real OSM extracts into an empty database: counts, idempotence, adding a file, bad files, and a
 * multi-file import that fails halfway.
 */
@OsmApplicationIT
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OsmImportIT {

    static final Path HAIDIAN = Path.of("../shared/data/osm_beijing_haidian_cau.osm");
    static final Path MONACO = Path.of("../shared/data/osm_monaco_graphhopper.osm.gz");

    @Autowired
    OsmImporter importer;

    @Autowired
    Driver driver;

    @Autowired
    DatasetService datasets;

    @Autowired
    CityNetworkService networks;

    @TempDir
    Path dir;

    @Test
    @Order(1)
    void haidianImportsWithCountsAttributionAndANewVersion() {
        long buildingsBefore = count("MATCH (b:Building) RETURN count(b)");
        OsmImportSummary s = importer.importFile(HAIDIAN);
        System.out.println("OSM import summary: " + s);

        assertThat(s.junctions()).isGreaterThan(300);
        assertThat(s.walkways()).isGreaterThan(400);
        assertThat(s.buildings()).isGreaterThan(200);
        assertThat(s.places()).isGreaterThan(80);
        assertThat(s.placesByCategory()).containsKeys("convenience_store", "specialty_dining", "cafe");
        assertThat(s.unmappedPois()).isPositive();
        // other OSM ITs of this context may have imported Haidian already: then nothing new is written
        assertThat(count("MATCH (b:Building) RETURN count(b)") - buildingsBefore).isEqualTo(s.writtenBuildings());
        assertThat(count("MATCH ()-[w:WALKWAY]->() WHERE w.id STARTS WITH 'osm-w' RETURN count(w)"))
                .isGreaterThanOrEqualTo(s.walkways());
        // Every OSM building and place hangs in the community tree the GraphQL contract needs.
        assertThat(count("""
                MATCH (b:Building) WHERE b.id STARTS WITH 'osm-'
                  AND NOT (b)-[:IN_COMMUNITY]->(:Community)-[:IN_SUBDISTRICT]->(:Subdistrict)-[:IN_DISTRICT]->(:District)
                RETURN count(b)""")).isZero();
        assertThat(count("""
                MATCH (p:Place) WHERE p.id STARTS WITH 'osm-'
                  AND NOT ((p)-[:OF_CATEGORY]->(:ServiceCategory) AND (p)-[:IN_COMMUNITY]->(:Community))
                RETURN count(p)""")).isZero();
        assertThat(count("MATCH (c:Community) WHERE c.id STARTS WITH 'osm-w' RETURN count(c)"))
                .as("named landuse=residential areas become communities").isPositive();
        assertThat(count("MATCH (:Building)-[w:WALKS_TO]->(:Place) RETURN count(w)")).isPositive();

        DatasetInfo dataset = datasets.current();
        assertThat(dataset.id()).isEqualTo("osm-beijing-haidian-cau");
        assertThat(dataset.licence()).isEqualTo("ODbL-1.0");
        assertThat(dataset.attribution()).isEqualTo("© OpenStreetMap contributors");
        CityNetwork network = networks.current();
        assertThat(network.version()).isEqualTo(dataset.version());
        assertThat(network.placeCount()).isGreaterThanOrEqualTo(s.places());
    }

    @Test
    @Order(2)
    void reimportingTheSameFileChangesNothingButTheDatasetStamp() {
        importer.importFile(HAIDIAN);
        Map<String, Object> stampBefore = stamp();
        GraphFingerprint before = GraphFingerprint.of(driver);
        String versionBefore = datasets.current().version();

        OsmImportSummary again = importer.importFile(HAIDIAN);

        assertThat(again.unchanged()).isTrue();
        assertThat(again.buildingsRecomputed()).isZero();
        assertThat(datasets.current().version()).isNotEqualTo(versionBefore);
        assertThat(networks.current().version()).isEqualTo(datasets.current().version());
        // The fingerprint covers every property: put the stamp back, then the graphs must be identical.
        restoreStamp(stampBefore);
        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aSecondFileAddsWithoutTouchingTheFirst() {
        importer.importFile(HAIDIAN);
        long buildings = count("MATCH (b:Building) RETURN count(b)");
        long haidianEdges = count("""
                MATCH (b:Building)-[w:WALKS_TO]->() WHERE b.location.longitude > 100 RETURN count(w)""");
        long haidianJunctions = count("MATCH (j:Junction) WHERE j.location.longitude > 100 RETURN count(j)");

        OsmImportSummary monaco = importer.importFile(MONACO);
        System.out.println("OSM import summary: " + monaco);

        assertThat(monaco.buildings()).isGreaterThan(500);
        assertThat(monaco.islandsDropped()).isPositive();
        assertThat(count("MATCH (b:Building) RETURN count(b)")).isEqualTo(buildings + monaco.writtenBuildings());
        assertThat(count("""
                MATCH (b:Building)-[w:WALKS_TO]->() WHERE b.location.longitude > 100 RETURN count(w)""")).isEqualTo(haidianEdges);
        assertThat(count("MATCH (j:Junction) WHERE j.location.longitude > 100 RETURN count(j)"))
                .isEqualTo(haidianJunctions);
        // Monaco is 8,000 km from Haidian: only Monaco's own new buildings needed new walking edges (none when
        // another OSM IT of this context imported Monaco before)
        assertThat(monaco.buildingsRecomputed()).isEqualTo(monaco.writtenBuildings());
        assertThat(datasets.current().id()).isEqualTo("osm-monaco-graphhopper");
    }

    @Test
    @Order(4)
    void badFilesStopWithFileAndPositionAndLeaveTheGraphAsItWas() throws IOException {
        byte[] haidian = Files.readAllBytes(HAIDIAN);
        Path truncatedXml = dir.resolve("cut.osm.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(truncatedXml))) {
            out.write(Arrays.copyOf(haidian, haidian.length / 2));
        }
        Path notOsm = dir.resolve("readme.osm");
        Files.writeString(notOsm, "# not OSM\n");
        Path notPbf = dir.resolve("fake.osm.pbf");
        Files.write(notPbf, Arrays.copyOf(haidian, 5000));
        Path missing = dir.resolve("missing.osm.pbf");
        GraphFingerprint before = GraphFingerprint.of(driver);

        assertThatThrownBy(() -> importer.importFile(truncatedXml)).isInstanceOf(ImportException.class)
                .hasMessageMatching(".*cut\\.osm\\.gz: line \\d+, column \\d+: not valid OSM XML: .*");
        assertThatThrownBy(() -> importer.importFile(notOsm)).isInstanceOf(ImportException.class)
                .hasMessageContaining("readme.osm: line 1, column 1");
        assertThatThrownBy(() -> importer.importFile(notPbf)).isInstanceOf(ImportException.class)
                .hasMessageContaining("fake.osm.pbf: not a valid OSM PBF file: error in block 1 starting at byte 0");
        assertThatThrownBy(() -> importer.importFile(missing)).isInstanceOf(ImportException.class)
                .hasMessageContaining("missing.osm.pbf: file not found");

        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
    }

    @Test
    @Order(5)
    void aMultiFileImportThatFailsOnItsSecondFileSaysWhichFileStaysCommitted(CapturedOutput output)
            throws IOException {
        // a 667 m footway with a convenience store, far from every other test's data
        Path first = dir.resolve("remote-footway.osm");
        Files.writeString(first, """
                <?xml version="1.0" encoding="UTF-8"?>
                <osm version="0.6">
                  <node id="990000001" version="1" timestamp="2020-01-01T00:00:00Z" changeset="1" lat="0.0000000" lon="0.0000000"/>
                  <node id="990000002" version="1" timestamp="2020-01-01T00:00:00Z" changeset="1" lat="0.0060000" lon="0.0000000"/>
                  <node id="990000003" version="1" timestamp="2020-01-01T00:00:00Z" changeset="1" lat="0.0030000" lon="0.0001000"><tag k="shop" v="convenience"/><tag k="name" v="Remote"/></node>
                  <way id="990000010" version="1" timestamp="2020-01-01T00:00:00Z" changeset="1"><nd ref="990000001"/><nd ref="990000002"/><tag k="highway" v="footway"/></way>
                </osm>
                """);
        Path second = dir.resolve("broken.osm");
        Files.writeString(second, "<osm version=\"0.6\"><node id=\"1\" lat=");
        long junctionsBefore = count("MATCH (j:Junction) RETURN count(j)");

        new OsmImportCommand(importer, new OsmImportProperties(List.of(first.toString(), second.toString(),
                "never-read.osm"), false, 500), null).run(new DefaultApplicationArguments());

        assertThat(count("MATCH (j:Junction) RETURN count(j)")).as("the first file stays committed")
                .isEqualTo(junctionsBefore + 2);
        assertThat(count("MATCH (p:Place {name: 'Remote'}) RETURN count(p)")).isEqualTo(1);
        assertThat(output.getOut()).contains("OSM import of " + second + " failed and was rolled back")
                .contains("Committed before it and kept: [" + first + "]")
                .contains("not attempted: [never-read.osm]")
                .doesNotContain("the graph is unchanged");
    }

    private long count(String cypher) {
        try (Session session = driver.session()) {
            return session.run(cypher).single().get(0).asLong();
        }
    }

    private Map<String, Object> stamp() {
        try (Session session = driver.session()) {
            return session.run("""
                    MATCH (d:Dataset) RETURN collect({id: d.id, version: d.version, importedAt: d.importedAt}) AS s
                    """).single().get("s").asList(v -> v.asMap()).stream()
                    .collect(java.util.stream.Collectors.toMap(m -> (String) m.get("id"), m -> (Object) m));
        }
    }

    private void restoreStamp(Map<String, Object> stamp) {
        try (Session session = driver.session()) {
            session.run("""
                    UNWIND $stamps AS s
                    MATCH (d:Dataset {id: s.id}) SET d.version = s.version, d.importedAt = s.importedAt
                    """, Map.of("stamps", java.util.List.copyOf(stamp.values()))).consume();
        }
        datasets.invalidate();
    }
}
