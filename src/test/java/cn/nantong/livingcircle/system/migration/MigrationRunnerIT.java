package cn.nantong.livingcircle.system.migration;

import java.util.List;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationIT
class MigrationRunnerIT {

    @Autowired
    MigrationRunner runner;

    @Autowired
    Driver driver;

    @Test
    void everyMigrationIsRecordedInVersionOrderAsAChain() {
        try (Session session = driver.session()) {
            List<String> chain = session.run("""
                    MATCH p = (:__Neo4jMigration {version: 'BASELINE'})-[:MIGRATED_TO*]->(last)
                    WHERE NOT (last)-[:MIGRATED_TO]->()
                    RETURN [n IN nodes(p) | n.version] AS versions
                    """).single().get("versions").asList(v -> v.asString());
            List<String> shipped = MigrationRunner.discover().stream().map(CypherMigration::version).toList();
            assertThat(chain.subList(1, chain.size())).isEqualTo(shipped);
        }
    }

    @Test
    void secondRunAppliesNothing() {
        assertThat(runner.migrate()).isEmpty();
    }

    @Test
    void constraintsAndCatalogueExist() {
        try (Session session = driver.session()) {
            List<String> constraints = session.run("SHOW CONSTRAINTS YIELD name RETURN name")
                    .list(r -> r.get("name").asString());
            assertThat(constraints).contains("building_id_generation", "place_id_generation", "service_category_code",
                    "junction_id_generation", "generation_number");
            assertThat(session.run("MATCH (c:ServiceCategory {tier: 'BASIC'}) RETURN count(c) AS n").single()
                    .get("n").asInt()).isEqualTo(14);
            assertThat(session.run("MATCH (c:ServiceCategory {code: 'pharmacy'}) RETURN c.targetMinutes AS t")
                    .single().get("t").asInt()).isEqualTo(8);
        }
    }

    @Test
    void changedAppliedMigrationIsRefused() {
        try (Session session = driver.session()) {
            session.run("MATCH (m:__Neo4jMigration {version: '0001'}) SET m.checksum = 'tampered'").consume();
            try {
                org.assertj.core.api.Assertions.assertThatThrownBy(runner::migrate)
                        .isInstanceOf(MigrationException.class).hasMessageContaining("was changed after it was applied");
            } finally {
                String real = MigrationRunner.discover().get(0).checksum();
                session.run("MATCH (m:__Neo4jMigration {version: '0001'}) SET m.checksum = $c",
                        java.util.Map.of("c", real)).consume();
            }
        }
    }
}
