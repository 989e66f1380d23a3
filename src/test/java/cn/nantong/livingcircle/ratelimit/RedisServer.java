package cn.nantong.livingcircle.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * A real {@code redis-server} (the Debian package that {@code .ci/run} installs) on a free loopback port, in memory
 * only, for the duration of a test class.
 */
final class RedisServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RedisServer start() throws IOException, InterruptedException {
        Path binary = List.of(Path.of("/usr/bin/redis-server"), Path.of("/usr/local/bin/redis-server")).stream()
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("redis-server is not installed; run .ci/run, which "
                        + "installs the Debian package redis-server"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).start();
        RedisServer server = new RedisServer(process, port);
        server.awaitReady();
        return server;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    private void awaitReady() throws IOException, InterruptedException {
        StringBuilder output = new StringBuilder();
        InputStream in = process.getInputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (in.available() > 0) {
                output.append(new String(in.readNBytes(in.available()), StandardCharsets.UTF_8));
                if (output.toString().contains("Ready to accept connections")) {
                    drain(in);
                    return;
                }
            }
            else {
                Thread.sleep(20);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server did not start: " + output);
    }

    /** Keeps reading its output so that a full pipe never blocks it. */
    private static void drain(InputStream in) {
        Thread drainer = new Thread(() -> {
            try {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            catch (IOException ex) {
                // the server stopped
            }
        }, "redis-output");
        drainer.setDaemon(true);
        drainer.start();
    }

    /** Every key Redis holds, to see what the limiter wrote. */
    List<String> keys() {
        RedisClient client = RedisClient.create(url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().keys("*");
        }
        finally {
            client.shutdown();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
