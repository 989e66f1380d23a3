package cn.nantong.livingcircle.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.api.ApiException.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of a request refused before GraphQL runs (GraphQL over HTTP's "request error": {@code errors} and no
 * {@code data}), whoever refuses it: the strict HTTP reader, Spring Security, the download endpoint, a servlet filter.
 */
public final class RequestErrors {

    private RequestErrors() {
    }

    /** {@code {"errors":[{"message", "extensions":{["parameter",] "code", "classification"}}]}}. */
    public static Map<String, Object> body(ErrorCode code, String parameter, String message) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (parameter != null) {
            extensions.put("parameter", parameter);
        }
        extensions.put("code", code.name());
        extensions.put("classification", code.classification().name());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        return Map.of("errors", List.of(error));
    }

    /** Writes the refusal as the whole response, JSON, never cached, and counts it. */
    public static void write(JsonMapper json, RequestRefusals refusals, HttpServletResponse response,
            HttpStatus status, ErrorCode code, String message) throws IOException {
        refusals.refused(code);
        byte[] body = json.writeValueAsBytes(body(code, null, message));
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
