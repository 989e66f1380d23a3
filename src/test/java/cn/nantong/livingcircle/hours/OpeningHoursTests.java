package cn.nantong.livingcircle.hours;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;

import cn.nantong.livingcircle.hours.OpeningHours.Status;
import org.junit.jupiter.api.Test;

import static cn.nantong.livingcircle.hours.OpeningHours.Status.CLOSED;
import static cn.nantong.livingcircle.hours.OpeningHours.Status.OPEN;
import static cn.nantong.livingcircle.hours.OpeningHours.Status.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-written opening hours. 2026-12-02 is a Wednesday; the public holidays of these cases are 2026-12-25 (a
 * Friday) and 2027-01-01 (a Friday).
 */
class OpeningHoursTests {

    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1));

    private static Status at(String hours, String time) {
        return OpeningHours.parse(hours).statusAt(LocalDateTime.parse(time), HOLIDAYS);
    }

    private static Optional<LocalDateTime> next(String hours, String time) {
        return OpeningHours.parse(hours).nextChange(LocalDateTime.parse(time), HOLIDAYS);
    }

    @Test
    void aPlainDailySpanIsOpenFromItsStartUpToButNotIncludingItsEnd() {
        assertThat(at("08:00-21:00", "2026-12-02T07:59")).isEqualTo(CLOSED);
        assertThat(at("08:00-21:00", "2026-12-02T08:00")).isEqualTo(OPEN);
        assertThat(at("08:00-21:00", "2026-12-02T20:59")).isEqualTo(OPEN);
        assertThat(at("08:00-21:00", "2026-12-02T21:00")).isEqualTo(CLOSED);
        assertThat(next("08:00-21:00", "2026-12-02T12:00")).contains(LocalDateTime.parse("2026-12-02T21:00"));
        assertThat(next("08:00-21:00", "2026-12-02T22:00")).contains(LocalDateTime.parse("2026-12-03T08:00"));
    }

    @Test
    void overnightHoursRunIntoTheNextMorning() {
        // the demo's late-night snack bars: 16:00-02:00
        assertThat(at("16:00-02:00", "2026-12-02T23:30")).isEqualTo(OPEN);
        assertThat(at("16:00-02:00", "2026-12-03T01:59")).isEqualTo(OPEN);
        assertThat(at("16:00-02:00", "2026-12-03T02:00")).isEqualTo(CLOSED);
        assertThat(at("16:00-02:00", "2026-12-03T15:00")).isEqualTo(CLOSED);
        assertThat(next("16:00-02:00", "2026-12-02T23:30")).contains(LocalDateTime.parse("2026-12-03T02:00"));
        // written past midnight, the same
        assertThat(at("Fr 18:00-26:00", "2026-12-05T01:00")).isEqualTo(OPEN);
        assertThat(at("Fr 18:00-26:00", "2026-12-06T01:00")).isEqualTo(CLOSED);
        // the morning after a Friday night belongs to Friday, whatever Saturday's rule says
        assertThat(at("Fr 20:00-03:00; Sa off", "2026-12-05T02:30")).isEqualTo(OPEN);
        assertThat(at("Fr 20:00-03:00; Sa off", "2026-12-05T12:00")).isEqualTo(CLOSED);
    }

    @Test
    void roundTheClockNeverChanges() {
        for (String always : new String[] {"24/7", "00:00-24:00", "Mo-Su 00:00-24:00"}) {
            assertThat(at(always, "2026-12-02T03:00")).as(always).isEqualTo(OPEN);
            assertThat(at(always, "2026-12-06T23:59")).as(always).isEqualTo(OPEN);
            assertThat(next(always, "2026-12-02T03:00")).as(always).isEmpty();
        }
    }

    @Test
    void weekdaysOffAndLaterRulesReplaceEarlierOnesForTheirDays() {
        String hours = "Mo-Sa 09:00-20:00; Su off";
        assertThat(at(hours, "2026-12-05T10:00")).isEqualTo(OPEN); // Saturday
        assertThat(at(hours, "2026-12-06T10:00")).isEqualTo(CLOSED); // Sunday
        assertThat(next(hours, "2026-12-05T21:00")).contains(LocalDateTime.parse("2026-12-07T09:00"));
        String override = "Mo-Fr 08:00-18:00; We 10:00-12:00";
        assertThat(at(override, "2026-12-02T09:00")).isEqualTo(CLOSED);
        assertThat(at(override, "2026-12-02T11:00")).isEqualTo(OPEN);
        assertThat(at(override, "2026-12-03T09:00")).isEqualTo(OPEN);
        // a range across the end of the week
        assertThat(at("Fr-Mo 10:00-16:00", "2026-12-06T11:00")).isEqualTo(OPEN);
        assertThat(at("Fr-Mo 10:00-16:00", "2026-12-02T11:00")).isEqualTo(CLOSED);
    }

    @Test
    void offWithTimesClosesOnlyThoseTimesAndSplitHoursHaveALunchBreak() {
        String lunch = "Mo-Fr 08:00-18:00; Mo-Fr 12:00-13:30 off";
        assertThat(at(lunch, "2026-12-02T12:30")).isEqualTo(CLOSED);
        assertThat(at(lunch, "2026-12-02T14:00")).isEqualTo(OPEN);
        assertThat(next(lunch, "2026-12-02T11:00")).contains(LocalDateTime.parse("2026-12-02T12:00"));
        assertThat(next(lunch, "2026-12-02T12:30")).contains(LocalDateTime.parse("2026-12-02T13:30"));
        String split = "Mo-Fr 08:30-11:30,14:00-17:30";
        assertThat(at(split, "2026-12-02T12:00")).isEqualTo(CLOSED);
        assertThat(at(split, "2026-12-02T15:00")).isEqualTo(OPEN);
    }

    @Test
    void publicHolidaysAreTheConfiguredDates() {
        String hours = "Mo-Fr 08:00-17:00; PH off";
        assertThat(at(hours, "2026-12-25T10:00")).isEqualTo(CLOSED); // a Friday, and a configured holiday
        assertThat(at(hours, "2026-12-18T10:00")).isEqualTo(OPEN); // the Friday before
        assertThat(next(hours, "2026-12-24T18:00")).contains(LocalDateTime.parse("2026-12-28T08:00"));
        assertThat(at("Sa,PH 09:00-12:00", "2027-01-01T10:00")).isEqualTo(OPEN);
        assertThat(at("Sa,PH 09:00-12:00", "2026-12-31T10:00")).isEqualTo(CLOSED);
    }

    @Test
    void additionalAndFallbackRules() {
        String additional = "Mo-Fr 08:00-12:00, We 14:00-18:00";
        assertThat(at(additional, "2026-12-02T09:00")).isEqualTo(OPEN);
        assertThat(at(additional, "2026-12-02T15:00")).isEqualTo(OPEN);
        assertThat(at(additional, "2026-12-03T15:00")).isEqualTo(CLOSED);
        String fallback = "Mo-Fr 09:00-17:00 || Sa 10:00-12:00";
        assertThat(at(fallback, "2026-12-05T11:00")).isEqualTo(OPEN);
        assertThat(at(fallback, "2026-12-02T11:00")).isEqualTo(OPEN);
    }

    @Test
    void monthsAndYearsSelectTheirDays() {
        String winter = "Nov-Feb 09:00-17:00; Mar-Oct 08:00-20:00";
        assertThat(at(winter, "2026-12-02T18:00")).isEqualTo(CLOSED);
        assertThat(at(winter, "2026-07-01T18:00")).isEqualTo(OPEN);
        assertThat(at("Dec 24-26 off; 10:00-18:00", "2026-12-25T12:00")).isEqualTo(OPEN); // the later rule wins
        assertThat(at("10:00-18:00; Dec 24-26 off", "2026-12-25T12:00")).isEqualTo(CLOSED);
        assertThat(at("2026 10:00-18:00", "2027-01-04T12:00")).isEqualTo(CLOSED);
    }

    @Test
    void whatIsNotWrittenOrNotEvaluableIsUnknownNeverAGuess() {
        for (String unknown : new String[] {null, "", "  ", "by appointment", "sunrise-sunset", "Mo-Fr 18:00+",
                "week 01-10 Mo 10:00-12:00", "SH off", "Mo[1] 10:00-12:00", "easter off", "not-hours 99:99"}) {
            assertThat(OpeningHours.parse(unknown).known()).as(unknown).isFalse();
            assertThat(at(unknown, "2026-12-02T10:00")).as(unknown).isEqualTo(UNKNOWN);
            assertThat(next(unknown, "2026-12-02T10:00")).as(unknown).isEmpty();
        }
        assertThat(at("Mo-Fr 08:00-18:00; We unknown", "2026-12-02T10:00")).isEqualTo(UNKNOWN);
        assertThat(at("Mo-Fr 08:00-18:00; We unknown", "2026-12-03T10:00")).isEqualTo(OPEN);
        // the change after Tuesday's close is not known: Wednesday is unknown
        assertThat(next("Mo-Fr 08:00-18:00; We unknown", "2026-12-01T19:00")).isEmpty();
    }

    @Test
    void aPlaceThatNeverOpensWithinTheLookaheadHasNoNextChange() {
        assertThat(at("off", "2026-12-02T10:00")).isEqualTo(CLOSED);
        assertThat(next("off", "2026-12-02T10:00")).isEmpty();
    }
}
