package cn.nantong.livingcircle.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded Neo4j that runs when no {@code NEO4J_URI} is configured.
 *
 * @param dataDir        Neo4j home; the store survives restarts, so the demo data loads only once. It also holds
 *                       {@code bolt-password}, the generated Bolt password (owner-only permissions)
 * @param boltAddress    interface the Bolt connector binds to; loopback so the embedded database is never exposed.
 *                       A non-loopback address is refused at start unless {@code boltPassword} is set
 * @param boltPort       Bolt port; 0 picks a free port (tests)
 * @param boltPassword   password of the Bolt user {@code neo4j}; empty = generated on the first start and kept in
 *                       {@code <data-dir>/bolt-password}
 * @param pageCacheSize  Neo4j page cache, in Neo4j's size syntax ({@code 256m}, {@code 1g})
 * @param transactionMaxSize upper bound of one transaction's memory; the bulk import writes one transaction
 */
@ConfigurationProperties("circle.embedded")
public record EmbeddedNeo4jProperties(
        @DefaultValue("data/neo4j") Path dataDir,
        @DefaultValue("127.0.0.1") String boltAddress,
        @DefaultValue("7687") int boltPort,
        @DefaultValue("") String boltPassword,
        @DefaultValue("256m") String pageCacheSize,
        @DefaultValue("0") String transactionMaxSize) {

    /** Whether an explicit Bolt password is configured (otherwise one is generated). */
    public boolean hasExplicitBoltPassword() {
        return boltPassword != null && !boltPassword.isEmpty();
    }
}
