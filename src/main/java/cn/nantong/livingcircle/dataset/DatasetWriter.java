package cn.nantong.livingcircle.dataset;

import java.util.UUID;

import cn.nantong.livingcircle.system.CypherBatches;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * The one writer of {@code (:Dataset)}: provenance, licence and attribution of what an import loaded, and the
 * version stamp whose change makes every replica rebuild what it caches of the graph.
 */
public final class DatasetWriter {

    /** Provenance of one imported dataset. */
    public record DatasetRow(String id, String name, String source, String licence, String attribution,
            boolean synthetic, double horizonMeters) {
    }

    private DatasetWriter() {
    }

    /**
     * Upserts the dataset node of {@code tx}'s generation (a {@link cn.nantong.livingcircle.system.GenerationScoped}
     * runner) with a fresh version stamp and import time; returns the new version.
     */
    public static String stamp(SimpleQueryRunner tx, DatasetRow dataset) {
        String version = UUID.randomUUID().toString();
        tx.run("""
                MERGE (d:Dataset {id: $id, generation: $generation})
                SET d.name = $name, d.source = $source, d.licence = $licence, d.attribution = $attribution,
                    d.synthetic = $synthetic, d.version = $version, d.importedAt = datetime(),
                    d.horizonMeters = $horizonMeters
                """, CypherBatches.row("id", dataset.id(), "name", dataset.name(), "source", dataset.source(),
                "licence", dataset.licence(), "attribution", dataset.attribution(), "synthetic", dataset.synthetic(),
                "version", version, "horizonMeters", dataset.horizonMeters())).consume();
        return version;
    }

    /** Records the SHA-256 of the files a CSV import read on its dataset node (in {@code tx}'s generation). */
    public static void recordSource(SimpleQueryRunner tx, String datasetId, String sha256) {
        tx.run("""
                MATCH (d:Dataset {id: $id, generation: $generation})
                SET d.sourceSha256 = $sha256
                """, CypherBatches.row("id", datasetId, "sha256", sha256)).consume();
    }

    /**
     * The SHA-256 of the files behind the active dataset, null when it was not imported from CSV files.
     */
    public static String activeSourceSha256(SimpleQueryRunner tx) {
        java.util.List<String> found = tx.run("""
                MATCH (g:Generation {state: 'ACTIVE'})
                MATCH (d:Dataset) WHERE d.generation = g.number
                WITH d ORDER BY d.importedAt DESC LIMIT 1
                RETURN d.sourceSha256 AS sha256
                """).list(r -> r.get("sha256").asString(null));
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * A fresh version stamp on the dataset {@link DatasetService} reads (the latest import), for a maintenance write
     * that changed the data without importing: caches and ETags key on the version, the import time stays.
     *
     * @return the new version
     */
    public static String newVersion(SimpleQueryRunner tx) {
        String version = UUID.randomUUID().toString();
        tx.run("""
                MATCH (g:Generation {state: 'ACTIVE'})
                MATCH (d:Dataset) WHERE d.generation = g.number
                WITH d ORDER BY d.importedAt DESC LIMIT 1
                SET d.version = $version, d.changedAt = datetime()
                """, CypherBatches.row("version", version)).consume();
        return version;
    }
}
