package cn.nantong.livingcircle.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where to point a browser once migrations and the demo import are done and traffic is accepted. */
@Component
class ReadyAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        int port = web.getWebServer().getPort();
        log.info("""
                Ready.
                  GraphiQL   http://localhost:{}/graphiql
                  GraphQL    http://localhost:{}/graphql (POST)
                  Readiness  http://localhost:{}/readyz""", port, port, port);
    }
}
