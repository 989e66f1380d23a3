package cn.nantong.livingcircle.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.nantong.livingcircle.support.ApplicationIT;
import cn.nantong.livingcircle.support.GraphFingerprint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad dataset stops the import with the file and line of the problem, and the graph stays as it was. */
@ApplicationIT
class ImportValidationIT {

    private static final String[] FILES = {"districts.csv", "subdistricts.csv", "communities.csv", "buildings.csv",
            "junctions.csv", "walkways.csv", "commercial_centers.csv", "outlets.csv", "facilities.csv"};

    @Autowired
    DatasetImporter importer;

    @Autowired
    Driver driver;

    @TempDir
    Path dir;

    private final DatasetImporter.DatasetMetadata metadata = new DatasetImporter.DatasetMetadata("broken", "broken",
            "test", "ODbL-1.0", "test", true);

    @BeforeEach
    void copyTinyTown() throws IOException {
        for (String file : FILES) {
            Files.write(dir.resolve(file), new ClassPathResource("datasets/tiny/" + file).getContentAsByteArray());
        }
    }

    @Test
    void badNumberNamesFileLineAndColumnAndWritesNothing() throws IOException {
        replace("outlets.csv", "32.0000000,120.0015900", "north,120.0015900");
        assertFailsWithoutWriting("outlets.csv:2: column 'lat': 'north' is not a number");
    }

    @Test
    void unknownReferenceIsNamed() throws IOException {
        replace("walkways.csv", "w45,j4,j5", "w45,j4,j55");
        assertFailsWithoutWriting("walkways.csv: column 'to_junction_id' refers to unknown id 'j55'");
    }

    @Test
    void unknownCategoryIsNamed() throws IOException {
        replace("outlets.csv", ",supermarket,", ",hypermarket,");
        assertFailsWithoutWriting("outlets.csv:4: column 'category': unknown category code 'hypermarket'");
    }

    @Test
    void missingColumnIsNamed() throws IOException {
        replace("buildings.csv", "id,community_id,name", "ident,community_id,name");
        assertFailsWithoutWriting("buildings.csv:1: missing column 'id'");
    }

    @Test
    void placeFarFromAnyWalkwayIsRejected() throws IOException {
        replace("outlets.csv", "31.9995500,120.0021200", "31.9000000,120.0021200");
        assertFailsWithoutWriting("outlets.csv: 'p2' at 31.9,120.00212 is farther than 500.0 m from any walkway");
    }

    @Test
    void truncatedFileIsRejected() throws IOException {
        Files.writeString(dir.resolve("junctions.csv"), "id,lat,lon\nj1,32.0000000,120.0000000\nj2,32.00", StandardCharsets.UTF_8);
        assertFailsWithoutWriting("junctions.csv:3: expected 3 fields, found 2");
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Files.delete(dir.resolve("facilities.csv"));
        assertFailsWithoutWriting("facilities.csv: file not found");
    }

    private void assertFailsWithoutWriting(String message) {
        GraphFingerprint before = GraphFingerprint.of(driver);
        assertThatThrownBy(() -> importer.importCsv(dir.toUri().toString(), metadata))
                .isInstanceOf(ImportException.class).hasMessageContaining(message);
        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String content = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(content).contains(from);
        Files.writeString(path, content.replace(from, to), StandardCharsets.UTF_8);
    }
}
