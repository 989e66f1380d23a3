package cn.nantong.livingcircle.analytics;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.nantong.livingcircle.system.Neo4jSessions;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the living-circle programme records (synthetic for the demo, see {@code neo4j/data/programme/README.md})
 * when none exist: after the demo import (order 10), so their communities exist, and before the network warm-up
 * (order 20). One transaction, parameterised {@code UNWIND}; rows whose community or circle is missing are skipped
 * by the {@code MATCH}. Programme records are not part of the walkway data, so the data version is not touched.
 */
@Component
@Order(15)
class ProgrammeDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeDataLoader.class);

    private final Neo4jSessions sessions;
    private final ResourceLoader resources;
    private final ProgrammeProperties properties;

    ProgrammeDataLoader(Neo4jSessions sessions, ResourceLoader resources, ProgrammeProperties properties) {
        this.sessions = sessions;
        this.resources = resources;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.loadOnEmpty()) {
            return;
        }
        try (Session session = sessions.write()) {
            boolean present = session.executeRead(tx -> tx.run("MATCH (lc:LivingCircle) RETURN count(lc) > 0 AS found")
                    .single().get("found").asBoolean());
            if (present) {
                return;
            }
            String base = properties.location().endsWith("/") ? properties.location() : properties.location() + "/";
            List<Map<String, Object>> circles = read(base + "living_circles.csv", r -> Map.of("id", r.get("id"),
                    "communityId", r.get("community_id"), "name", r.get("name"),
                    "pilotBatch", Integer.parseInt(r.get("pilot_batch")), "year", Integer.parseInt(r.get("year")),
                    "work", r.get("work")));
            List<Map<String, Object>> surveys = read(base + "satisfaction_surveys.csv", r -> Map.of("id",
                    r.get("id"), "circleId", r.get("circle_id"), "surveyedOn", r.get("surveyed_on"),
                    "sampleSize", Integer.parseInt(r.get("sample_size")),
                    "satisfiedPercent", Double.parseDouble(r.get("satisfied_percent"))));
            long written = session.executeWrite(tx -> {
                long n = tx.run("""
                        MATCH (g:Generation {state: 'ACTIVE'})
                        UNWIND $rows AS r
                        MATCH (c:Community {id: r.communityId, generation: g.number})
                        MERGE (lc:LivingCircle {id: r.id})
                        SET lc.name = r.name, lc.pilotBatch = r.pilotBatch, lc.year = r.year, lc.work = r.work,
                            lc.synthetic = true
                        MERGE (lc)-[:SERVES]->(c)
                        RETURN count(lc) AS n
                        """, Map.of("rows", circles)).single().get("n").asLong();
                tx.run("""
                        UNWIND $rows AS r
                        MATCH (lc:LivingCircle {id: r.circleId})
                        MERGE (s:SatisfactionSurvey {id: r.id})
                        SET s.surveyedOn = date(r.surveyedOn), s.sampleSize = r.sampleSize,
                            s.satisfiedPercent = r.satisfiedPercent, s.synthetic = true
                        MERGE (s)-[:SURVEYS]->(lc)
                        """, Map.of("rows", surveys)).consume();
                return n;
            });
            log.info("Loaded {} living circles (synthetic programme data) from {}", written, base);
        }
    }

    private List<Map<String, Object>> read(String location, java.util.function.Function<CSVRecord,
            Map<String, Object>> row) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            log.info("No programme file at {}; nothing loaded", location);
            return List.of();
        }
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                rows.add(row.apply(r));
            }
            return rows;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read programme file " + location + ": " + e.getMessage(), e);
        }
    }
}
