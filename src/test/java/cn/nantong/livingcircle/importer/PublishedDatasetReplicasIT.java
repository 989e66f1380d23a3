package cn.nantong.livingcircle.importer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import cn.nantong.livingcircle.LivingCircleApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Community-edition way to run replicas: each with its own embedded Neo4j, all following one published dataset
 * directory. A new version of the files is imported by every replica as a new generation in the background, and
 * each switches to it in one step: every answer during the roll-out is wholly the old or wholly the new dataset,
 * never an error or a mix, and both end on the new one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedDatasetReplicasIT {

    private static final String QUERY = """
            { dataset { version } b1: building(id: "b1") { name } b2: building(id: "b2") { name } }""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
    private Path published;
    private int portA;
    private int portB;

    @BeforeAll
    void publishTheTinyTownAndStartTwoReplicas() throws Exception {
        published = Files.createTempDirectory("living-circle-published");
        TinyTown.copyTo(published);
        portA = start("a");
        portB = start("b");
    }

    private int start(String name) throws Exception {
        Path dataDir = Files.createTempDirectory("living-circle-replica-" + name);
        String[] args = {
                "--server.port=0", "--management.server.port=0",
                "--circle.embedded.data-dir=" + dataDir, "--circle.embedded.bolt-port=0",
                "--circle.embedded.page-cache-size=32m",
                "--circle.demo.load-on-empty=false", "--circle.programme.load-on-empty=false",
                "--circle.csv.location=" + published.toUri(), "--circle.csv.dataset-id=tiny-published",
                "--circle.csv.exit-after-import=false", "--circle.csv.watch-interval=1s",
                "--circle.import.retired-grace=2s",
                "--circle.rate-limit.anonymous-points-per-window=1000000000",
                "--circle.rate-limit.anonymous-burst-points=1000000000"};
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LivingCircleApplication.class).run(args);
        replicas.add(context);
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterAll
    void stop() {
        replicas.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aNewPublishedVersionIsRolledOutToEveryReplicaAndEachSwitchesInOneStep() throws Exception {
        assertThat(names(portA)).isEqualTo("1号楼/2号楼");
        assertThat(names(portB)).isEqualTo("1号楼/2号楼");

        Path buildings = published.resolve("buildings.csv");
        String content = Files.readString(buildings, StandardCharsets.UTF_8);
        Files.writeString(buildings, content.replace("1号楼", "一号楼").replace("2号楼", "二号楼"),
                StandardCharsets.UTF_8);

        Set<String> seen = new TreeSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String a = names(portA);
        String b = names(portB);
        while (!(a.equals("一号楼/二号楼") && b.equals("一号楼/二号楼")) && System.nanoTime() < deadline) {
            seen.add(a);
            seen.add(b);
            Thread.sleep(100);
            a = names(portA);
            b = names(portB);
        }
        seen.add(a);
        seen.add(b);
        assertThat(a).isEqualTo("一号楼/二号楼");
        assertThat(b).isEqualTo("一号楼/二号楼");
        assertThat(seen).as("every answer during the roll-out").containsOnly("1号楼/2号楼", "一号楼/二号楼");
    }

    /** Both buildings' names from one answer, which must have no error. */
    private String names(int port) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of("query", QUERY))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.has("errors")).as(response.body()).isFalse();
        return body.path("data").path("b1").path("name").asString() + "/"
                + body.path("data").path("b2").path("name").asString();
    }
}
