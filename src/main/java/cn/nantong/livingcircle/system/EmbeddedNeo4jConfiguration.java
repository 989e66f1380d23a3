package cn.nantong.livingcircle.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Runs Neo4j inside this JVM and hands Spring Boot its real Bolt URI, so the driver, Spring Data Neo4j and
 * every query run over Bolt exactly as against a server. Absent when {@code NEO4J_URI} is set.
 *
 * <p>The in-process Bolt connector is off ({@code internal.dbms.bolt.local_enabled=false}): Boot 4 brings Netty 4.2, which breaks Neo4j 5.26's
 * in-process Bolt channel at start; Bolt over TCP is unaffected.
 *
 * <p>Bolt requires authentication: the application logs in as {@code neo4j} with the password of
 * {@link EmbeddedBoltSecurity} (generated and kept owner-only in the data directory, or configured), and a
 * non-loopback Bolt address without a configured password is refused before the database starts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jCondition.class)
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    @Bean
    EmbeddedBoltSecurity.Credentials embeddedBoltCredentials(EmbeddedNeo4jProperties properties) {
        return EmbeddedBoltSecurity.credentials(properties);
    }

    @Bean(destroyMethod = "shutdown")
    DatabaseManagementService embeddedNeo4j(EmbeddedNeo4jProperties properties,
            EmbeddedBoltSecurity.Credentials credentials, @Value("${spring.data.neo4j.database:}") String database) {
        Path home = properties.dataDir().toAbsolutePath();
        log.info("Starting embedded Neo4j in {}", home);
        EmbeddedBoltSecurity.writeInitialPassword(home, credentials);
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(properties.boltAddress(), properties.boltPort()))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                // the only Bolt client is this application, whose driver closes before the database: nothing to
                // wait for at shutdown (the defaults hold each stop for about 10 s)
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(properties.pageCacheSize()))
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size,
                        ByteUnit.parse(properties.transactionMaxSize()))
                .setConfig(GraphDatabaseSettings.udc_enabled, false);
        if (credentials.generated()) {
            // No lock-out after failed logins: against a 40-character random password guessing is hopeless, and
            // the lock (3 failures, 5 s) would let any local process lock the application itself out of Bolt.
            builder.setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0);
        }
        if (!database.isBlank()) {
            // A named database must exist where every session (Neo4jSessions, Neo4jClient) goes: make it the default.
            builder.setConfig(GraphDatabaseSettings.initial_default_database, database);
        }
        DatabaseManagementService dbms = builder.build();
        try {
            EmbeddedBoltSecurity.ensurePassword(dbms, home, credentials);
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
        return dbms;
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(DatabaseManagementService embeddedNeo4j,
            EmbeddedBoltSecurity.Credentials credentials) {
        GraphDatabaseAPI system = (GraphDatabaseAPI) embeddedNeo4j.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        var address = system.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        URI uri = URI.create("bolt://" + address.getHost() + ":" + address.getPort());
        log.info("Embedded Neo4j listens on {}", uri);
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public AuthToken getAuthToken() {
                return AuthTokens.basic(credentials.username(), credentials.password());
            }
        };
    }
}
