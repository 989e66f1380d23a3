package cn.nantong.livingcircle.docs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's example outputs are the API's real answers on the demo data. Each block
 * <pre>
 * &lt;!-- example: NAME --&gt;            (or: &lt;!-- example: NAME table --&gt;)
 * ```graphql  the query  ```
 * ```json     its answer ```           (or a Markdown table of the answer's only list)
 * &lt;!-- /example --&gt;
 * </pre>
 * is sent over HTTP and its answer compared with the README. {@code scripts/readme-examples.sh} runs this test with
 * {@code -Dreadme.write=true}, which rewrites the answers in the README instead of comparing them.
 */
@ApplicationIT
class ReadmeExamplesIT {

    private static final Path README = Path.of("README.md");
    private static final Pattern EXAMPLE = Pattern.compile(
            "(<!-- example: ([a-z0-9-]+)( table)? -->\\n```graphql\\n)(.*?)(\\n```\\n)(.*?)(\\n<!-- /example -->)",
            Pattern.DOTALL);
    private static final int WIDTH = 200;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Test
    void everyReadmeExampleShowsWhatTheApiAnswersOnTheDemoData() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher m = EXAMPLE.matcher(readme);
        StringBuilder rewritten = new StringBuilder();
        List<String> names = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        while (m.find()) {
            String name = m.group(2);
            names.add(name);
            boolean table = m.group(3) != null;
            JsonNode answer = execute(m.group(4));
            String rendered = table ? table(answer) : "```json\n" + render(answer, 0, 0) + "\n```";
            if (table ? !rendered.equals(m.group(6)) : !sameJson(m.group(6), answer)) {
                stale.add(name);
            }
            m.appendReplacement(rewritten, Matcher.quoteReplacement(
                    m.group(1) + m.group(4) + m.group(5) + rendered + m.group(7)));
        }
        m.appendTail(rewritten);
        assertThat(names).as("examples in the README").hasSizeGreaterThanOrEqualTo(8).doesNotHaveDuplicates();
        if (Boolean.getBoolean("readme.write")) {
            Files.writeString(README, rewritten.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(stale).as("README examples whose output differs from the API's answer; run scripts/readme-examples.sh")
                .isEmpty();
    }

    /** The README block holds the same JSON (member order aside: JSON objects are unordered). */
    private boolean sameJson(String block, JsonNode answer) {
        if (!block.startsWith("```json\n") || !block.endsWith("\n```")) {
            return false;
        }
        try {
            return json.readTree(block.substring(8, block.length() - 4)).equals(answer);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private JsonNode execute(String query) throws Exception {
        String body = json.writeValueAsString(Map.of("query", query));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        // what is left of the caller's budget depends on every request before this one, not on the example
        if (answer.path("extensions").path("cost") instanceof ObjectNode cost) {
            cost.remove("remaining");
        }
        return answer;
    }

    /**
     * Compact JSON where it fits in {@link #WIDTH} columns from {@code column} on; otherwise one member per line,
     * indented two more than {@code indent}.
     */
    static String render(JsonNode node, int indent, int column) {
        String compact = node.toString();
        if (!node.isContainer() || column + compact.length() <= WIDTH || node.isEmpty()) {
            return compact;
        }
        String pad = " ".repeat(indent + 2);
        StringBuilder out = new StringBuilder(node.isArray() ? "[" : "{");
        boolean first = true;
        for (var entry : node.isArray() ? indexed(node) : node.properties()) {
            out.append(first ? "\n" : ",\n").append(pad);
            String key = node.isArray() ? "" : JsonMapper.shared().writeValueAsString(entry.getKey()) + ":";
            out.append(key).append(render(entry.getValue(), indent + 2, indent + 2 + key.length()));
            first = false;
        }
        return out.append('\n').append(" ".repeat(indent)).append(node.isArray() ? "]" : "}").toString();
    }

    private static List<Map.Entry<String, JsonNode>> indexed(JsonNode array) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        array.forEach(element -> entries.add(Map.entry("", element)));
        return entries;
    }

    /** The answer's only top-level list as a Markdown table, one column per field of its elements. */
    static String table(JsonNode answer) {
        JsonNode data = answer.get("data");
        assertThat(data.size()).as("a table example asks for one list").isEqualTo(1);
        JsonNode list = data.values().iterator().next();
        List<String> columns = new ArrayList<>(list.get(0).propertyNames());
        StringBuilder out = new StringBuilder("| " + String.join(" | ", columns) + " |\n|");
        columns.forEach(c -> out.append("---|"));
        for (JsonNode row : list) {
            out.append("\n|");
            for (String column : columns) {
                JsonNode value = row.get(column);
                out.append(' ').append(value == null || value.isNull() ? "" : value.isString() ? value.asString()
                        .replace("|", "\\|").replace("\n", " ") : value.toString()).append(" |");
            }
        }
        return out.toString();
    }
}
