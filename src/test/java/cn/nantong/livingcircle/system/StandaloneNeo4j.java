package cn.nantong.livingcircle.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * A Neo4j server in a JVM of its own, for tests that must kill the database under a running application:
 * {@code java -cp <test classpath> cn.nantong.livingcircle.system.StandaloneNeo4j <home> <bolt port>}. Prints
 * {@value #READY} once Bolt accepts connections and runs until it is killed.
 */
public final class StandaloneNeo4j {

    public static final String READY = "STANDALONE-NEO4J-READY";

    private StandaloneNeo4j() {
    }

    /** Starts one in a new JVM on {@code home} and {@code boltPort}; returns once Bolt accepts connections. */
    public static Process launch(Path home, int boltPort) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), StandaloneNeo4j.class.getName(),
                home.toString(), Integer.toString(boltPort))
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null) {
            if (line.contains(READY)) {
                Thread drainer = new Thread(() -> output.lines().forEach(ignored -> { }), "neo4j-output");
                drainer.setDaemon(true);
                drainer.start();
                return process;
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("the standalone Neo4j did not start:\n" + seen);
    }

    public static void main(String[] args) throws InterruptedException {
        DatabaseManagementService server = new DatabaseManagementServiceBuilder(Path.of(args[0]))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", Integer.parseInt(args[1])))
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        System.out.println(READY);
        System.out.flush();
        Thread.currentThread().join();
    }
}
