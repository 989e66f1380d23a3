package cn.nantong.livingcircle.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.nantong.livingcircle.api.ApiException.ErrorCode;
import cn.nantong.livingcircle.support.ApplicationIT;
import cn.nantong.livingcircle.support.GraphFingerprint;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the committed hostile corpus ({@code src/test/resources/hostile/}, format in its README) over real HTTP,
 * byte for byte, against the running application. For every request: never a 5xx; a 4xx, or a 200 whose errors all
 * carry an {@code extensions.code} of {@link ErrorCode} (never INTERNAL_ERROR); the case's own expectation (status,
 * codes); and no internals in the answer (Java class names, exceptions, stack frames, Cypher the request did not
 * send). Around the whole run: the graph is unchanged, the service is still ready, and the log has no stack trace
 * and no ERROR line. One test rather than one per case, because those three checks are about the run as a whole;
 * every case is still named in the failure report (soft assertions).
 */
@ApplicationIT
@ExtendWith(OutputCaptureExtension.class)
class HostileCorpusIT {

    /** Text that only an internal failure puts in an answer. */
    private static final List<String> LEAKS = List.of("java.", "javax.", "jakarta.", "graphql.", "org.springframework",
            "org.neo4j", "tools.jackson", "com.fasterxml", "Exception", "at cn.", "\tat ", "cn.nantong");
    /** Cypher that must come back only if the request itself sent it (echoed as data, e.g. in NOT_FOUND). */
    private static final List<String> CYPHER = List.of("MATCH (", "MERGE (", "OPTIONAL MATCH", "UNWIND ", "DETACH DELETE",
            "CALL db.", "RETURN ", "elementId(");
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [a-z]");
    /** The level column of Spring Boot's console pattern (timestamp, then the level). */
    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\b|^ERROR\\b|Caused by: ");
    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    @Value("${local.server.port}")
    int port;

    @Autowired
    Driver driver;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyHostileRequestGetsATypedRefusalAndLeavesTheGraphTheHealthAndTheLogAsTheyWere(CapturedOutput output)
            throws Exception {
        // -Dhostile.only=<category or case id prefix> replays a part, to debug one case
        String only = System.getProperty("hostile.only", "");
        List<HostileCase> corpus = HostileCase.load(corpusRoot()).stream().filter(c -> c.id().startsWith(only)).toList();
        assertThat(corpus).as("the committed corpus").hasSizeGreaterThanOrEqualTo(only.isEmpty() ? 80 : 1);
        GraphFingerprint before = GraphFingerprint.of(driver);
        int logStart = output.getAll().length();
        SoftAssertions softly = new SoftAssertions();
        Map<String, int[]> perCategory = new TreeMap<>();
        long started = System.nanoTime();

        for (HostileCase hostile : corpus) {
            int errorsBefore = softly.errorsCollected().size();
            try {
                check(softly, hostile, send(hostile));
            }
            catch (IOException ex) {
                softly.fail("%s: no HTTP answer (%s)", hostile.id(), ex.toString());
            }
            int[] tally = perCategory.computeIfAbsent(hostile.category(), k -> new int[2]);
            tally[softly.errorsCollected().size() == errorsBefore ? 0 : 1]++;
        }

        long millis = (System.nanoTime() - started) / 1_000_000;
        String logged = output.getAll().substring(logStart);
        List<String> badLines = logged.lines()
                .filter(line -> STACK_FRAME.matcher(line).find() || ERROR_LINE.matcher(line).find())
                .limit(20).toList();
        softly.assertThat(badLines).as("stack traces or ERROR lines logged while the corpus ran").isEmpty();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/readyz")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        softly.assertThat(ready.statusCode()).as("/readyz after the corpus").isEqualTo(200);
        softly.assertThat(ready.body()).as("/readyz after the corpus").contains("\"status\":\"UP\"");
        softly.assertThat(GraphFingerprint.of(driver)).as("the graph after the corpus").isEqualTo(before);

        System.out.printf("Hostile corpus: %d requests in %d ms%n", corpus.size(), millis);
        perCategory.forEach((category, tally) -> System.out.printf("  %-18s %4d cases%s%n", category,
                tally[0] + tally[1], tally[1] == 0 ? "" : ", " + tally[1] + " failing"));
        softly.assertAll();
    }

