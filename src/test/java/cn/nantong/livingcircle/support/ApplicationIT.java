package cn.nantong.livingcircle.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port (and a random management port) with the embedded Neo4j in a fresh temporary directory and the demo
 * data loaded. Every {@code *IT} uses exactly this configuration, so Spring's test-context cache starts the
 * application (and imports the demo data) once per test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "circle.embedded.data-dir=${java.io.tmpdir}/living-circle-it/${random.uuid}",
        "circle.embedded.bolt-port=0",
        "circle.embedded.page-cache-size=128m",
        "management.server.port=0",
        // every IT calls from 127.0.0.1 without a key, so the whole suite is one anonymous caller: its budget must
        // not run out (the rate-limit tests have their own applications with small budgets)
        "circle.rate-limit.anonymous-points-per-window=1000000000",
        "circle.rate-limit.anonymous-burst-points=1000000000"
})
@Import(TestSupportConfiguration.class)
public @interface ApplicationIT {
}
