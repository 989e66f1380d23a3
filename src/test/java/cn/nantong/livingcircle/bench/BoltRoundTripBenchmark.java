package cn.nantong.livingcircle.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * What one read statement costs over loopback Bolt to the embedded database, by how the driver runs it, beside the
 * same statement through the embedded database's own API (no Bolt). Run by {@code scripts/bench-bolt.sh}; not part
 * of the test run. Each way is timed in rounds of sequential statements, each in a new session from the driver's
 * pool as the application opens them; the table gives the median round (and the range) after warm-up rounds.
 *
 * <p>The ways, and the Bolt messages each sends (read off the driver's debug log): an explicit read transaction,
 * what Spring's read-only transactions do (BEGIN; RUN and PULL; COMMIT; RESET when the session returns its
 * connection: four round trips); {@code executeRead}, the driver's managed transaction (the same four); an
 * auto-commit statement in a READ session (RUN and PULL; RESET: two).
 *
 * <p>Arguments: statements per round (default 2000), rounds (default 7, the first two are warm-up).
 */
public final class BoltRoundTripBenchmark {

    private static final String SMALL = "RETURN 1";
    // about the size of one reachable page of the demo data (40 places with a few properties each)
    private static final String PAGE = """
            UNWIND range(1, 40) AS i
            RETURN collect({id: 'place-' + i, name: '便利店' + i, lat: 32.0 + i / 1000.0, lon: 120.8,
                            category: 'convenience_store', hours: 'Mo-Su 07:00-22:00', meters: i * 10.5}) AS page
            """;

    private BoltRoundTripBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path home = Files.createTempDirectory("bolt-round-trip");
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .build();
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            var address = ((GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
                    .getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            try (Driver driver = GraphDatabase.driver("bolt://" + address.getHost() + ":" + address.getPort(),
                    AuthTokens.none())) {
                SessionConfig read = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ)
                        .withDatabase(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).build();
                System.out.printf(Locale.ROOT, "Bolt round trips to the embedded Neo4j on loopback, %s, %d cores, "
                        + "%d statements per round, median of %d rounds after 2 warm-up rounds (min-max):%n%n",
                        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), perRound,
                        rounds - 2);
                System.out.println("| statement | explicit read transaction (Spring's) | executeRead | auto-commit, "
                        + "READ session | embedded API, no Bolt |");
                System.out.println("|---|---:|---:|---:|---:|");
                for (String query : List.of(SMALL, PAGE)) {
                    Map<String, Consumer<String>> ways = new LinkedHashMap<>();
                    ways.put("explicit", q -> {
                        try (Session s = driver.session(read); Transaction tx = s.beginTransaction()) {
                            tx.run(q).consume();
                            tx.commit();
                        }
                    });
                    ways.put("executeRead", q -> {
                        try (Session s = driver.session(read)) {
                            s.executeRead(tx -> tx.run(q).consume());
                        }
                    });
                    ways.put("auto-commit", q -> {
                        try (Session s = driver.session(read)) {
                            s.run(q).consume();
                        }
                    });
                    ways.put("embedded", q -> {
                        try (var tx = db.beginTx()) {
                            tx.execute(q).close();
                            tx.commit();
                        }
                    });
                    List<String> cells = new ArrayList<>();
                    for (Consumer<String> way : ways.values()) {
                        cells.add(time(way, query, perRound, rounds));
                    }
                    System.out.printf("| `%s` | %s |%n", query.equals(SMALL) ? SMALL : "a 40-place page",
                            String.join(" | ", cells));
                }
            }
        } finally {
            dbms.shutdown();
        }
    }

    private static String time(Consumer<String> way, String query, int perRound, int rounds) {
        double[] meansMillis = new double[rounds - 2];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                way.accept(query);
            }
            if (round >= 2) {
                meansMillis[round - 2] = (System.nanoTime() - start) / 1e6 / perRound;
            }
        }
        double[] sorted = meansMillis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.3f ms (%.3f-%.3f)", sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1]);
    }
}
