package cn.nantong.livingcircle.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Programme tracking settings: where the living-circle records come from and the city's targets.
 *
 * @param loadOnEmpty                load {@code location} at start-up when no living circle exists yet
 * @param location                   directory URL of {@code living_circles.csv} and {@code satisfaction_surveys.csv}
 * @param targetCircles              living circles to build by {@code targetYear} (100)
 * @param targetYear                 year by which the target is due (2025)
 * @param targetPerYear              circles per year (25), so the programme starts in
 *                                   {@code targetYear - targetCircles / targetPerYear + 1}
 * @param satisfactionTargetPercent  resident satisfaction a circle should reach (90 %)
 */
@ConfigurationProperties("circle.programme")
record ProgrammeProperties(@DefaultValue("true") boolean loadOnEmpty,
        @DefaultValue("classpath:neo4j/data/programme/") String location, @DefaultValue("100") int targetCircles,
        @DefaultValue("2025") int targetYear, @DefaultValue("25") int targetPerYear,
        @DefaultValue("90") double satisfactionTargetPercent) {

    int startYear() {
        return targetYear - (targetCircles + targetPerYear - 1) / targetPerYear + 1;
    }
}
