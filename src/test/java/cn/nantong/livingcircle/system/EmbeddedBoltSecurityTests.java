package cn.nantong.livingcircle.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded Bolt login across starts, on real embedded databases in temporary directories: a data directory of
 * an older build (authentication off, no password file), the generated password reused, a configured password
 * changed between starts, and a non-loopback address refused before anything starts.
 */
class EmbeddedBoltSecurityTests {

    private static ApplicationContextRunner embedded(Path home, String... properties) {
        return new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedNeo4jConfiguration.class)
                .withPropertyValues("circle.embedded.data-dir=" + home, "circle.embedded.bolt-port=0",
                        "circle.embedded.page-cache-size=16m")
                .withPropertyValues(properties);
    }

    private static void withRunningApp(ApplicationContextRunner runner, Consumer<Neo4jConnectionDetails> check) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            check.accept(context.getBean(Neo4jConnectionDetails.class));
        });
    }

    private static long count(Neo4jConnectionDetails connection, AuthToken auth, String label) {
        try (Driver driver = GraphDatabase.driver(connection.getUri(), auth); Session session = driver.session()) {
            return session.run("MATCH (n) WHERE $label IN labels(n) RETURN count(n) AS n", Map.of("label", label))
                    .single().get("n").asLong();
        }
    }

    private static void assertRefused(Neo4jConnectionDetails connection, AuthToken auth) {
        try (Driver driver = GraphDatabase.driver(connection.getUri(), auth)) {
            assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void aDataDirectoryOfAnOlderBuildWithoutAuthenticationGetsAGeneratedPasswordThatLaterStartsReuse(@TempDir Path home)
            throws Exception {
        // What the older build left: a store created with authentication off, and no password file.
        DatabaseManagementService older = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 16L * 1024 * 1024)
                .build();
        older.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("CREATE (:OlderData)");
        older.shutdown();
        Path file = home.resolve(EmbeddedBoltSecurity.PASSWORD_FILE);
        assertThat(file).doesNotExist();

        withRunningApp(embedded(home), connection -> {
            assertThat(count(connection, connection.getAuthToken(), "OlderData")).isEqualTo(1);
            assertRefused(connection, AuthTokens.none());
            assertRefused(connection, AuthTokens.basic("neo4j", "neo4j"));
        });
        assertThat(file).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);

        withRunningApp(embedded(home), connection -> {
            assertThat(count(connection, AuthTokens.basic("neo4j", password), "OlderData")).isEqualTo(1);
            assertRefused(connection, AuthTokens.none());
            // Failed guesses by someone else do not lock the application out (no lock-out with a generated password).
            for (int i = 0; i < 5; i++) {
                assertRefused(connection, AuthTokens.basic("neo4j", "guess-" + i));
            }
            assertThat(count(connection, connection.getAuthToken(), "OlderData")).isEqualTo(1);
        });
        assertThat(Files.readString(file).strip()).as("reused, not regenerated").isEqualTo(password);
    }

    @Test
    void aConfiguredPasswordIsUsedAndAChangedOneReplacesIt(@TempDir Path home) {
        withRunningApp(embedded(home, "circle.embedded.bolt-password=first-password-1"), connection -> {
            assertThat(count(connection, AuthTokens.basic("neo4j", "first-password-1"), "Nothing")).isZero();
            assertRefused(connection, AuthTokens.none());
        });
        assertThat(home.resolve(EmbeddedBoltSecurity.PASSWORD_FILE)).as("nothing generated").doesNotExist();

        withRunningApp(embedded(home, "circle.embedded.bolt-password=second-password-2"), connection -> {
            assertThat(count(connection, connection.getAuthToken(), "Nothing")).isZero();
            assertThat(count(connection, AuthTokens.basic("neo4j", "second-password-2"), "Nothing")).isZero();
            assertRefused(connection, AuthTokens.basic("neo4j", "first-password-1"));
        });
    }

    @Test
    void aNonLoopbackBoltAddressWithoutAConfiguredPasswordIsRefusedBeforeAnythingStarts(@TempDir Path home) {
        for (String address : List.of("0.0.0.0", "192.0.2.10", "::", "example.org")) {
            embedded(home, "circle.embedded.bolt-address=" + address).run(context -> {
                assertThat(context).hasFailed();
                assertThat(rootCause(context.getStartupFailure())).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("circle.embedded.bolt-address=" + address)
                        .hasMessageContaining("not a loopback address")
                        .hasMessageContaining("circle.embedded.bolt-password");
            });
        }
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void aNonLoopbackBoltAddressIsAcceptedWithAConfiguredPassword(@TempDir Path home) {
        var properties = new EmbeddedNeo4jProperties(home, "0.0.0.0", 0, "a-configured-password", "16m", "0");
        assertThat(EmbeddedBoltSecurity.credentials(properties).password()).isEqualTo("a-configured-password");
        assertThat(EmbeddedBoltSecurity.credentials(properties).toString()).doesNotContain("a-configured-password");
    }

    @Test
    void aConfiguredPasswordShorterThanNeo4jAllowsIsRefused(@TempDir Path home) {
        var properties = new EmbeddedNeo4jProperties(home, "127.0.0.1", 0, "short", "16m", "0");
        assertThatThrownBy(() -> EmbeddedBoltSecurity.credentials(properties))
                .hasMessageContaining("at least 8 characters");
    }

    @Test
    void loopbackIs127Slash8AndIpv6LoopbackAndLocalhostOnly() {
        assertThat(List.of("127.0.0.1", "127.1.2.3", "127.255.255.254", "::1", "[::1]", "0:0:0:0:0:0:0:1",
                "localhost", "LOCALHOST", " 127.0.0.1 ")).allMatch(EmbeddedBoltSecurity::isLoopback);
        assertThat(List.of("0.0.0.0", "::", "192.0.2.10", "10.0.0.1", "128.0.0.1", "::2", "example.org",
                "localhost.example.org", "127.0.0.1.nip.io", "", "999.0.0.1")).noneMatch(EmbeddedBoltSecurity::isLoopback);
    }

    @Test
    void generatedPasswordsAreLongAndDiffer() {
        String one = EmbeddedBoltSecurity.generatePassword();
        assertThat(one).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9]+");
        assertThat(EmbeddedBoltSecurity.generatePassword()).isNotEqualTo(one);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
