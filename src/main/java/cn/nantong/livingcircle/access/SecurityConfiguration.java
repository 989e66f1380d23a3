package cn.nantong.livingcircle.access;

import java.net.URI;
import java.util.function.Supplier;

import cn.nantong.livingcircle.api.ApiException.ErrorCode;
import cn.nantong.livingcircle.api.RequestErrors;
import cn.nantong.livingcircle.api.RequestRefusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP security of the API, all Spring Security: API keys are bearer tokens (RFC 6750) checked by the resource
 * server's opaque-token support against our key store ({@link ApiKeyIntrospector}); no key is anonymous, and
 * anonymous callers may run every public query (their budget is smaller). Which fields a tier may run is decided
 * per field ({@code @PreAuthorize} on the key administration). Stateless: no session, no cookie, so no CSRF.
 *
 * <p>Refusals carry a GraphQL-shaped JSON body with {@code extensions.code}, like every other error of the API:
 * 401 {@code UNAUTHENTICATED} (with RFC 6750's {@code WWW-Authenticate}), 403 {@code FORBIDDEN} for an admin key sent
 * from a browser page of another origin (key administration accepts no cross-origin call), 503
 * {@code SERVICE_UNAVAILABLE} when the key store cannot be read.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyIntrospector introspector, JsonMapper json,
            RequestRefusals refusals) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        AuthenticationEntryPoint entryPoint = (request, response, failure) -> {
            if (failure instanceof AuthenticationServiceException) {
                log.warn("API key check failed: {}", failure.getMessage());
                RequestErrors.write(json, refusals, response, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE,
                        "API keys cannot be checked right now; retry later");
                return;
            }
            bearer.commence(request, response, failure);
            RequestErrors.write(json, refusals, response, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED,
                    message(failure));
        };
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // the GraphQL handler decides caching (public GET answers with an ETag, no-store for refusals);
                // Spring Security's blanket no-cache would be written first on an asynchronous answer and win
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .cors(cors -> {
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().access(new NoCrossOriginAdmin()))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, denied) ->
                        RequestErrors.write(json, refusals, response, HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
                                "An admin key is not accepted from a page of another origin")))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new StrictBearerTokenResolver())
                        .opaqueToken(opaque -> opaque.introspector(introspector))
                        .authenticationEntryPoint(entryPoint)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                // Spring Security rethrows an AuthenticationServiceException by default (a 500
                                // from the servlet container): the entry point answers it with 503 instead
                                AuthenticationEntryPointFailureHandler failures =
                                        new AuthenticationEntryPointFailureHandler(entryPoint);
                                failures.setRethrowAuthenticationServiceException(false);
                                filter.setAuthenticationFailureHandler(failures);
                                return filter;
                            }
                        }));
        return http.build();
    }

    private static String message(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth
                && oauth.getError() instanceof BearerTokenError error && error.getDescription() != null) {
            return error.getDescription();
        }
        return "The API key is unknown or revoked";
    }


    /**
     * RFC 6750's header only (a key in the URL would end up in logs and caches), and an {@code Authorization} header
     * of another scheme is an error, not an anonymous request: a client that thinks it sent a key should be told.
     */
    static final class StrictBearerTokenResolver implements BearerTokenResolver {
        private final DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();

        @Override
        public String resolve(HttpServletRequest request) {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && !header.regionMatches(true, 0, "Bearer", 0, 6)) {
                throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(
                        "Send the API key as 'Authorization: Bearer <key>'"));
            }
            return bearer.resolve(request);
        }
    }

    /** An admin key may act only from a caller that is not a browser page of another origin. */
    static final class NoCrossOriginAdmin implements AuthorizationManager<RequestAuthorizationContext> {
        @Override
        public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                RequestAuthorizationContext context) {
            Authentication caller = authentication.get();
            boolean admin = caller != null && caller.getAuthorities().stream()
                    .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
            return new AuthorizationDecision(!admin || !crossOrigin(context.getRequest()));
        }

        static boolean crossOrigin(HttpServletRequest request) {
            String origin = request.getHeader(HttpHeaders.ORIGIN);
            if (origin == null) {
                return false;
            }
            try {
                URI uri = URI.create(origin);
                int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
                return !(request.getScheme().equalsIgnoreCase(uri.getScheme())
                        && request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port);
            }
            catch (IllegalArgumentException ex) {
                return true;
            }
        }
    }

}
