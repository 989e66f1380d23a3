package cn.nantong.livingcircle.api;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of the public endpoint: the strict request reader in place of Spring's {@link GraphQlHttpHandler}
 * (Spring Boot's router keeps routing POST to it), GET for queries ahead of Boot's "POST only" route, and CORS for
 * the GraphQL path.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlHttpConfiguration.HttpSettings.class)
class GraphQlHttpConfiguration {

    @Bean
    DataVersion dataVersion(ExecutionGraphQlService graphQlService) {
        return new DataVersion(graphQlService);
    }

    /** Boot's auto-configured handler backs off for this one (it is {@code @ConditionalOnMissingBean}). */
    @Bean
    StrictGraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler, JsonMapper jsonMapper,
            DataVersion dataVersion, PersistedQueries persistedQueries, HttpSettings settings,
            RequestBoundsConfiguration.RequestBounds bounds, RequestRefusals refusals) {
        return new StrictGraphQlHttpHandler(webGraphQlHandler, jsonMapper, dataVersion, persistedQueries,
                settings.maxRequestBytes(), bounds.maxResponseBytes(), refusals);
    }

    /** Boot's SSE handler backs off for this one too; same timeout and keep-alive properties. */
    @Bean
    StrictGraphQlSseHandler graphQlSseHandler(WebGraphQlHandler webGraphQlHandler, StrictGraphQlHttpHandler http,
            GraphQlProperties properties) {
        return new StrictGraphQlSseHandler(webGraphQlHandler, http, properties.getHttp().getSse().getTimeout(),
                properties.getHttp().getSse().getKeepAlive());
    }

    /**
     * Before Boot's router (order 0), whose GET on the GraphQL path answers 405 and whose POST of another content
     * type than JSON answers an empty 415: GET serves queries, and the 415 gets a typed body.
     */
    @Bean
    @Order(-1)
    RouterFunction<ServerResponse> graphQlGetRoute(StrictGraphQlHttpHandler handler, GraphQlProperties properties) {
        String path = properties.getHttp().getPath();
        return RouterFunctions.route()
                .GET(path, handler::handleGet)
                .POST(path, request -> !StrictGraphQlHttpHandler.isJson(request), handler::unsupportedMediaType)
                .build();
    }

    /**
     * The same policy for Spring Security's CORS filter, which answers before authentication: a refused key (401) or
     * a rate-limited request must still be readable by the page that sent it.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(HttpSettings settings, GraphQlProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration(properties.getHttp().getPath(), settings.corsConfiguration());
        return source;
    }

    @Bean
    WebMvcConfigurer graphQlCors(HttpSettings settings, GraphQlProperties properties) {
        return new WebMvcConfigurer() {
            @Override
            public void addCorsMappings(CorsRegistry registry) {
                // replaces the registration's permit-all defaults by the settings
                registry.addMapping(properties.getHttp().getPath()).combine(settings.corsConfiguration());
            }
        };
    }

    /**
     * @param corsAllowedOrigins origins (e.g. {@code https://app.example.cn}, or patterns such as
     *                           {@code https://*.nantong.gov.cn}) that browsers may call {@code /graphql} from;
     *                           {@code *}, the default, is any origin
     * @param maxRequestBytes    largest POST body read; a larger one is refused with HTTP 413 unread
     */
    @ConfigurationProperties("circle.api")
    record HttpSettings(@DefaultValue("*") List<String> corsAllowedOrigins,
            @DefaultValue("262144") int maxRequestBytes) {

        CorsConfiguration corsConfiguration() {
            CorsConfiguration cors = new CorsConfiguration();
            for (String origin : corsAllowedOrigins) {
                if (origin.equals("*") || !origin.contains("*")) {
                    cors.addAllowedOrigin(origin.trim());
                }
                else {
                    cors.addAllowedOriginPattern(origin.trim());
                }
            }
            cors.setAllowedMethods(List.of("GET", "POST"));
            cors.setAllowedHeaders(List.of("*"));
            List<String> exposed = new java.util.ArrayList<>(List.of(HttpHeaders.ETAG));
            exposed.addAll(CostBudget.Charge.HEADERS);
            cors.setExposedHeaders(exposed);
            cors.setAllowCredentials(false);
            cors.setMaxAge(3600L);
            return cors;
        }
    }
}
