package cn.nantong.livingcircle.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.dataset.DatasetInfo;
import cn.nantong.livingcircle.dataset.DatasetService;
import cn.nantong.livingcircle.dataset.Generations;
import cn.nantong.livingcircle.network.WalkwayWriter;
import cn.nantong.livingcircle.support.ApplicationIT;
import cn.nantong.livingcircle.support.GraphFingerprint;
import cn.nantong.livingcircle.system.CypherBatches;
import cn.nantong.livingcircle.system.GenerationScoped;
import cn.nantong.livingcircle.system.Neo4jSessions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An import writes a new dataset generation beside the one being served and switches to it at the end: a failure
 * halfway or a killed import leaves the served dataset exactly as it was, the next import cleans up, and the
 * replaced generation is deleted. Its own application (it replaces the dataset), started on the tiny town; the
 * replaced generation is deleted without the grace period replicas get in production.
 */
@ApplicationIT
@TestPropertySource(properties = {"circle.demo.location=classpath:datasets/tiny/", "circle.import.retired-grace=0s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatasetGenerationsIT {

    private static final String REACHABLE_FROM_B1 = """
            { reachable(from: {buildingId: "b1"}, minutes: 15) { totalCount edges { node { walkMeters place { id } } } } }
            """;

    @Autowired
    DatasetImporter importer;

    @Autowired
    DatasetService datasets;

    @Autowired
    Neo4jSessions sessions;

    @Autowired
    Driver driver;

    @Autowired
    WebGraphQlTester graphQl;

    @TempDir
    Path dir;

    @Test
    @Order(1)
    void anImportWritesANewGenerationSwitchesToItAndDeletesTheOldOne() throws IOException {
        long before = datasets.current().generation();
        TinyTown.copyTo(dir);
        rename(dir.resolve("buildings.csv"), "1号楼", "一号楼");

        DatasetImporter.ImportSummary summary = importer.importCsv(dir.toUri().toString(), metadata("tiny-again"));

        assertThat(summary.generation()).isGreaterThan(before);
        DatasetInfo now = datasets.current();
        assertThat(now.generation()).isEqualTo(summary.generation());
        assertThat(now.id()).isEqualTo("tiny-again");
        assertThat(now.buildingCount()).isEqualTo(2);
        assertThat(graphQl.document("{ building(id: \"b1\") { name } }").execute().path("building.name")
                .entity(String.class).get()).isEqualTo("一号楼");
        assertThat(nodesOfGeneration(before)).isZero();
        assertThat(generationStates()).containsExactly(Map.entry(summary.generation(), "ACTIVE"));
    }

    @Test
    @Order(2)
    void anImportThatFailsHalfwayLeavesTheServedDatasetAsItWas() throws IOException {
        String reachableBefore = reachableFromB1();
        String versionBefore = datasets.current().version();
        GraphFingerprint before = GraphFingerprint.of(driver);
        TinyTown.copyTo(dir);
        // parses and attaches, but no index holds a key that long: the buildings' batch fails after the
        // junctions, walkways and communities of the new generation were committed
        rename(dir.resolve("buildings.csv"), "b2,", "b" + "2".repeat(20_000) + ",");

        assertThatThrownBy(() -> importer.importCsv(dir.toUri().toString(), metadata("too-long")))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("the dataset being served is unchanged");

        assertThat(GraphFingerprint.of(driver)).isEqualTo(before);
        datasets.invalidate();
        assertThat(datasets.current().version()).isEqualTo(versionBefore);
        assertThat(reachableFromB1()).isEqualTo(reachableBefore);
    }

    @Test
    @Order(3)
    void aKilledImportIsInvisibleAndTheNextImportDeletesWhatItLeft() throws IOException {
        String reachableBefore = reachableFromB1();
        DatasetInfo servedBefore = datasets.current();
        // what a process killed while writing leaves: a staged generation with part of its rows
        long abandoned = Generations.stage(sessions, CypherBatches.SILENT);
        try (Session session = sessions.write()) {
            WalkwayWriter.upsertJunctions(GenerationScoped.of(session, abandoned), List.of(
                    new WalkwayWriter.JunctionRow("j1", 32.0, 120.0), new WalkwayWriter.JunctionRow("jx", 32.1, 120.1)),
                    CypherBatches.SILENT);
        }
        assertThat(nodesOfGeneration(abandoned)).isEqualTo(2);

        datasets.invalidate();
        DatasetInfo served = datasets.current();
        assertThat(served.generation()).isEqualTo(servedBefore.generation());
        assertThat(served.junctionCount()).isEqualTo(servedBefore.junctionCount());
        assertThat(reachableFromB1()).isEqualTo(reachableBefore);
        assertThat(generationStates()).containsEntry(abandoned, "STAGED");

        TinyTown.copyTo(dir);
        DatasetImporter.ImportSummary rerun = importer.importCsv(dir.toUri().toString(), metadata("tiny-rerun"));

        assertThat(rerun.generation()).isGreaterThan(abandoned);
        assertThat(nodesOfGeneration(abandoned)).isZero();
        assertThat(nodesOfGeneration(servedBefore.generation())).isZero();
        assertThat(generationStates()).containsExactly(Map.entry(rerun.generation(), "ACTIVE"));
        assertThat(datasets.current().junctionCount()).isEqualTo(servedBefore.junctionCount());
        assertThat(reachableFromB1()).isEqualTo(reachableBefore);
    }

    @Test
    @Order(4)
    void parallelWritersWriteEveryWalkingEdgeExactlyOnceWhereverTheSharesAndBatchesSplit() {
        long staged = Generations.stage(sessions, CypherBatches.SILENT);
        try {
            List<WalkingEdgeWriter.BuildingEdges> rows = stagedBuildingsAndPlaces(staged, 7, 3);
            List<Integer> reported = new java.util.concurrent.CopyOnWriteArrayList<>();

            // 3 writers over 7 buildings of 3 edges, at most 2 edges per batch: 2 or 3 buildings per share, one
            // building per batch
            int written = WalkingEdgeWriter.createInParallel(sessions, staged, rows, 2, 3, reported::add);

            assertThat(written).isEqualTo(21);
            assertThat(reported).hasSize(7).isSorted().endsWith(21);
            assertThat(stagedEdges(staged)).containsExactlyInAnyOrderElementsOf(rows.stream()
                    .flatMap(b -> b.targets().stream().map(t -> b.buildingId() + "->" + t.placeId() + " " + t.meters()))
                    .toList());
        } finally {
            discardStaged();
        }
    }

    @Test
    @Order(5)
    void aParallelWriterThatMissesABuildingFailsTheWholeWrite() {
        long staged = Generations.stage(sessions, CypherBatches.SILENT);
        try {
            List<WalkingEdgeWriter.BuildingEdges> rows = new java.util.ArrayList<>(stagedBuildingsAndPlaces(staged, 4, 2));
            rows.set(3, new WalkingEdgeWriter.BuildingEdges("not-staged", rows.get(3).targets()));

            assertThatThrownBy(() -> WalkingEdgeWriter.createInParallel(sessions, staged, rows, 2, 2,
                    CypherBatches.SILENT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Wrote 0 of 2 walking edges: a building or place of the batch is missing from the "
                            + "generation");
        } finally {
            discardStaged();
        }
    }

    /** {@code buildings} buildings and {@code places} places in generation {@code g}, each building to every place. */
    private List<WalkingEdgeWriter.BuildingEdges> stagedBuildingsAndPlaces(long g, int buildings, int places) {
        try (Session session = sessions.write()) {
            session.run("""
                    UNWIND range(1, $buildings) AS i CREATE (:Building {id: 'pb' + i, generation: $g})
                    WITH count(*) AS done
                    UNWIND range(1, $places) AS i CREATE (:Place {id: 'pp' + i, generation: $g})
                    """, Map.of("g", g, "buildings", buildings, "places", places)).consume();
        }
        List<WalkingEdgeWriter.BuildingEdges> rows = new java.util.ArrayList<>();
        for (int b = 1; b <= buildings; b++) {
            List<WalkingEdgeWriter.Target> targets = new java.util.ArrayList<>();
            for (int p = 1; p <= places; p++) {
                targets.add(new WalkingEdgeWriter.Target("pp" + p, b * 100.0 + p + 0.25));
            }
            rows.add(new WalkingEdgeWriter.BuildingEdges("pb" + b, targets));
        }
        return rows;
    }

    private List<String> stagedEdges(long g) {
        try (Session session = driver.session()) {
            return session.run("""
                    MATCH (b:Building {generation: $g})-[w:WALKS_TO]->(p:Place {generation: $g})
                    RETURN b.id + '->' + p.id + ' ' + toString(w.meters) AS edge
                    """, Map.of("g", g)).list(r -> r.get("edge").asString());
        }
    }

    private void discardStaged() {
        try (Session session = sessions.write()) {
            Generations.deleteInactive(session, "STAGED", CypherBatches.SILENT);
        }
    }

    private String reachableFromB1() {
        return graphQl.document(REACHABLE_FROM_B1).execute().path("reachable").entity(Object.class).get().toString();
    }

    private long nodesOfGeneration(long generation) {
        try (Session session = driver.session()) {
            return session.run("MATCH (n) WHERE n.generation = $g RETURN count(n) AS n", Map.of("g", generation))
                    .single().get("n").asLong();
        }
    }

    private Map<Long, String> generationStates() {
        try (Session session = driver.session()) {
            Map<Long, String> states = new java.util.TreeMap<>();
            session.run("MATCH (g:Generation) RETURN g.number AS n, g.state AS s")
                    .forEachRemaining(r -> states.put(r.get("n").asLong(), r.get("s").asString()));
            return states;
        }
    }

    private static void rename(Path file, String from, String to) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(content).contains(from);
        Files.writeString(file, content.replace(from, to), StandardCharsets.UTF_8);
    }

    private static DatasetImporter.DatasetMetadata metadata(String id) {
        return new DatasetImporter.DatasetMetadata(id, id, "test", "ODbL-1.0", "test", true);
    }
}
