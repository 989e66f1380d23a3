package cn.nantong.livingcircle.system;

import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.summary.ResultSummary;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code neo4j} part of readiness, in place of Spring Boot's: that one asks in a WRITE session on the server's
 * default database, so behind a {@code neo4j://} routing driver every replica's readiness would hang on the
 * cluster's leader (and go DOWN during a leader election while reads still work), and on a named database it
 * checks a database the application does not use. This replica only reads, from the configured database: it is
 * ready when a read there works.
 */
@Component("neo4jHealthIndicator")
class Neo4jReadHealthIndicator extends AbstractHealthIndicator {

    private static final String CYPHER = """
            CALL dbms.components() YIELD name, edition WHERE name = 'Neo4j Kernel' RETURN edition""";

    private final Neo4jSessions sessions;

    Neo4jReadHealthIndicator(Neo4jSessions sessions) {
        super("Neo4j health check failed");
        this.sessions = sessions;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        try {
            check(builder);
        }
        catch (SessionExpiredException ex) {
            // a pooled connection the server had already closed: one more try on a fresh one
            check(builder);
        }
    }

    private void check(Health.Builder builder) {
        // auto-commit, not a managed read: that one would retry for up to 30 s while the database is down, and a
        // probe must answer at once
        try (Session session = sessions.read()) {
            Result result = session.run(CYPHER);
            Record row = result.single();
            ResultSummary summary = result.consume();
            builder.up().withDetail("edition", row.get("edition").asString())
                    .withDetail("server", summary.server().address())
                    .withDetail("database", summary.database().name());
        }
    }
}
