package cn.nantong.livingcircle.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The running application's embedded Bolt connector lets in its own driver and no one without the password. */
@ApplicationIT
class EmbeddedBoltAuthIT {

    @Autowired
    EmbeddedNeo4jProperties properties;

    @Autowired
    Neo4jConnectionDetails connection;

    @Autowired
    Neo4jSessions sessions;

    @Test
    void thePasswordFileIsOwnerOnlyAndHoldsALongRandomPassword() throws Exception {
        Path file = properties.dataDir().toAbsolutePath().resolve("bolt-password");
        assertThat(file).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file).strip()).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9]+");
        assertThat(EmbeddedBoltSecurity.initialPasswordFile(properties.dataDir().toAbsolutePath()))
                .as("auth.ini is removed once applied").doesNotExist();
    }

    @Test
    void theApplicationsDriverIsLetIn() {
        try (Session session = sessions.read()) {
            assertThat(session.run("MATCH (c:Community) RETURN count(c) AS n").single().get("n").asLong())
                    .isPositive();
        }
    }

    @Test
    void aBoltClientWithoutCredentialsIsRefused() {
        try (Driver stranger = GraphDatabase.driver(connection.getUri(), AuthTokens.none())) {
            assertThatThrownBy(stranger::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void aBoltClientWithAWrongPasswordIsRefused() {
        try (Driver stranger = GraphDatabase.driver(connection.getUri(), AuthTokens.basic("neo4j", "neo4j"))) {
            assertThatThrownBy(stranger::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
        try (Driver stranger = GraphDatabase.driver(connection.getUri(),
                AuthTokens.basic("neo4j", "not-the-password-at-all"))) {
            assertThatThrownBy(stranger::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
    }
}
