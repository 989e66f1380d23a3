package cn.nantong.livingcircle.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.nantong.livingcircle.network.WalkingProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bad dataset is refused by the reader (and the preparation step) with the file, line and column of the problem,
 * before anything could be written; {@link ImportRollbackIT} shows that the graph then stays as it was.
 */
class CsvDatasetReaderTests {

    private static final WalkingProperties WALKING = new WalkingProperties(20, 500, 3000);
    /** The catalogue's codes as the migration seeds them, so the reader sees what the database would hold. */
    private static final Set<String> CATEGORY_CODES = categoryCodes();

    @TempDir
    Path dir;

    @BeforeEach
    void copyTinyTown() throws IOException {
        TinyTown.copyTo(dir);
    }

    @Test
    void badNumberNamesFileLineAndColumnAndWritesNothing() throws IOException {
        replace("outlets.csv", "32.0000000,120.0015900", "north,120.0015900");
        assertRefused("outlets.csv:2: column 'lat': 'north' is not a number");
    }

    @Test
    void unknownReferenceIsNamed() throws IOException {
        replace("walkways.csv", "w45,j4,j5", "w45,j4,j55");
        assertRefused("walkways.csv: column 'to_junction_id' refers to unknown id 'j55'");
    }

    @Test
    void unknownCategoryIsNamed() throws IOException {
        replace("outlets.csv", ",supermarket,", ",hypermarket,");
        assertRefused("outlets.csv:4: column 'category': unknown category code 'hypermarket'");
    }

    @Test
    void missingColumnIsNamed() throws IOException {
        replace("buildings.csv", "id,community_id,name", "ident,community_id,name");
        assertRefused("buildings.csv:1: missing column 'id'");
    }

    @Test
    void placeFarFromAnyWalkwayIsRejected() throws IOException {
        replace("outlets.csv", "31.9995500,120.0021200", "31.9000000,120.0021200");
        assertRefused("outlets.csv: 'p2' at 31.9,120.00212 is farther than 500.0 m from any walkway");
    }

    @Test
    void truncatedFileIsRejected() throws IOException {
        Files.writeString(dir.resolve("junctions.csv"), "id,lat,lon\nj1,32.0000000,120.0000000\nj2,32.00", StandardCharsets.UTF_8);
        assertRefused("junctions.csv:3: expected 3 fields, found 2");
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Files.delete(dir.resolve("facilities.csv"));
        assertRefused("facilities.csv: file not found");
    }

    @Test
    void theUntouchedTinyTownIsAccepted() {
        CsvDataset data = CsvDataset.read(new DefaultResourceLoader(), dir.toUri().toString(), CATEGORY_CODES);
        assertThat(PreparedDataset.prepare(data, WALKING).buildings()).hasSize(data.buildings().size());
    }

    private void assertRefused(String message) {
        assertThatThrownBy(() -> PreparedDataset.prepare(
                CsvDataset.read(new DefaultResourceLoader(), dir.toUri().toString(), CATEGORY_CODES), WALKING))
                .isInstanceOf(ImportException.class).hasMessageContaining(message);
    }

    private static Set<String> categoryCodes() {
        try {
            Matcher m = Pattern.compile("code: '([a-z_]+)'").matcher(Files.readString(
                    Path.of("neo4j/migrations/V0002__Seed_service_categories.cypher"), StandardCharsets.UTF_8));
            Set<String> codes = new HashSet<>();
            while (m.find()) {
                codes.add(m.group(1));
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String content = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(content).contains(from);
        Files.writeString(path, content.replace(from, to), StandardCharsets.UTF_8);
    }
}
