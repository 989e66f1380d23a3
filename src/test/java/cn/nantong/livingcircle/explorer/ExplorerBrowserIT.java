package cn.nantong.livingcircle.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import cn.nantong.livingcircle.support.ApplicationIT;
import cn.nantong.livingcircle.support.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages in a real browser: Debian's headless chromium driven through its chromedriver (both named
 * explicitly, so Selenium never looks for or downloads a browser). The browser's host resolver knows only localhost,
 * and every URL it requests is read from chromedriver's performance log after each test: a request to any other host
 * fails the test. What the pages should show is asked of the API directly over HTTP, not read from the page.
 */
@ApplicationIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path DOCS = Path.of("docs");
    private static final String DOCUMENTS = "graphql-test/explorer.graphql";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private ChromeDriver browser;
    private Path profile;
    private final List<String> requestedUrls = new ArrayList<>();

    @BeforeAll
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory("explorer-chromium-");
        browser = HeadlessChromium.start(profile);

        long start = System.nanoTime();
        browser.get(url("/explorer"));
        waitUntil(d -> "true".equals(body("ready")) && "0".equals(body("pending")));
        long readyMillis = (System.nanoTime() - start) / 1_000_000;
        Object navigation = js("const n = performance.getEntriesByType('navigation')[0];"
                + " return Math.round(n.loadEventEnd - n.startTime);");
        Object api = js("return performance.getEntriesByType('resource').filter(r => r.name.endsWith('/graphql'))"
                + ".map(r => Math.round(r.startTime) + '+' + Math.round(r.duration)).join(', ')");
        System.out.printf("Explorer cold load (fresh browser): layers drawn after %d ms, load event after %s ms; "
                + "API requests (start+duration ms): %s; first view's layers: %s%n", readyMillis, navigation, api,
                js("return JSON.stringify(explorer.lastLayers)"));
        // the same with the server warm: the browser's cache emptied, the page loaded again
        browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser.get("about:blank");
        start = System.nanoTime();
        browser.get(url("/explorer"));
        waitUntil(d -> "true".equals(body("ready")) && "0".equals(body("pending")));
        System.out.printf("Explorer load with an empty browser cache, server warm: layers drawn after %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        FileSystemUtils.deleteRecursively(profile.toFile());
    }

    @AfterEach
    void noRequestLeftTheMachine() {
        recordRequests();
        Set<String> foreign = new TreeSet<>();
        for (String requested : requestedUrls) {
            URI uri = URI.create(requested.replace(" ", "%20").replace("|", "%7C"));
            // data:, blob:, about:, chrome:// (the browser's own new-tab page) never touch the network
            if (!Set.of("http", "https", "ws", "wss").contains(uri.getScheme())) {
                continue;
            }
            if (!Set.of("localhost", "127.0.0.1").contains(uri.getHost())) {
                foreign.add(requested);
            }
        }
        assertThat(requestedUrls).as("requests recorded").isNotEmpty();
        assertThat(foreign).as("requests to another host than localhost").isEmpty();
        requestedUrls.clear();
    }

    @Test
    void theLandingPageLinksEveryPageAndShowsTheAttributionOfTheLoadedData() {
        browser.get(url("/"));
        JsonNode dataset = api("Dataset", Map.of()).get("dataset");
        waitUntil(d -> text("attribution").equals(dataset.get("attribution").asString()));
        assertThat(href("link-explorer")).endsWith("/explorer");
        assertThat(href("link-graphiql")).endsWith("/graphiql");
        assertThat(href("link-sdl")).endsWith("/graphql/schema");
        assertThat(href("link-downloads")).endsWith("/downloads/");
        assertThat(href("link-readme")).endsWith("/readme");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Open Database License (ODbL) 1.0")
                .contains("OpenStreetMap contributors");
        assertThat(get("/graphql/schema")).contains("type Query").contains("mapLayers");
        assertThat(get("/readme")).contains("## Using the API");
        screenshot("landing", false);
    }

    @Test
    void graphiqlRunsAnExampleOperationFromTheAppsOwnAssets() {
        browser.get(url("/graphiql"));
        JsonNode dataset = api("Dataset", Map.of()).get("dataset");
        WebElement run = waitFor(By.cssSelector(".graphiql-execute-button"));
        waitUntil(d -> !d.findElements(By.cssSelector(".graphiql-query-editor .CodeMirror")).isEmpty());
        run.click();
        waitUntil(d -> d.findElement(By.cssSelector(".result-window")).getText()
                .contains(dataset.get("attribution").asString().substring(0, 20)));
        assertThat(browser.findElement(By.cssSelector(".result-window")).getText())
                .contains("\"licence\": \"" + dataset.get("licence").asString() + "\"");
        screenshot("graphiql", true);
    }

    @Test
    void clickingABuildingShowsItsIsochronesAndNearestPlacesElderlyPaceShrinksThemAndTheUrlReproducesTheView() {
        String buildingId = "b-01-001";
        JsonNode building = api("Building", Map.of("id", buildingId)).get("building");
        double lat = building.get("location").get("lat").asDouble();
        double lon = building.get("location").get("lon").asDouble();
        browser.get(url("/explorer?z=17&lat=" + lat + "&lon=" + lon));
        WebElement marker = waitFor(By.cssSelector("path.bld-" + buildingId));
        waitIdle();
        new Actions(browser).moveToElement(marker).click().perform();

        List<Reached> adult = reachable(buildingId, "ADULT");
        waitUntil(d -> String.valueOf(adult.size()).equals(attribute("reach-total", "data-total")));
        waitIdle();
        for (int minutes : new int[] {5, 10, 15}) {
            assertThat(browser.findElements(By.cssSelector("path.iso-" + minutes))).as("%d-minute isochrone", minutes)
                    .hasSize(1);
        }
        Map<Integer, Double> areas = new LinkedHashMap<>();
        api("Isochrones", Map.of("building", buildingId)).get("isochrone")
                .forEach(i -> areas.put(i.get("minutes").asInt(), i.get("areaSquareMeters").asDouble()));
        for (WebElement row : browser.findElements(By.cssSelector("#iso-summary .iso-row"))) {
            double km2 = areas.get(Integer.parseInt(row.getDomAttribute("data-minutes"))) / 1e6;
            assertThat(row.getText()).contains(String.format("%.3f km²", km2));
        }
        List<String> shown = shownPlaceIds();
        assertThat(shown).as("places listed").hasSize(Math.min(adult.size(), 500));
        // grouped by tier and category, each group nearest first: the API's order within every category
        assertThat(shown).containsExactlyElementsOf(groupedLikeThePage(adult));
        Map<String, String> firstOfCategory = new LinkedHashMap<>();
        adult.forEach(r -> firstOfCategory.putIfAbsent(r.category(), r.placeId()));
        for (String category : List.of("convenience_store", "pharmacy", "supermarket")) {
            if (firstOfCategory.containsKey(category)) {
                String nearest = api("Nearest", Map.of("building", buildingId, "category", category))
                        .get("nearest").get(0).get("place").get("id").asString();
                WebElement group = browser.findElement(By.cssSelector("h4[data-category='" + category + "'] + ol li"));
                assertThat(group.getDomAttribute("data-place-id")).as("nearest %s", category).isEqualTo(nearest);
            }
        }
        screenshot("explorer-building", true);

        browser.findElement(By.id("pace-elderly")).click();
        List<Reached> elderly = reachable(buildingId, "ELDERLY");
        assertThat(elderly.size()).isLessThan(adult.size());
        waitUntil(d -> String.valueOf(elderly.size()).equals(attribute("reach-total", "data-total")));
        waitIdle();
        List<String> elderlyShown = shownPlaceIds();
        assertThat(elderlyShown).hasSizeLessThan(shown.size())
                .containsExactlyElementsOf(groupedLikeThePage(elderly));

        String shared = browser.getCurrentUrl();
        assertThat(shared).contains("b=" + buildingId).contains("pace=ELDERLY");
        browser.get("about:blank");
        browser.get(shared);
        waitUntil(d -> String.valueOf(elderly.size()).equals(attribute("reach-total", "data-total")));
        waitIdle();
        assertThat(shownPlaceIds()).isEqualTo(elderlyShown);
        assertThat(browser.findElement(By.id("pace-elderly")).getDomAttribute("class")).contains("active");
        assertThat(browser.findElements(By.cssSelector("path.iso-15"))).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCommunityViewChartsCoverageHighlightsTheGapsAndRunsAWhatIf() {
        String community = null;
        JsonNode coverage = null;
        for (JsonNode edge : api("Communities", Map.of()).get("communities").get("edges")) {
            JsonNode c = api("Coverage", Map.of("id", edge.get("node").get("id").asString())).get("coverage");
            if (!c.get("missingBasicCategories").isEmpty()) {
                community = edge.get("node").get("id").asString();
                coverage = c;
                break;
            }
        }
        assertThat(community).as("a demo community with a missing basic category").isNotNull();
        String category = coverage.get("missingBasicCategories").get(0).get("code").asString();
        JsonNode gapsAndSites = api("GapsAndSites", Map.of("category", category, "id", community));
        JsonNode site = gapsAndSites.get("siteSuggestions").get(0).get("location");
        JsonNode whatIf = api("WhatIf", Map.of("category", category, "lat", site.get("lat").asDouble(),
                "lon", site.get("lon").asDouble(), "id", community)).get("whatIf");

        browser.get(url("/explorer?tab=community&c=" + community));
        int gapCount = gapsAndSites.get("gaps").get("edges").size();
        waitUntil(d -> d.findElements(By.cssSelector("path.gap-marker")).size() == gapCount);
        waitIdle();
        List<Object> labels = (List<Object>) js("return explorer.chart.data.labels");
        List<Object> covered = (List<Object>) js("return explorer.chart.data.datasets[0].data");
        assertThat(labels).hasSize(coverage.get("categories").size());
        for (int i = 0; i < covered.size(); i++) {
            assertThat(((Number) covered.get(i)).doubleValue())
                    .isEqualTo(coverage.get("categories").get(i).get("residentsWithinTargetPercent").asDouble());
        }
        assertThat(attribute("gap-summary", "data-total"))
                .isEqualTo(gapsAndSites.get("gaps").get("totalCount").asString());
        Set<String> gapIds = new TreeSet<>();
        gapsAndSites.get("gaps").get("edges").forEach(e -> gapIds.add(e.get("node").get("id").asString()));
        Set<String> shownGaps = new TreeSet<>();
        for (Object classes : (List<Object>) js("return [...document.querySelectorAll('path.gap-marker')]"
                + ".map(p => p.getAttribute('class'))")) {
            for (String cls : String.valueOf(classes).split(" ")) {
                if (cls.startsWith("gap-") && !cls.equals("gap-marker")) {
                    shownGaps.add(cls.substring("gap-".length()));
                }
            }
        }
        assertThat(shownGaps).isEqualTo(gapIds);
        assertThat(browser.findElements(By.cssSelector(".suggestion")))
                .hasSize(gapsAndSites.get("siteSuggestions").size());
        assertThat(attribute("community-summary", "data-score"))
                .isEqualTo(coverage.get("completenessScore").asString());

        browser.findElement(By.id("whatif-suggested")).click();
        waitUntil(d -> !attribute("whatif-result", "data-after").isEmpty());
        assertThat(Double.parseDouble(attribute("whatif-result", "data-after")))
                .isEqualTo(whatIf.get("completenessAfter").asDouble())
                .isGreaterThan(whatIf.get("completenessBefore").asDouble());
        assertThat(browser.findElements(By.cssSelector("path.whatif-marker"))).hasSize(1);
        screenshot("explorer-community", true);
        System.out.println("Explorer community view layers: " + js("return JSON.stringify(explorer.lastLayers)"));

        browser.findElement(By.id("lang-toggle")).click();
        List<String> chinese = new ArrayList<>();
        coverage.get("categories").forEach(c -> chinese.add(c.get("category").get("nameZh").asString()));
        waitUntil(d -> chinese.equals(js("return explorer.chart.data.labels")));
        assertThat(browser.findElement(By.id("tab-community")).getText()).isEqualTo("社区");
        assertThat(js("return document.documentElement.lang")).isEqualTo("zh-CN");
        assertThat(browser.getCurrentUrl()).contains("lang=zh");
        browser.findElement(By.id("lang-toggle")).click();
        waitUntil(d -> "Community".equals(d.findElement(By.id("tab-community")).getText()));
    }

    @Test
    void whereCouldILiveHighlightsTheBuildingsThatReachTwoChosenCategoriesAndCountsThemLikeTheApi() {
        List<String> chosen = List.of("pharmacy", "convenience_store");
        Livable adult = livable(chosen, "ADULT");
        Livable elderly = livable(chosen, "ELDERLY");
        assertThat(adult.ids()).as("demo buildings reach both within target").isNotEmpty();
        assertThat(adult.ids()).containsAll(elderly.ids());
        System.out.printf("Where to live, %s: %d buildings (%d residents) at adult pace, %d (%d) elderly%n", chosen,
                adult.totalCount(), adult.residents(), elderly.totalCount(), elderly.residents());

        browser.get(url("/explorer?tab=live"));
        waitFor(By.id("live-pharmacy")).click();
        browser.findElement(By.id("live-convenience_store")).click();
        waitUntil(d -> String.valueOf(adult.totalCount()).equals(attribute("live-summary", "data-total"))
                && "0".equals(body("pending")));
        assertThat(attribute("live-summary", "data-residents")).isEqualTo(String.valueOf(adult.residents()));
        assertThat(text("live-count")).contains(adult.residents() + " residents")
                .contains(adult.totalCount() + " buildings");
        assertThat(shownLivable()).isEqualTo(adult.ids());
        assertThat(browser.getCurrentUrl()).contains("tab=live").contains("convenience_store").contains("pharmacy");
        screenshot("explorer-live", false);

        browser.findElement(By.id("pace-elderly")).click();
        waitUntil(d -> String.valueOf(elderly.totalCount()).equals(attribute("live-summary", "data-total"))
                && "0".equals(body("pending")));
        assertThat(shownLivable()).isEqualTo(elderly.ids());

        browser.findElement(By.id("lang-toggle")).click();
        waitUntil(d -> "宜居选址".equals(d.findElement(By.id("tab-live")).getText()));
        assertThat(text("live-count")).contains(elderly.totalCount() + " 栋楼");

        String shared = browser.getCurrentUrl();
        browser.get("about:blank");
        browser.get(shared);
        waitUntil(d -> String.valueOf(elderly.totalCount()).equals(attribute("live-summary", "data-total"))
                && "0".equals(body("pending")));
        assertThat(browser.findElement(By.id("live-pharmacy")).isSelected()).isTrue();
        assertThat(shownLivable()).isEqualTo(elderly.ids());
    }

    @Test
    void badStatesAreShownNotABlankPage() {
        // a point the API refuses (outside the covered area): the page shows the API's own message
        double lat = 32.2;
        double lon = 120.5;
        String message = apiError("FromPoint", Map.of("lat", lat, "lon", lon));
        browser.get(url("/explorer?z=16&lat=" + lat + "&lon=" + lon + "&p=" + lat + "," + lon));
        waitUntil(d -> message.equals(text("status")));
        assertThat(message).contains("outside the area the dataset covers");

        browser.get(url("/explorer?z=15&lat=39.9&lon=116.4"));
        waitUntil(d -> text("notice").startsWith("No data in this view"));
        assertThat(text("status")).isEmpty();

        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/graphql*")));
        try {
            browser.get(url("/explorer"));
            waitUntil(d -> text("status").startsWith("The API is not answering"));
        } finally {
            browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private record Reached(String placeId, String category, String tier) {
    }

    private List<Reached> reachable(String building, String pace) {
        List<Reached> all = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("building", building);
            variables.put("pace", pace);
            variables.put("after", after);
            JsonNode page = api("Reach", variables).get("reachable");
            page.get("edges").forEach(e -> all.add(new Reached(e.get("node").get("place").get("id").asString(),
                    e.get("node").get("place").get("category").get("code").asString(),
                    e.get("node").get("place").get("category").get("tier").asString())));
            after = page.get("pageInfo").get("hasNextPage").asBoolean()
                    ? page.get("pageInfo").get("endCursor").asString() : null;
        } while (after != null);
        return all;
    }

    private record Livable(int totalCount, int residents, Set<String> ids) {
    }

    private Livable livable(List<String> categories, String pace) {
        Set<String> ids = new TreeSet<>();
        String after = null;
        JsonNode page;
        do {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("categories", categories);
            variables.put("pace", pace);
            variables.put("after", after);
            page = api("Livable", variables).get("livableBuildings");
            page.get("edges").forEach(e -> ids.add(e.get("node").get("id").asString()));
            after = page.get("pageInfo").get("hasNextPage").asBoolean()
                    ? page.get("pageInfo").get("endCursor").asString() : null;
        } while (after != null);
        return new Livable(page.get("totalCount").asInt(), page.get("residents").asInt(), ids);
    }

    /** Ids of the highlighted buildings, read in one script. */
    @SuppressWarnings("unchecked")
    private Set<String> shownLivable() {
        List<Object> classes = (List<Object>) js("return [...document.querySelectorAll('path.live-marker')]"
                + ".map(p => p.getAttribute('class'))");
        Set<String> ids = new TreeSet<>();
        for (Object c : classes) {
            for (String cls : String.valueOf(c).split(" ")) {
                if (cls.startsWith("live-") && !cls.equals("live-marker")) {
                    ids.add(cls.substring("live-".length()));
                }
            }
        }
        assertThat(ids).as("one marker per building").hasSize(classes.size());
        return ids;
    }

    /** The page's grouping, rebuilt from the API's list: tier, then categories by their nearest place. */
    private static List<String> groupedLikeThePage(List<Reached> reached) {
        List<Reached> shown = reached.subList(0, Math.min(500, reached.size()));
        List<String> ids = new ArrayList<>();
        for (String tier : List.of("BASIC", "QUALITY")) {
            Map<String, List<String>> byCategory = new LinkedHashMap<>();
            shown.stream().filter(r -> r.tier().equals(tier))
                    .forEach(r -> byCategory.computeIfAbsent(r.category(), k -> new ArrayList<>()).add(r.placeId()));
            byCategory.values().forEach(ids::addAll);
        }
        return ids;
    }

    /** In one script: an element-by-element read would be a WebDriver round trip per listed place. */
    @SuppressWarnings("unchecked")
    private List<String> shownPlaceIds() {
        return (List<String>) js("return [...document.querySelectorAll('#reach-list li')].map(li => li.dataset.placeId)");
    }

    private JsonNode api(String operation, Map<String, Object> variables) {
        JsonNode answer = post(operation, variables);
        assertThat(answer.has("errors")).as("errors of %s: %s", operation, answer.get("errors")).isFalse();
        return answer.get("data");
    }

    private String apiError(String operation, Map<String, Object> variables) {
        JsonNode answer = post(operation, variables);
        assertThat(answer.has("errors")).as("%s answers an error", operation).isTrue();
        return answer.get("errors").get(0).get("message").asString();
    }

    private JsonNode post(String operation, Map<String, Object> variables) {
        try {
            String document = new String(getClass().getClassLoader().getResourceAsStream(DOCUMENTS).readAllBytes(),
                    StandardCharsets.UTF_8);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", document);
            body.put("operationName", operation);
            body.put("variables", variables);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/graphql")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void recordRequests() {
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = json.readTree(entry.getMessage()).get("message");
            if ("Network.requestWillBeSent".equals(message.get("method").asString())) {
                requestedUrls.add(message.get("params").get("request").get("url").asString());
            }
        }
    }

    private void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(RuntimeException.class).until(condition);
    }

    private WebElement waitFor(By by) {
        waitUntil(d -> !d.findElements(by).isEmpty());
        return browser.findElement(by);
    }

    private void waitIdle() {
        waitUntil(d -> "0".equals(body("pending")));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private String body(String data) {
        return String.valueOf(js("return document.body.dataset." + data));
    }

    private String text(String id) {
        return String.valueOf(js("return document.getElementById('" + id + "').textContent"));
    }

    private String attribute(String id, String name) {
        String value = browser.findElement(By.id(id)).getDomAttribute(name);
        return value == null ? "" : value;
    }

    private String href(String id) {
        return browser.findElement(By.id(id)).getDomAttribute("href");
    }

    /**
     * Into target/screenshots; with {@code -Dreadme.write=true} ({@code scripts/readme-examples.sh}) the key ones
     * also into docs/, where the README embeds them, so an ordinary test run leaves the working tree alone.
     */
    private void screenshot(String name, boolean forReadme) {
        try {
            byte[] png = browser.getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
            if (forReadme && Boolean.getBoolean("readme.write")) {
                Files.createDirectories(DOCS);
                Files.write(DOCS.resolve(name + ".png"), png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
