package cn.nantong.livingcircle.download;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import cn.nantong.livingcircle.access.HttpCallers;
import cn.nantong.livingcircle.api.ApiException;
import cn.nantong.livingcircle.api.ApiException.ErrorCode;
import cn.nantong.livingcircle.api.Caller;
import cn.nantong.livingcircle.api.CostBudget;
import cn.nantong.livingcircle.api.RequestErrors;
import cn.nantong.livingcircle.api.RequestRefusals;
import cn.nantong.livingcircle.dataset.DatasetInfo;
import cn.nantong.livingcircle.dataset.DatasetService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /downloads/{name}}: the bulk files, streamed. Each answer carries the licence and attribution
 * ({@code Link: rel="license"}, {@code X-Licence}, {@code X-Attribution}, {@code Link: rel="describedby"} to the data
 * package) and a strong {@code ETag} on the data version, so {@code If-None-Match} answers 304 without work. A
 * download is charged its price from the caller's rate-limit budget before it starts, like a GraphQL request (a
 * 304 costs one point); with too little left it is refused with 429 and {@code Retry-After}.
 */
@Controller
class DownloadController {

    private static final Logger log = LoggerFactory.getLogger(DownloadController.class);

    /** Bumped whenever the layout of a file changes, so caches do not keep an old layout of the same data. */
    static final String FORMAT_VERSION = "1";

    private final DownloadCatalog catalog;
    private final DownloadService downloads;
    private final DatasetService datasets;
    private final CostBudget budget;
    private final JsonMapper json;
    private final Semaphore running;

    private final RequestRefusals refusals;

    DownloadController(DownloadCatalog catalog, DownloadService downloads, DatasetService datasets,
            CostBudget budget, JsonMapper json, DownloadProperties properties, RequestRefusals refusals) {
        this.refusals = refusals;
        this.catalog = catalog;
        this.downloads = downloads;
        this.datasets = datasets;
        this.budget = budget;
        this.json = json;
        this.running = new Semaphore(Math.max(1, properties.maxConcurrent()));
    }

    @GetMapping("/downloads/{name}")
    void download(@PathVariable String name, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<DownloadFile> found = catalog.find(name);
        if (found.isEmpty()) {
            error(response, HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "No download named '" + name + "'");
            return;
        }
        DownloadFile file = found.get();
        DatasetInfo dataset;
        try {
            dataset = datasets.current();
        }
        catch (ApiException ex) {
            error(response, HttpStatus.SERVICE_UNAVAILABLE, ex.code(), ex.getMessage());
            return;
        }
        Caller caller = HttpCallers.of(request);
        String etag = etag(dataset);
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            CostBudget.Charge charge = budget.charge(caller, 1);
            rateLimitHeaders(response, charge);
            if (!charge.allowed()) {
                error(response, HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED, "Rate limit reached");
                return;
            }
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            response.setHeader(HttpHeaders.ETAG, etag);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            return;
        }
        if (!running.tryAcquire()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            error(response, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.OVERLOADED,
                    "Every download slot of this server is busy; try again shortly");
            return;
        }
        try {
            long points = DownloadCatalog.points(file, dataset);
            CostBudget.Charge charge = budget.charge(caller, points);
            rateLimitHeaders(response, charge);
            if (!charge.allowed()) {
                error(response, HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
                        "This download costs " + points + " points; " + charge.remaining() + " are left");
                return;
            }
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(file.format().mediaType());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.name() + "\"");
            response.setHeader(HttpHeaders.ETAG, etag);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            licenceHeaders(response, dataset);
            response.setHeader("X-Download-Cost", Long.toString(points));
            OutputStream out = response.getOutputStream();
            try {
                downloads.write(file, dataset, out);
                out.flush();
            }
            catch (IOException | RuntimeException ex) {
                // the status is sent: the only way left to tell the client is to break the chunked stream
                log.warn("Download {} failed after it started: {}", file.name(), ex.toString());
                throw ex;
            }
        }
        finally {
            running.release();
        }
    }

    static String etag(DatasetInfo dataset) {
        return "\"" + dataset.version() + "-" + FORMAT_VERSION + "\"";
    }

    /** RFC 9110 §13.1.2: weak comparison, a list of tags or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    static void licenceHeaders(HttpServletResponse response, DatasetInfo dataset) {
        String url = DataPackage.licenceUrl(dataset.licence());
        if (url != null) {
            response.addHeader(HttpHeaders.LINK, "<" + url + ">; rel=\"license\"");
        }
        response.addHeader(HttpHeaders.LINK, "</downloads/datapackage.json>; rel=\"describedby\"");
        response.setHeader("X-Licence", ascii(dataset.licence()));
        response.setHeader("X-Attribution", ascii(dataset.attribution()));
        response.setHeader("X-Dataset-Version", dataset.version());
    }

    /**
     * HTTP header values are ISO-8859-1; anything outside printable ASCII (a Chinese attribution) is sent
     * percent-encoded as UTF-8, the encoding of RFC 8187.
     */
    static String ascii(String value) {
        StringBuilder result = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '%') {
                result.append((char) c);
            }
            else {
                result.append('%').append(String.format("%02X", c));
            }
        }
        return result.toString();
    }

    private static void rateLimitHeaders(HttpServletResponse response, CostBudget.Charge charge) {
        charge.writeHeaders(response::setHeader);
    }

    private void error(HttpServletResponse response, HttpStatus status, ErrorCode code, String message)
            throws IOException {
        RequestErrors.write(json, refusals, response, status, code, message);
    }
}
