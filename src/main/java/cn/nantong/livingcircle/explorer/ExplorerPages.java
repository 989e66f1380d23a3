package cn.nantong.livingcircle.explorer;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The pages under their short paths. They are static files (src/main/resources/static) that load their libraries
 * from the WebJars in the jar, so nothing is fetched from another host; {@code /graphiql} replaces Spring's GraphiQL
 * page, which loads its scripts from a public CDN.
 */
@Controller
class ExplorerPages {

    private final ExplorerProperties properties;

    ExplorerPages(ExplorerProperties properties) {
        this.properties = properties;
    }

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    @GetMapping("/graphiql")
    @ResponseBody
    ResponseEntity<Resource> graphiql() {
        if (!properties.graphiqlEnabled()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(HTML).body(new ClassPathResource("pages/graphiql.html"));
    }

    /** The README shipped in the jar, so the landing page can point to the documentation without the internet. */
    @GetMapping("/readme")
    @ResponseBody
    ResponseEntity<Resource> readme() {
        Resource readme = new ClassPathResource("docs/README.md");
        return readme.exists() ? ResponseEntity.ok().contentType(TEXT).body(readme) : ResponseEntity.notFound().build();
    }

    @GetMapping("/explorer")
    String explorer() {
        return "forward:/explorer/index.html";
    }

    /** What the explorer cannot learn from the GraphQL API: the optional base map. */
    @GetMapping("/explorer/config.json")
    @ResponseBody
    ResponseEntity<Map<String, String>> config() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(Map.of("tileUrl", properties.tileUrl(), "tileAttribution", properties.tileAttribution()));
    }
}
