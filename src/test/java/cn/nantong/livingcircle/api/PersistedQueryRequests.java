package cn.nantong.livingcircle.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Persisted-query requests over real HTTP, for the persisted-query ITs. */
final class PersistedQueryRequests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    PersistedQueryRequests(int port) {
        this.port = port;
    }

    /** A document of {@code src/test/resources/graphql-test}, exactly as in the file. */
    static String document(String name) {
        try (InputStream in = PersistedQueryRequests.class.getResourceAsStream("/graphql-test/" + name + ".graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Map<String, Object> persistedQuery(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    /** POST {@code query} (null for none) with {@code hash} (null for none) and {@code variables}. */
    HttpResponse<String> post(String query, String hash, Map<String, Object> variables, String... headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (query != null) {
            body.put("query", query);
        }
        if (variables != null) {
            body.put("variables", variables);
        }
        if (hash != null) {
            body.put("extensions", persistedQuery(hash));
        }
        return postRaw(json.writeValueAsString(body), headers);
    }

    HttpResponse<String> postRaw(String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, headers);
    }

    /** GET by hash alone, with {@code variables} (null for none). */
    HttpResponse<String> getByHash(String hash, Map<String, Object> variables, String... headers) {
        String path = "/graphql?extensions=" + encode(json.writeValueAsString(persistedQuery(hash)))
                + (variables == null ? "" : "&variables=" + encode(json.writeValueAsString(variables)));
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** The {@code extensions.code} of the answer's only error. */
    String errorCode(HttpResponse<String> response) {
        JsonNode errors = body(response).path("errors");
        if (errors.size() != 1) {
            throw new AssertionError("expected one error: " + response.body());
        }
        return errors.get(0).path("extensions").path("code").asString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
