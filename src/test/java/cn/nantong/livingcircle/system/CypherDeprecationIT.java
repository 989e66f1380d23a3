package cn.nantong.livingcircle.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.nantong.livingcircle.access.ApiKeyStoreFragments;
import cn.nantong.livingcircle.community.CommunityRepository;
import cn.nantong.livingcircle.place.PlaceRepository;
import cn.nantong.livingcircle.place.PlaceWriter;
import cn.nantong.livingcircle.maintenance.PlaceChangeFragments;
import cn.nantong.livingcircle.search.SearchFragments;
import cn.nantong.livingcircle.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.NotificationClassification;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.GqlNotification;
import org.neo4j.driver.summary.GqlStatusObject;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only current Cypher: every statement in the main sources (text blocks and one-line literals) and in the migrations
 * is planned with {@code EXPLAIN} by the real database, and none may draw a deprecation notification, which Neo4j
 * would otherwise log with the whole query on every request.
 */
@ApplicationIT
class CypherDeprecationIT {

    private static final Pattern TEXT_BLOCK = Pattern.compile(
            "\"\"\"\\n(.*?)\"\"\"(?:\\s*\\.formatted\\(([\\w.]+)\\))?", Pattern.DOTALL);
    /** The fragments the main sources format into their queries. */
    private static final Map<String, String> FRAGMENTS = Map.of(
            "PROJECTION", PlaceRepository.PROJECTION, "PlaceRepository.PROJECTION", PlaceRepository.PROJECTION,
            "BUILDING_PROJECTION", CommunityRepository.BUILDING_PROJECTION,
            "CommunityRepository.BUILDING_PROJECTION", CommunityRepository.BUILDING_PROJECTION,
            "KEY_PROJECTION", ApiKeyStoreFragments.KEY_PROJECTION,
            "STORED_ROW", PlaceWriter.STORED_ROW,
            "CHANGE_PROJECTION", PlaceChangeFragments.CHANGE_PROJECTION,
            "CENTER_PROJECTION", SearchFragments.CENTER_PROJECTION);
    private static final Pattern LITERAL = Pattern.compile("\"((?:MATCH|MERGE|CREATE|UNWIND|OPTIONAL MATCH|CALL|RETURN) [^\"]*)\"");
    private static final Pattern ADMINISTRATION = Pattern.compile("^(CREATE|ALTER|DROP|SHOW) (USER|ROLE) ");
    private static final Pattern CLAUSE = Pattern.compile("^(MATCH|MERGE|CREATE|UNWIND|OPTIONAL MATCH|CALL|RETURN|WITH|SHOW) ");

    @Autowired
    Driver driver;

    @Test
    void noStatementOfTheApplicationOrItsMigrationsIsDeprecated() throws IOException {
        List<String> statements = statements();
        assertThat(statements).as("Cypher statements found").hasSizeGreaterThan(60);
        List<String> deprecated = new ArrayList<>();
        try (Session session = driver.session()) {
            for (String statement : statements) {
                for (GqlStatusObject status : session.run("EXPLAIN " + statement).consume().gqlStatusObjects()) {
                    if (isDeprecation(status)) {
                        deprecated.add(status.statusDescription() + "\n  in: " + statement);
                    }
                }
            }
        }
        assertThat(deprecated).isEmpty();
    }

    @Test
    void aDeprecatedStatementIsDetected() {
        try (Session session = driver.session()) {
            assertThat(session.run("EXPLAIN WITH 1 AS x CALL { WITH x RETURN x + 1 AS y } RETURN y").consume()
                    .gqlStatusObjects()).anyMatch(CypherDeprecationIT::isDeprecation);
        }
    }

    private static boolean isDeprecation(GqlStatusObject status) {
        return status instanceof GqlNotification n
                && n.classification().filter(NotificationClassification.DEPRECATION::equals).isPresent();
    }

    static List<String> statements() throws IOException {
        List<String> statements = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher block = TEXT_BLOCK.matcher(source);
                while (block.find()) {
                    String text = block.group(1).strip();
                    if (block.group(2) != null) {
                        assertThat(FRAGMENTS).as("fragment formatted into a query in " + file).containsKey(block.group(2));
                        text = text.replace("%s", FRAGMENTS.get(block.group(2)));
                    }
                    if (CLAUSE.matcher(text).find()) {
                        statements.add(text);
                    }
                }
                Matcher literal = LITERAL.matcher(source);
                while (literal.find()) {
                    // administration commands (users) run on the system database, where EXPLAIN does not apply
                    if (!ADMINISTRATION.matcher(literal.group(1)).find()) {
                        statements.add(literal.group(1));
                    }
                }
            }
        }
        try (Stream<Path> files = Files.list(Path.of("neo4j/migrations"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".cypher")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?m)^//.*$", "");
                for (String statement : text.split(";")) {
                    if (!statement.isBlank()) {
                        statements.add(statement.strip());
                    }
                }
            }
        }
        return statements;
    }
}
