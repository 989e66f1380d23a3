package cn.nantong.livingcircle.system;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.data.neo4j.core.DatabaseSelection;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.stereotype.Component;

/**
 * The one way to open a plain driver session: always on the configured database ({@code spring.data.neo4j.database},
 * the same selection Spring Data Neo4j and {@code Neo4jClient} use) and with an explicit access mode, so a
 * {@code neo4j://} routing driver sends reads to secondaries and writes to the leader. Without it, a named database
 * would get migrations and imports in one database and reads from another.
 */
@Component
public class Neo4jSessions {

    private final Driver driver;
    private final DatabaseSelectionProvider databaseSelection;

    Neo4jSessions(Driver driver, DatabaseSelectionProvider databaseSelection) {
        this.driver = driver;
        this.databaseSelection = databaseSelection;
    }

    /** A session for reads (bulk loads of the in-memory network, analytics, comparisons before an import). */
    public Session read() {
        return driver.session(config(AccessMode.READ));
    }

    /** A session for writes (migrations, imports, seeding). */
    public Session write() {
        return driver.session(config(AccessMode.WRITE));
    }

    /** The session settings used for {@code mode}: the configured database, or the server default when none is. */
    public SessionConfig config(AccessMode mode) {
        SessionConfig.Builder builder = SessionConfig.builder().withDefaultAccessMode(mode);
        String database = database();
        if (database != null) {
            builder.withDatabase(database);
        }
        return builder.build();
    }

    /** The configured database name, null for the server's default database. */
    public String database() {
        DatabaseSelection selection = databaseSelection.getDatabaseSelection();
        return selection == null || selection == DatabaseSelection.undecided() ? null : selection.getValue();
    }
}
