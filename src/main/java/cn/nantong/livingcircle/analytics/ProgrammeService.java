package cn.nantong.livingcircle.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.engine.coverage.CoverageMath;
import cn.nantong.livingcircle.system.Neo4jSessions;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Living circles (便民生活圈), their satisfaction surveys, and progress against the city's targets (25 circles a
 * year, 100 by 2025, 90 % of residents satisfied). A circle meets the satisfaction target when its latest survey
 * does. Programme records are few (one per community), so they are read per request, not cached.
 */
@Service
class ProgrammeService {

    private final Neo4jSessions sessions;
    private final ProgrammeProperties properties;

    ProgrammeService(Neo4jSessions sessions, ProgrammeProperties properties) {
        this.sessions = sessions;
        this.properties = properties;
    }

    record LivingCircle(String id, String name, String communityId, int pilotBatch, int year, String work,
            boolean synthetic, List<SatisfactionSurvey> surveys, Double latestSatisfiedPercent,
            boolean meetsSatisfactionTarget) {
    }

    record SatisfactionSurvey(String surveyedOn, int sampleSize, double satisfiedPercent) {
    }

    record YearProgress(int year, int built, int target, int cumulativeBuilt, int cumulativeTarget) {
    }

    record ProgrammeProgress(int targetCircles, int targetYear, int targetPerYear, double satisfactionTargetPercent,
            int circlesBuilt, List<YearProgress> byYear, int surveyedCircles, int circlesAtSatisfactionTarget,
            double shareAtSatisfactionTargetPercent, boolean synthetic) {
    }

    Map<String, LivingCircle> byCommunity(Collection<String> communityIds) {
        return circles(List.copyOf(communityIds)).stream()
                .collect(Collectors.toMap(LivingCircle::communityId, Function.identity(), (a, b) -> a));
    }

    ProgrammeProgress progress() {
        List<LivingCircle> circles = circles(null);
        Map<Integer, Integer> builtByYear = new TreeMap<>();
        for (LivingCircle c : circles) {
            builtByYear.merge(c.year(), 1, Integer::sum);
        }
        int first = Math.min(properties.startYear(), builtByYear.isEmpty() ? properties.startYear()
                : ((TreeMap<Integer, Integer>) builtByYear).firstKey());
        int last = Math.max(properties.targetYear(), builtByYear.isEmpty() ? properties.targetYear()
                : ((TreeMap<Integer, Integer>) builtByYear).lastKey());
        List<YearProgress> years = new ArrayList<>();
        int cumulative = 0;
        int cumulativeTarget = 0;
        for (int year = first; year <= last; year++) {
            int built = builtByYear.getOrDefault(year, 0);
            int target = year >= properties.startYear() && year <= properties.targetYear()
                    ? Math.min(properties.targetPerYear(), properties.targetCircles() - cumulativeTarget) : 0;
            cumulative += built;
            cumulativeTarget += target;
            years.add(new YearProgress(year, built, target, cumulative, cumulativeTarget));
        }
        int surveyed = (int) circles.stream().filter(c -> c.latestSatisfiedPercent() != null).count();
        int atTarget = (int) circles.stream().filter(LivingCircle::meetsSatisfactionTarget).count();
        return new ProgrammeProgress(properties.targetCircles(), properties.targetYear(), properties.targetPerYear(),
                properties.satisfactionTargetPercent(), circles.size(), years, surveyed, atTarget,
                CoverageMath.round2(CoverageMath.percent(atTarget, surveyed)),
                circles.stream().anyMatch(LivingCircle::synthetic));
    }

    /** Circles with their surveys (oldest first); {@code communityIds} null means all. */
    private List<LivingCircle> circles(List<String> communityIds) {
        try (Session session = sessions.read()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (lc:LivingCircle)-[:SERVES]->(c:Community)
                    WHERE $ids IS NULL OR c.id IN $ids
                    OPTIONAL MATCH (s:SatisfactionSurvey)-[:SURVEYS]->(lc)
                    WITH lc, c, s ORDER BY s.surveyedOn
                    RETURN lc.id AS id, lc.name AS name, c.id AS communityId, lc.pilotBatch AS pilotBatch,
                           lc.year AS year, lc.work AS work, coalesce(lc.synthetic, false) AS synthetic,
                           collect(s {.sampleSize, .satisfiedPercent, surveyedOn: toString(s.surveyedOn)}) AS surveys
                    ORDER BY id
                    """, Map.of("ids", communityIds == null ? org.neo4j.driver.Values.NULL
                    : org.neo4j.driver.Values.value(communityIds))).list(r -> {
                List<SatisfactionSurvey> surveys = r.get("surveys").asList((Value v) -> new SatisfactionSurvey(
                        v.get("surveyedOn").asString(), v.get("sampleSize").asInt(),
                        v.get("satisfiedPercent").asDouble()));
                Double latest = surveys.isEmpty() ? null : surveys.get(surveys.size() - 1).satisfiedPercent();
                return new LivingCircle(r.get("id").asString(), r.get("name").asString(),
                        r.get("communityId").asString(), r.get("pilotBatch").asInt(), r.get("year").asInt(),
                        r.get("work").asString(), r.get("synthetic").asBoolean(), surveys, latest,
                        latest != null && latest >= properties.satisfactionTargetPercent());
            }));
        }
    }
}
