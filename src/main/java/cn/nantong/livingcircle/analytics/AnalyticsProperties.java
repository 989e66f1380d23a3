package cn.nantong.livingcircle.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Analytics settings.
 *
 * @param missingResidentSharePercent a basic category is listed as missing in {@code coverage} when more than this
 *                                    percentage of the community's residents do not reach it within its target
 * @param maxMinutes                  largest {@code minutes} accepted by {@code gaps} ({@code siteSuggestions} is
 *                                    bounded by the walking horizon instead, like {@code reachable})
 * @param maxHypotheticalPlaces       largest number of places {@code whatIf} accepts in {@code add}
 * @param maxSuggestions              largest {@code count} of {@code siteSuggestions}
 * @param maxLivableCategories        most distinct categories {@code livableBuildings} accepts
 */
@ConfigurationProperties("circle.analytics")
record AnalyticsProperties(@DefaultValue("20") double missingResidentSharePercent,
        @DefaultValue("60") int maxMinutes, @DefaultValue("50") int maxHypotheticalPlaces,
        @DefaultValue("20") int maxSuggestions, @DefaultValue("10") int maxLivableCategories) {
}
