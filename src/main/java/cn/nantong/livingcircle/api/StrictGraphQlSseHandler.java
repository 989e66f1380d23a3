package cn.nantong.livingcircle.api;

import java.time.Duration;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlSseHandler;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Spring's GraphQL over server-sent events ({@code Accept: text/event-stream}), with the body read as strictly as
 * over plain HTTP: Spring's own reader answers a {@code null} body with a 500 here too.
 */
class StrictGraphQlSseHandler extends GraphQlSseHandler {

    private final WebGraphQlHandler graphQlHandler;
    private final StrictGraphQlHttpHandler http;

    StrictGraphQlSseHandler(WebGraphQlHandler graphQlHandler, StrictGraphQlHttpHandler http, Duration timeout,
            Duration keepAlive) {
        super(graphQlHandler, timeout, keepAlive);
        this.graphQlHandler = graphQlHandler;
        this.http = http;
    }

    @Override
    public ServerResponse handleRequest(ServerRequest request) {
        return http.readBody(request, body -> prepareResponse(request,
                graphQlHandler.handleRequest(StrictGraphQlHttpHandler.graphQlRequest(request, body))));
    }
}
