package cn.nantong.livingcircle.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.nantong.livingcircle.support.ApplicationIT;
import cn.nantong.livingcircle.support.GraphFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A refused import leaves the graph exactly as it was (fingerprint of every node and relationship). The dataset
 * is refused at its last check (a place too far from every walkway, found after every file was parsed and the
 * network built); the refusals themselves are {@link CsvDatasetReaderTests}.
 */
@ApplicationIT
class ImportRollbackIT {

    @Autowired
    DatasetImporter importer;

    @Autowired
    Driver driver;

    @TempDir
    Path dir;

    @Test
    void aRefusedImportWritesNothing() throws IOException {
        TinyTown.copyTo(dir);
        Path outlets = dir.resolve("outlets.csv");
        String content = Files.readString(outlets, StandardCharsets.UTF_8);
        assertThat(content).contains("31.9995500,120.0021200");
        Files.writeString(outlets, content.replace("31.9995500,120.0021200", "31.9000000,120.0021200"),
                StandardCharsets.UTF_8);
        GraphFingerprint before = GraphFingerprint.of(driver);
        assertThatThrownBy(() -> importer.importCsv(dir.toUri().toString(), new DatasetImporter.DatasetMetadata(
                "broken", "broken", "test", "ODbL-1.0", "test", true)))
                .isInstanceOf(ImportException.class).hasMessageContaining("farther than 500.0 m from any walkway");
        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
    }
}
