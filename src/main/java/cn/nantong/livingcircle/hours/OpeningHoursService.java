package cn.nantong.livingcircle.hours;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.nantong.livingcircle.engine.CityNetwork;
import cn.nantong.livingcircle.hours.OpeningHours.Status;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Service;

/**
 * Opening hours at a moment: the places' {@code opening_hours} values read in the city's time zone
 * ({@code circle.opening-hours.time-zone}) with its public holidays. Parsed values are cached by their text: a city
 * has a few hundred distinct values, and parsing one costs far more than evaluating it.
 */
@Service
public class OpeningHoursService {

    private static final int MAX_PARSED = 20_000;

    private final ZoneId zone;
    private final Set<LocalDate> publicHolidays;
    private final Cache<String, OpeningHours> parsed = Caffeine.newBuilder().maximumSize(MAX_PARSED).build();

    OpeningHoursService(OpeningHoursProperties properties) {
        this.zone = properties.timeZone();
        this.publicHolidays = Set.copyOf(properties.publicHolidays());
    }

    /** Open, closed or unknown (no hours, or hours we cannot evaluate) at {@code at}. */
    public Status statusAt(String openingHours, OffsetDateTime at) {
        return hours(openingHours).statusAt(local(at), publicHolidays);
    }

    /** The next opening or closing after {@code after}, in the city's offset at that moment; empty when unknown. */
    public Optional<OffsetDateTime> nextChange(String openingHours, OffsetDateTime after) {
        return hours(openingHours).nextChange(local(after), publicHolidays)
                .map(t -> t.atZone(zone).toOffsetDateTime());
    }

    /** Place index → whether it is known to be open at {@code at}; each distinct value is evaluated once. */
    public boolean[] openAt(CityNetwork city, OffsetDateTime at) {
        LocalDateTime local = local(at);
        String[] hours = city.placeOpeningHours();
        boolean[] open = new boolean[hours.length];
        Map<String, Boolean> evaluated = new HashMap<>();
        for (int p = 0; p < hours.length; p++) {
            String value = hours[p];
            if (value != null) {
                open[p] = evaluated.computeIfAbsent(value,
                        v -> hours(v).statusAt(local, publicHolidays) == Status.OPEN);
            }
        }
        return open;
    }

    /** The current moment, for fields asked without a time. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(zone);
    }

    private LocalDateTime local(OffsetDateTime at) {
        return at.atZoneSameInstant(zone).toLocalDateTime();
    }

    private OpeningHours hours(String openingHours) {
        return openingHours == null ? OpeningHours.parse(null) : parsed.get(openingHours, OpeningHours::parse);
    }
}
