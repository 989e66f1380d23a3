package cn.nantong.livingcircle.system.migration;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CypherMigrationTests {

    @Test
    void fileNameGivesVersionAndDescription() {
        CypherMigration migration = CypherMigration.parse("V0007__Add_walkway_index.cypher", "RETURN 1;");
        assertThat(migration.version()).isEqualTo("0007");
        assertThat(migration.versionNumber()).isEqualTo(7);
        assertThat(migration.description()).isEqualTo("Add walkway index");
    }

    @Test
    void statementsSplitAtLineEndingSemicolonsAndCommentsAreDropped() {
        List<String> statements = CypherMigration.splitStatements("""
                // a comment
                CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;
                UNWIND [{code: 'x;y'}] AS c
                MERGE (n:B {code: c.code});
                """);
        assertThat(statements).containsExactly(
                "CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE",
                "UNWIND [{code: 'x;y'}] AS c\nMERGE (n:B {code: c.code})");
    }

    @Test
    void checksumChangesWithContent() {
        assertThat(CypherMigration.parse("V1__A.cypher", "RETURN 1;").checksum())
                .isNotEqualTo(CypherMigration.parse("V1__A.cypher", "RETURN 2;").checksum());
    }

    @Test
    void badFileNameIsRejected() {
        assertThatThrownBy(() -> CypherMigration.parse("constraints.cypher", ""))
                .isInstanceOf(MigrationException.class).hasMessageContaining("V0001__Description.cypher");
    }

    @Test
    void shippedMigrationsAreOrderedAndUnique() {
        List<CypherMigration> migrations = MigrationRunner.discover();
        assertThat(migrations).extracting(CypherMigration::version).startsWith("0001", "0002");
        assertThat(migrations).allSatisfy(m -> assertThat(m.statements()).isNotEmpty());
    }
}
