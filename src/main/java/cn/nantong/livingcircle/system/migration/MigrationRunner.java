package cn.nantong.livingcircle.system.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.nantong.livingcircle.system.Neo4jSessions;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies {@code neo4j/migrations/V*__*.cypher} in version order, each once, and records every applied one as a
 * {@code (:__Neo4jMigration {version, description, source, checksum, installedOn})} node chained by
 * {@code MIGRATED_TO} from a {@code BASELINE} node: the layout neo4j-migrations uses, so that tool can take over
 * (it is not served by the registry this project builds from). Statements must be idempotent
 * ({@code IF NOT EXISTS}, {@code MERGE}); each runs in its own transaction because Neo4j does not mix schema and
 * data writes in one, and one with {@code CALL ... IN TRANSACTIONS} (a data change over a large graph) as an
 * auto-commit statement that commits its own batches.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MigrationRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);
    static final String LOCATION = "classpath*:neo4j/migrations/V*__*.cypher";

    private final Neo4jSessions sessions;

    MigrationRunner(Neo4jSessions sessions) {
        this.sessions = sessions;
    }

    /** Runs before the readiness probe turns to ACCEPTING_TRAFFIC, so no request sees a half-migrated schema. */
    @Override
    public void run(ApplicationArguments args) {
        migrate();
    }

    /** Applies what is pending; returns the versions applied by this call. */
    public List<String> migrate() {
        List<CypherMigration> migrations = discover();
        List<String> applied = new ArrayList<>();
        try (Session session = sessions.write()) {
            for (CypherMigration migration : migrations) {
                Optional<String> recorded = session.executeRead(tx -> tx.run("""
                        MATCH (m:__Neo4jMigration {version: $version}) RETURN m.checksum AS checksum
                        """, Map.of("version", migration.version())).list(r -> r.get("checksum").asString()))
                        .stream().findFirst();
                if (recorded.isPresent()) {
                    if (!recorded.get().equals(migration.checksum())) {
                        throw new MigrationException("Migration " + migration.source()
                                + " was changed after it was applied (checksum " + recorded.get() + " -> "
                                + migration.checksum() + "); add a new migration instead of editing an applied one");
                    }
                    continue;
                }
                for (String statement : migration.statements()) {
                    if (statement.contains("IN TRANSACTIONS")) {
                        // batches its own transactions, which Neo4j allows only in an auto-commit one
                        session.run(statement).consume();
                    } else {
                        session.executeWrite(tx -> tx.run(statement).consume());
                    }
                }
                session.executeWrite(tx -> tx.run("""
                        MERGE (b:__Neo4jMigration {version: 'BASELINE'})
                        WITH b
                        OPTIONAL MATCH (b)-[:MIGRATED_TO*]->(last:__Neo4jMigration)
                        WHERE NOT (last)-[:MIGRATED_TO]->()
                        WITH coalesce(last, b) AS tail
                        CREATE (tail)-[:MIGRATED_TO {at: datetime()}]->(:__Neo4jMigration {
                            version: $version, description: $description, source: $source,
                            checksum: $checksum, type: 'CYPHER', installedOn: datetime()})
                        """, Map.of("version", migration.version(), "description", migration.description(),
                        "source", migration.source(), "checksum", migration.checksum())).consume());
                log.info("Applied migration {} ({})", migration.source(), migration.statements().size() + " statements");
                applied.add(migration.version());
            }
        }
        return applied;
    }

    static List<CypherMigration> discover() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            List<CypherMigration> migrations = new ArrayList<>();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    migrations.add(CypherMigration.parse(resource.getFilename(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            migrations.sort(Comparator.comparingInt(CypherMigration::versionNumber));
            for (int i = 1; i < migrations.size(); i++) {
                if (migrations.get(i).versionNumber() == migrations.get(i - 1).versionNumber()) {
                    throw new MigrationException("Two migrations share version " + migrations.get(i).version());
                }
            }
            return migrations;
        } catch (IOException e) {
            throw new MigrationException("Cannot read migrations from " + LOCATION + ": " + e.getMessage());
        }
    }
}
