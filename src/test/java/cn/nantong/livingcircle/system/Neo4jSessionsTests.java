package cn.nantong.livingcircle.system;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;

import static org.assertj.core.api.Assertions.assertThat;

/** The session settings every plain driver session is opened with; the driver is never connected here. */
class Neo4jSessionsTests {

    @Test
    void sessionsGoToTheConfiguredDatabaseWithTheAskedAccessMode() {
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:1")) {
            Neo4jSessions sessions = new Neo4jSessions(driver,
                    DatabaseSelectionProvider.createStaticDatabaseSelectionProvider("circle"));
            assertThat(sessions.database()).isEqualTo("circle");
            assertThat(sessions.config(AccessMode.READ).database()).contains("circle");
            assertThat(sessions.config(AccessMode.READ).defaultAccessMode()).isEqualTo(AccessMode.READ);
            assertThat(sessions.config(AccessMode.WRITE).database()).contains("circle");
            assertThat(sessions.config(AccessMode.WRITE).defaultAccessMode()).isEqualTo(AccessMode.WRITE);
        }
    }

    @Test
    void withoutAConfiguredDatabaseSessionsUseTheServerDefault() {
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:1")) {
            Neo4jSessions sessions = new Neo4jSessions(driver, DatabaseSelectionProvider.getDefaultSelectionProvider());
            assertThat(sessions.database()).isNull();
            assertThat(sessions.config(AccessMode.READ).database()).isEmpty();
        }
    }
}
