package cn.nantong.livingcircle.hours;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The opening-hours settings bind as the README's configuration table writes them. */
class OpeningHoursPropertiesTests {

    @Test
    void publicHolidaysAreCommaSeparatedIsoDatesAndTheZoneAnIanaName() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "circle.opening-hours.public-holidays", "2026-10-01,2026-10-02",
                "circle.opening-hours.time-zone", "Asia/Urumqi")));

        OpeningHoursProperties properties = binder.bind("circle.opening-hours", OpeningHoursProperties.class).get();

        assertThat(properties.publicHolidays()).containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2));
        assertThat(properties.timeZone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
    }

    @Test
    void withNothingSetTheCityIsInShanghaiWithoutPublicHolidays() {
        OpeningHoursProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("circle.opening-hours", OpeningHoursProperties.class);

        assertThat(properties.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(properties.publicHolidays()).isEmpty();
    }
}
