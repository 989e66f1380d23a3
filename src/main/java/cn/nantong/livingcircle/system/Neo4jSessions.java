package cn.nantong.livingcircle.system;

import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
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

    /**
     * Runs one read statement as its own auto-commit transaction in a READ session and hands its result to
     * {@code reader} before the session closes. Over Bolt that is two round trips (RUN with PULL, then the RESET
     * that returns the connection to the pool) where an explicit read transaction takes four (BEGIN, RUN with PULL,
     * COMMIT, RESET): for hot reads whose whole answer is one statement. No bookmarks are sent, so on a cluster the
     * read may come from a secondary that has not yet applied this replica's last write (the answer then names the
     * dataset version it read, as every answer does).
     */
    public <T> T readOnce(String cypher, Map<String, Object> parameters, Function<Result, T> reader) {
        try (Session session = read()) {
            return reader.apply(session.run(cypher, parameters));
        }
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
