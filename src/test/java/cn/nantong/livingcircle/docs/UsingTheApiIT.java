package cn.nantong.livingcircle.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.nantong.livingcircle.access.TestKeys;
import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Using the API" examples, run as they are written, with a developer key: the shell block with
 * {@code sh}, the JavaScript block with {@code node} (both installed by {@code .ci/run}), and the Java block, which
 * must be this class's {@code java-client} region.
 */
@ApplicationIT
class UsingTheApiIT {

    private static final Path README = Path.of("README.md");
    private static final Pattern RUN = Pattern.compile("<!-- run: (sh|node) -->\\n```(?:bash|js)\\n(.*?)\\n```",
            Pattern.DOTALL);
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: ([^#]+)#([a-z-]+) -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext application;

    private String endpoint;
    private String apiKey;

    @BeforeEach
    void developerKey() {
        endpoint = "http://localhost:" + port + "/graphql";
        apiKey = TestKeys.issue(application, "DEVELOPER", "readme-examples");
    }

    @Test
    void theJavaClientExampleReportsTheAnswerItsCostAndTheBudget() {
        // tag::java-client[]
        WebClient webClient = WebClient.builder()
                .baseUrl(endpoint)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .build();
        HttpGraphQlClient graphQl = HttpGraphQlClient.create(webClient);

        ClientGraphQlResponse response = graphQl.document("""
                        query Nearest($building: ID!) {
                          nearest(from: {buildingId: $building}, category: "pharmacy", k: 1) {
                            walkMeters place { name }
                          }
                          rateLimit { tier remaining }
                        }""")
                .variable("building", "b-01-001")
                .executeSync();
        String pharmacy = response.field("nearest[0].place.name").toEntity(String.class);
        Integer walkMeters = response.field("nearest[0].walkMeters").toEntity(Integer.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> cost = (Map<String, Object>) response.getExtensions().get("cost");
        // cost holds requested, actual, limit and remaining (points)
        // end::java-client[]

        assertThat(response.isValid()).isTrue();
        assertThat(response.getErrors()).isEmpty();
        assertThat(pharmacy).isNotBlank();
        assertThat(walkMeters).isPositive();
        assertThat(cost).containsKeys("requested", "actual", "limit", "remaining");
        assertThat(response.field("rateLimit.tier").toEntity(String.class)).isEqualTo("DEVELOPER");
    }

    @Test
    void theReadmeJavaBlockIsTheTestedCode() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher snippet = SNIPPET.matcher(readme);
        List<String> checked = new ArrayList<>();
        while (snippet.find()) {
            String source = Files.readString(Path.of(snippet.group(1)), StandardCharsets.UTF_8);
            Matcher region = Pattern.compile("// tag::" + snippet.group(2) + "\\[]\\n(.*?)\\n\\s*// end::"
                    + snippet.group(2) + "\\[]", Pattern.DOTALL).matcher(source);
            assertThat(region.find()).as(snippet.group(1) + "#" + snippet.group(2)).isTrue();
            assertThat(snippet.group(3)).as("README block " + snippet.group(2)).isEqualTo(outdent(region.group(1)));
            checked.add(snippet.group(2));
        }
        assertThat(checked).contains("java-client");
    }

    @Test
    void theReadmeCurlAndFetchExamplesRunAndShowTheCostAndTheBudget(@TempDir Path dir) throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher block = RUN.matcher(readme);
        Map<String, String> outputs = new java.util.HashMap<>();
        while (block.find()) {
            String runner = block.group(1);
            Path script = dir.resolve(runner.equals("node") ? "example.mjs" : "example.sh");
            Files.writeString(script, block.group(2) + "\n", StandardCharsets.UTF_8);
            outputs.put(runner, run(runner, script));
        }
        assertThat(outputs).containsKeys("sh", "node");
        assertThat(outputs.get("sh")).containsIgnoringCase("X-RateLimit-Remaining:")
                .contains("\"cost\":{\"requested\":", "\"remaining\":");
        assertThat(outputs.get("node")).containsPattern("nearest pharmacy: .+, \\d+ m")
                .containsPattern("cost: requested \\d+, actual \\d+, \\d+ points left")
                .containsPattern("budget \\(DEVELOPER\\): \\d+ of 20000, full again at 20");
    }

    private String run(String runner, Path script) throws Exception {
        ProcessBuilder process = new ProcessBuilder(runner, script.toString()).redirectErrorStream(true);
        process.environment().put("CIRCLE_API", endpoint);
        process.environment().put("CIRCLE_API_KEY", apiKey);
        Process started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor(60, TimeUnit.SECONDS)).as(runner + " finished").isTrue();
        assertThat(started.exitValue()).as(runner + " exit code; output:\n" + output).isZero();
        return output;
    }

    /** The region without the indentation it has in the source. */
    private static String outdent(String region) {
        List<String> lines = region.lines().toList();
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList());
    }
}