    /** What every answer must be, then what this case expects. */
    private void check(SoftAssertions softly, HostileCase hostile, HttpResponse<byte[]> response) {
        String id = hostile.id();
        int status = response.statusCode();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String sent = hostile.text();
        softly.assertThat(status).as("%s: status (body %s)", id, abbreviate(body)).isLessThan(500);
        softly.assertThat(hostile.expectation().allows(status)).as("%s: status %d, expected %s (body %s)", id, status,
                hostile.expectation().statuses(), abbreviate(body)).isTrue();
        for (String leak : LEAKS) {
            if (!sent.contains(leak)) {
                softly.assertThat(body).as("%s: the answer leaks internals", id).doesNotContain(leak);
            }
        }
        for (String cypher : CYPHER) {
            if (!sent.contains(cypher)) {
                softly.assertThat(body).as("%s: the answer shows Cypher the request did not send", id)
                        .doesNotContain(cypher);
            }
        }

        JsonNode answer = parse(body);
        boolean graphQlAnswer = answer != null && answer.isObject();
        if (status == 200) {
            softly.assertThat(graphQlAnswer).as("%s: a 200 is a GraphQL answer (body %s)", id, abbreviate(body)).isTrue();
        }
        JsonNode errors = graphQlAnswer ? answer.path("errors") : null;
        List<String> codes = new ArrayList<>();
        if (errors != null && errors.isArray()) {
            for (JsonNode error : errors) {
                String code = error.path("extensions").path("code").asString("");
                codes.add(code);
                softly.assertThat(code).as("%s: extensions.code of error '%s'", id, error.path("message").asString(""))
                        .isIn(CODES).isNotEqualTo(ErrorCode.INTERNAL_ERROR.name());
                softly.assertThat(error.path("message").isString()).as("%s: an error has a message", id).isTrue();
            }
        }
        Expectation expected = hostile.expectation();
        switch (expected.errors()) {
            case "required" -> softly.assertThat(codes).as("%s: a typed refusal expected (status %d, body %s)", id,
                    status, abbreviate(body)).isNotEmpty();
            case "none" -> {
                softly.assertThat(codes).as("%s: an answer without errors expected (body %s)", id, abbreviate(body))
                        .isEmpty();
                softly.assertThat(graphQlAnswer && answer.has("data")).as("%s: data expected", id).isTrue();
            }
            default -> {
            }
        }
        if (!expected.codes().contains("*")) {
            softly.assertThat(codes).as("%s: codes, expected %s (body %s)", id, expected.codes(), abbreviate(body))
                    .allMatch(expected.codes()::contains);
        }
    }

