package cn.nantong.livingcircle.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/**
 * The log of every driver session the application opens ({@link DriverSessionLog}), and a GraphQL tester that
 * goes through the web interceptor chain (so errors carry the same {@code extensions.code} as over HTTP) without
 * the HTTP transport; {@code *HttpIT} tests cover the transport itself.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    /** Static: a post-processor must exist before the beans it wraps. */
    @Bean
    static DriverSessionLog driverSessionLog() {
        return new DriverSessionLog();
    }

    @Bean
    WebGraphQlTester webGraphQlTester(WebGraphQlHandler handler) {
        return WebGraphQlTester.builder(handler).build();
    }
}
