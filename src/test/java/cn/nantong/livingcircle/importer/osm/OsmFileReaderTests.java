package cn.nantong.livingcircle.importer.osm;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import cn.nantong.livingcircle.importer.ImportException;
import crosby.binary.file.BlockOutputStream;
import crosby.binary.osmosis.OsmosisSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openstreetmap.osmosis.xml.common.CompressionMethod;
import org.openstreetmap.osmosis.xml.v0_6.XmlReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Reading OSM XML (plain and gzip, detected by content) and PBF, and the error messages for bad files. The PBF is
 * written in the test with osmosis' own PBF serializer from the Monaco XML extract, then read back and compared.
 */
class OsmFileReaderTests {

    static final Path MONACO = Path.of("../shared/data/osm_monaco_graphhopper.osm.gz");
    static final Path HAIDIAN = Path.of("../shared/data/osm_beijing_haidian_cau.osm");

    @TempDir
    static Path dir;

    static Path monacoPbf;

    @BeforeAll
    static void writeMonacoAsPbf() throws IOException {
        monacoPbf = dir.resolve("monaco.osm.pbf");
        try (OutputStream out = Files.newOutputStream(monacoPbf)) {
            OsmosisSerializer serializer = new OsmosisSerializer(new BlockOutputStream(out));
            serializer.setUseDense(true);
            XmlReader reader = new XmlReader(MONACO.toFile(), false, CompressionMethod.GZip);
            reader.setSink(serializer);
            reader.run();
        }
    }

    @Test
    void pbfHoldsTheSameNodesWaysAndTagsAsTheXml() {
        OsmExtract xml = OsmFileReader.read(MONACO, n -> {
        });
        OsmExtract pbf = OsmFileReader.read(monacoPbf, n -> {
        });
        assertThat(pbf.nodeCount()).isEqualTo(xml.nodeCount()).isEqualTo(13_739);
        assertThat(pbf.ways).hasSameSizeAs(xml.ways).hasSize(1_944);
        assertThat(pbf.relations).isEqualTo(xml.relations).isEqualTo(77);
        for (int i = 0; i < xml.nodeCount(); i += 97) {
            int p = pbf.indexOf(xml.nodeId(i));
            // PBF stores coordinates in units of 100 nanodegrees.
            assertThat(pbf.lat(p)).isCloseTo(xml.lat(i), within(1e-7));
            assertThat(pbf.lon(p)).isCloseTo(xml.lon(i), within(1e-7));
        }
        for (int w = 0; w < xml.ways.size(); w++) {
            assertThat(pbf.ways.get(w).id()).isEqualTo(xml.ways.get(w).id());
            assertThat(pbf.ways.get(w).tags()).isEqualTo(xml.ways.get(w).tags());
            assertThat(pbf.ways.get(w).nodes().length).isEqualTo(xml.ways.get(w).nodes().length);
        }
        assertThat(pbf.nodeTags).hasSameSizeAs(xml.nodeTags);
    }

    @Test
    void compressionIsDetectedFromContentNotName() throws IOException {
        Path gzipNamedPlain = dir.resolve("haidian-gzipped.osm");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipNamedPlain))) {
            Files.copy(HAIDIAN, out);
        }
        OsmExtract plain = OsmFileReader.read(HAIDIAN, n -> {
        });
        OsmExtract gzipped = OsmFileReader.read(gzipNamedPlain, n -> {
        });
        assertThat(gzipped.nodeCount()).isEqualTo(plain.nodeCount()).isEqualTo(4_347);
        assertThat(gzipped.ways).hasSize(684);
    }

    @Test
    void truncatedXmlNamesFileLineAndColumn() throws IOException {
        Path truncated = dir.resolve("truncated.osm");
        byte[] all = Files.readAllBytes(HAIDIAN);
        Files.write(truncated, Arrays.copyOf(all, 300_000));
        assertThatThrownBy(() -> OsmFileReader.read(truncated, n -> {
        })).isInstanceOf(ImportException.class)
                .hasMessageMatching(".*truncated\\.osm: line \\d+, column \\d+: not valid OSM XML: .*");
    }

    @Test
    void nonOsmFileIsRejectedWithPosition() throws IOException {
        Path text = dir.resolve("notes.osm");
        Files.writeString(text, "these are not the nodes you are looking for\n");
        assertThatThrownBy(() -> OsmFileReader.read(text, n -> {
        })).isInstanceOf(ImportException.class).hasMessageContaining("notes.osm: line 1, column 1");
        Path html = dir.resolve("page.osm");
        Files.writeString(html, "<html><body>404</body></html>\n");
        assertThatThrownBy(() -> OsmFileReader.read(html, n -> {
        })).isInstanceOf(ImportException.class).hasMessageContaining("page.osm: line 1, column 7")
                .hasMessageContaining("does not appear to be an OSM XML file");
        Path empty = dir.resolve("empty.osm");
        Files.writeString(empty, "<?xml version='1.0'?>\n<osm version='0.6'></osm>\n");
        assertThatThrownBy(() -> OsmFileReader.read(empty, n -> {
        })).isInstanceOf(ImportException.class).hasMessageContaining("empty.osm: contains no OSM nodes");
    }

    @Test
    void truncatedPbfNamesFileAndBytePosition() throws IOException {
        Path truncated = dir.resolve("truncated.osm.pbf");
        byte[] all = Files.readAllBytes(monacoPbf);
        Files.write(truncated, Arrays.copyOf(all, all.length - 1000));
        assertThatThrownBy(() -> OsmFileReader.read(truncated, n -> {
        })).isInstanceOf(ImportException.class)
                .hasMessageMatching(".*truncated\\.osm\\.pbf: truncated OSM PBF file: the last complete block \\(\\d+\\) "
                        + "ends at byte \\d+ of " + (all.length - 1000));
    }

    @Test
    void garbagePbfNamesFileAndBlock() throws IOException {
        Path garbage = dir.resolve("garbage.osm.pbf");
        Files.write(garbage, Files.readAllBytes(HAIDIAN));
        assertThatThrownBy(() -> OsmFileReader.read(garbage, n -> {
        })).isInstanceOf(ImportException.class)
                .hasMessageContaining("garbage.osm.pbf: not a valid OSM PBF file: error in block 1 starting at byte 0");
    }
}