    private HttpResponse<byte[]> send(HostileCase hostile) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher;
        if (hostile.body() == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        }
        else if (hostile.chunked()) {
            // a stream of unknown length goes out chunked, with no Content-Length to check up front
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(hostile.body()));
        }
        else {
            publisher = HttpRequest.BodyPublishers.ofByteArray(hostile.body());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(hostile.target())).timeout(Duration.ofSeconds(60))
                .method(hostile.method(), publisher);
        for (String[] header : hostile.headers()) {
            request.header(header[0], header[1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    private URI uri(String target) {
        return URI.create("http://127.0.0.1:" + port + target);
    }

    private static Path corpusRoot() throws URISyntaxException {
        return Path.of(HostileCorpusIT.class.getResource("/hostile").toURI());
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "… (" + text.length() + " chars)";
    }

    /**
     * What a case allows: HTTP statuses ({@code 400}, or a class such as {@code 4xx}), the codes its errors may carry
     * ({@code *}: any of {@link ErrorCode}), and whether it must be refused ({@code errors=required}, the default),
     * may be answered ({@code optional}) or must be answered without errors ({@code none}).
     */
    record Expectation(List<String> statuses, Set<String> codes, String errors) {

        static Expectation parse(String id, String text) {
            List<String> statuses = List.of("200", "4xx");
            Set<String> codes = Set.of("*");
            String errors = "required";
            for (String pair : text.trim().split("\\s+")) {
                String[] keyValue = pair.split("=", 2);
                if (keyValue.length != 2) {
                    throw new IllegalArgumentException(id + ": '" + pair + "' is not key=value");
                }
                switch (keyValue[0]) {
                    case "status" -> statuses = List.of(keyValue[1].split(","));
                    case "code" -> codes = new LinkedHashSet<>(List.of(keyValue[1].split(",")));
                    case "errors" -> errors = keyValue[1];
                    default -> throw new IllegalArgumentException(id + ": unknown expectation '" + keyValue[0] + "'");
                }
            }
            for (String code : codes) {
                if (!code.equals("*") && !CODES.contains(code)) {
                    throw new IllegalArgumentException(id + ": " + code + " is not an ErrorCode");
                }
            }
            if (!Set.of("required", "optional", "none").contains(errors)) {
                throw new IllegalArgumentException(id + ": errors=" + errors);
            }
            return new Expectation(statuses, codes, errors);
        }

        boolean allows(int status) {
            String exact = String.valueOf(status);
            return statuses.stream().anyMatch(s -> s.equals(exact) || s.length() == 3 && s.endsWith("xx")
                    && s.charAt(0) == exact.charAt(0));
        }
    }

    /**
     * One request of the corpus: {@code <category>/<name>.http} holds {@code #} comment lines (one of them
     * {@code # expect: ...}, optionally {@code # send: chunked}), the request line ({@code METHOD target}), headers,
     * a blank line and the body verbatim; or the body is the file {@code <name>.body} beside it, for bodies of any
     * bytes.
     */
    record HostileCase(String category, String name, Expectation expectation, boolean chunked, String method,
            String target, List<String[]> headers, byte[] body) {

        String id() {
            return category + "/" + name;
        }

        /** The request as text, to tell what the answer may echo from it. */
        String text() {
            StringBuilder text = new StringBuilder(target).append('\n')
                    .append(java.net.URLDecoder.decode(target, StandardCharsets.UTF_8));
            headers.forEach(header -> text.append('\n').append(header[1]));
            if (body != null) {
                text.append('\n').append(new String(body, StandardCharsets.UTF_8));
                // what JSON escapes in a body, the answer may carry unescaped (and the other way round)
                text.append('\n').append(new String(body, StandardCharsets.UTF_8).replace("\\\"", "\""));
            }
            return text.toString();
        }

        static List<HostileCase> load(Path root) throws IOException {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(file -> file.toString().endsWith(".http")).sorted()
                        .map(file -> parse(root, file)).toList();
            }
        }

        private static HostileCase parse(Path root, Path file) {
            String category = root.relativize(file.getParent()).toString();
            String name = file.getFileName().toString().replaceAll("\\.http$", "");
            String id = category + "/" + name;
            byte[] raw;
            try {
                raw = Files.readAllBytes(file);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            int split = indexOf(raw, new byte[] {'\n', '\n'});
            String head = new String(raw, 0, split < 0 ? raw.length : split, StandardCharsets.UTF_8);
            byte[] body = split < 0 ? null : Arrays.copyOfRange(raw, split + 2, raw.length);
            Path bodyFile = file.resolveSibling(name + ".body");
            if (Files.exists(bodyFile)) {
                if (body != null && body.length > 0) {
                    throw new IllegalArgumentException(id + ": a body inline and in " + bodyFile.getFileName());
                }
                try {
                    body = Files.readAllBytes(bodyFile);
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
            Expectation expectation = null;
            boolean chunked = false;
            String method = null;
            String target = null;
            List<String[]> headers = new ArrayList<>();
            for (String line : head.split("\n")) {
                if (line.startsWith("#")) {
                    String comment = line.substring(1).trim();
                    if (comment.startsWith("expect:")) {
                        expectation = Expectation.parse(id, comment.substring("expect:".length()));
                    }
                    else if (comment.equals("send: chunked")) {
                        chunked = true;
                    }
                }
                else if (method == null) {
                    String[] requestLine = line.split(" ", 2);
                    method = requestLine[0];
                    target = requestLine[1];
                }
                else if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
                }
            }
            if (expectation == null || method == null) {
                throw new IllegalArgumentException(id + ": needs a '# expect:' line and a request line");
            }
            return new HostileCase(category, name, expectation, chunked, method, target, List.copyOf(headers), body);
        }

        private static int indexOf(byte[] bytes, byte[] part) {
            outer:
            for (int i = 0; i + part.length <= bytes.length; i++) {
                for (int j = 0; j < part.length; j++) {
                    if (bytes[i + j] != part[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
