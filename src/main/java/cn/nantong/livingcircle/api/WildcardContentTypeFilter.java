package cn.nantong.livingcircle.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request whose {@code Content-Type} is a wildcard ({@code *}{@code /*}, {@code application/*}) with 415
 * and a typed error. Spring MVC asserts that a request's content type is concrete while it builds the request for
 * the router functions, before any handler runs, so such a header was an HTTP 500, an HTML error page and an ERROR
 * log line with a stack trace, on every path. A content type that does not parse at all is left to the handlers
 * (they answer 415 already).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class WildcardContentTypeFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(WildcardContentTypeFilter.class);

    private final JsonMapper json;
    private final RequestRefusals refusals;

    WildcardContentTypeFilter(JsonMapper json, RequestRefusals refusals) {
        this.json = json;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isWildcard(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        log.debug("Refused a request with the wildcard content type {}", request.getContentType());
        response.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
        RequestErrors.write(json, refusals, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ApiException.ErrorCode.BAD_REQUEST_BODY,
                "The Content-Type is a wildcard, not a media type; send the request as JSON "
                        + "(Content-Type: application/json)");
    }

    static boolean isWildcard(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
    }
}
