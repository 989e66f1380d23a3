package cn.nantong.livingcircle.importer.osm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application on its OWN, initially empty database (no demo data), for the OSM import tests: they write, so
 * they must never share the demo context. Every OSM IT uses exactly this configuration, so they share one context;
 * their assertions therefore compare before/after states instead of assuming which files are already imported.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = {
        "circle.embedded.data-dir=${java.io.tmpdir}/living-circle-osm-it/${random.uuid}",
        "circle.embedded.bolt-port=0",
        "circle.embedded.page-cache-size=128m",
        "circle.demo.load-on-empty=false"
})
@interface OsmApplicationIT {
}
