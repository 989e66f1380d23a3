package cn.nantong.livingcircle.hours;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How opening hours are read.
 *
 * @param timeZone       the zone the places' hours are written in; an {@code openAt} instant is read as this zone's
 *                       local time
 * @param publicHolidays the dates on which {@code PH} rules apply (ISO dates, e.g. {@code 2026-10-01}); none by
 *                       default, so {@code PH} rules never apply until the city's calendar is configured
 */
@ConfigurationProperties("circle.opening-hours")
public record OpeningHoursProperties(@DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue({}) List<LocalDate> publicHolidays) {
}
