package cn.nantong.livingcircle.system;

import java.nio.file.Path;

import cn.nantong.livingcircle.LivingCircleApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code NEO4J_URI} set the application starts no embedded database and works against that server: here a
 * separate Neo4j instance standing in for an external server, addressed with the {@code neo4j://} routing scheme a
 * cluster uses, whose database has a name of its own ({@code spring.data.neo4j.database}). It loads the tiny test
 * town instead of the demo data: what is checked is where things go, not how much.
 */
class ExternalNeo4jIT {

    private static int shippedMigrations() {
        try {
            return new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:neo4j/migrations/V*__*.cypher").length;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long tinyTownOutlets() {
        try {
            return new org.springframework.core.io.ClassPathResource("datasets/tiny/outlets.csv").getContentAsString(
                    java.nio.charset.StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank()).count();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withNeo4jUriTheAppUsesThatServerAndStartsNoEmbeddedOne(@TempDir Path serverHome) {
        DatabaseManagementService server = new DatabaseManagementServiceBuilder(serverHome)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.initial_default_database, "circle")
                .build();
        try {
            int port = ((GraphDatabaseAPI) server.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
                    .getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT).getPort();
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LivingCircleApplication.class)
                    .properties("NEO4J_URI=neo4j://127.0.0.1:" + port, "PORT=0", "MANAGEMENT_PORT=0",
                            "spring.data.neo4j.database=circle", "CIRCLE_DEMO_LOCATION=classpath:datasets/tiny/",
                            "circle.programme.load-on-empty=false")
                    .run()) {
                assertThat(app.getBeansOfType(DatabaseManagementService.class)).isEmpty();
                try (Transaction tx = server.database("circle").beginTx()) {
                    assertThat(tx.execute("MATCH (o:Outlet) RETURN count(o) AS n").next().get("n"))
                            .isEqualTo(tinyTownOutlets());
                    assertThat(tx.execute("MATCH (m:__Neo4jMigration) WHERE m.version <> 'BASELINE' RETURN count(m) AS n")
                            .next().get("n")).isEqualTo((long) shippedMigrations());
                }
            }
        } finally {
            server.shutdown();
        }
    }
}
