package cn.nantong.livingcircle.hours;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ch.poole.openinghoursparser.DateRange;
import ch.poole.openinghoursparser.DateWithOffset;
import ch.poole.openinghoursparser.Holiday;
import ch.poole.openinghoursparser.Month;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.RuleModifier;
import ch.poole.openinghoursparser.TimeSpan;
import ch.poole.openinghoursparser.WeekDayRange;
import ch.poole.openinghoursparser.YearRange;

/**
 * An OSM {@code opening_hours} value, parsed by Simon Poole's {@code OpeningHoursParser} and evaluated here (no
 * evaluator for its rules is published on Maven Central). Immutable and thread-safe.
 *
 * <h2>What is evaluated</h2>
 * Each calendar day is evaluated on its own, rule by rule, in the order written:
 * <ul>
 *   <li>A normal rule ({@code ;}) that applies to the day replaces what earlier rules said about it; an additional
 *       rule ({@code ,}) adds its times; a fallback rule ({@code ||}) applies only when no earlier rule did.</li>
 *   <li>A rule applies when its weekdays ({@code Mo-Fr}), public holidays ({@code PH}: the dates configured in
 *       {@code circle.opening-hours.public-holidays}), months or month-day ranges ({@code Jan-Mar},
 *       {@code Dec 24-26}) and years ({@code 2026}) all match; a selector it does not name matches every day.</li>
 *   <li>Times {@code 08:00-18:00}; several per rule; ending before they start or after 24:00 means overnight
 *       ({@code 22:00-02:00} = {@code 22:00-26:00}): the hours after midnight belong to the next morning, whatever
 *       the next day's own rules say. No times means the whole day. {@code 24/7} is always open.</li>
 *   <li>{@code off} or {@code closed}: without times the day is closed; with times only those times are.
 *       {@code unknown} makes the day's state unknown.</li>
 * </ul>
 * Anything else the grammar allows (week numbers, nth weekdays, school holidays, sunrise/sunset, open ends
 * {@code 18:00+}, easter, day offsets, intervals) is not evaluated: the whole value's state is then
 * {@link Status#UNKNOWN}, as it is for a value that does not parse or is empty. So a place is never called open or
 * closed on a guess.
 */
public final class OpeningHours {

    /** The state of a place at one moment. */
    public enum Status {
        OPEN, CLOSED, UNKNOWN
    }

    /** How far ahead {@link #nextChange} looks. */
    public static final int LOOKAHEAD_DAYS = 8;

    private static final int DAY_MINUTES = 24 * 60;
    private static final OpeningHours UNKNOWN = new OpeningHours(null, List.of());

    private final String text;
    private final List<Rule> rules;

    private OpeningHours(String text, List<Rule> rules) {
        this.text = text;
        this.rules = rules;
    }

    /** The parsed value; a null, blank, unparseable or not evaluable value is {@link Status#UNKNOWN} at every moment. */
    public static OpeningHours parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        try {
            List<Rule> rules = new OpeningHoursParser(new ByteArrayInputStream(text.strip()
                    .getBytes(StandardCharsets.UTF_8))).rules(false);
            OpeningHours parsed = new OpeningHours(text, List.copyOf(rules));
            parsed.checkEvaluable();
            return rules.isEmpty() ? UNKNOWN : parsed;
        } catch (Exception | Error e) {
            // ParseException, TokenMgrError (an Error) and NotEvaluable all mean: we cannot tell
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return UNKNOWN;
        }
    }

    /** Whether the value can be evaluated at all (else every moment is {@link Status#UNKNOWN}). */
    public boolean known() {
        return !rules.isEmpty();
    }

    /** The value as written, null when there was none. */
    public String text() {
        return text;
    }

    /** Open, closed or unknown at a local date and time of the place's time zone. */
    public Status statusAt(LocalDateTime time, Set<LocalDate> publicHolidays) {
        if (!known()) {
            return Status.UNKNOWN;
        }
        LocalDate date = time.toLocalDate();
        int minute = time.getHour() * 60 + time.getMinute();
        Day today = day(date, publicHolidays);
        Day yesterday = day(date.minusDays(1), publicHolidays);
        if (yesterday.spillsInto(minute)) {
            return Status.OPEN;
        }
        if (today.unknown()) {
            return Status.UNKNOWN;
        }
        return today.contains(minute) ? Status.OPEN : Status.CLOSED;
    }

    /**
     * The first moment after {@code time} (to the minute) at which the place opens or closes, within
     * {@link #LOOKAHEAD_DAYS} days; empty when the state is unknown or does not change in that time (24/7, or never
     * open).
     */
    public Optional<LocalDateTime> nextChange(LocalDateTime time, Set<LocalDate> publicHolidays) {
        Status now = statusAt(time, publicHolidays);
        if (now == Status.UNKNOWN) {
            return Optional.empty();
        }
        LocalDate first = time.toLocalDate().minusDays(1);
        List<long[]> open = new ArrayList<>();
        long horizon = (long) (LOOKAHEAD_DAYS + 1) * DAY_MINUTES;
        for (int d = 0; d <= LOOKAHEAD_DAYS; d++) {
            Day day = day(first.plusDays(d), publicHolidays);
            if (day.unknown()) {
                horizon = (long) d * DAY_MINUTES; // nothing is known from that day on
                break;
            }
            for (int[] span : day.spans()) {
                open.add(new long[] {(long) d * DAY_MINUTES + span[0], (long) d * DAY_MINUTES + span[1]});
            }
        }
        List<long[]> merged = merge(open);
        long t = DAY_MINUTES + time.getHour() * 60L + time.getMinute();
        for (long[] span : merged) {
            if (now == Status.OPEN && span[0] <= t && t < span[1]) {
                return span[1] < horizon ? Optional.of(at(first, span[1])) : Optional.empty();
            }
            if (now == Status.CLOSED && span[0] > t) {
                return span[0] < horizon ? Optional.of(at(first, span[0])) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static LocalDateTime at(LocalDate first, long minutes) {
        return first.atStartOfDay().plusMinutes(minutes);
    }

    private static List<long[]> merge(List<long[]> spans) {
        spans.sort(Comparator.comparingLong(s -> s[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] s : spans) {
            if (!merged.isEmpty() && s[0] <= merged.get(merged.size() - 1)[1]) {
                long[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(s.clone());
            }
        }
        return merged;
    }

    /** One day's open spans in minutes from its midnight (an end past 1440 runs into the next day), or unknown. */
    private record Day(List<int[]> spans, boolean unknown) {

        boolean contains(int minute) {
            for (int[] s : spans) {
                if (s[0] <= minute && minute < s[1]) {
                    return true;
                }
            }
            return false;
        }

        boolean spillsInto(int minuteOfNextDay) {
            for (int[] s : spans) {
                if (s[1] > DAY_MINUTES && minuteOfNextDay < s[1] - DAY_MINUTES
                        && minuteOfNextDay >= Math.max(0, s[0] - DAY_MINUTES)) {
                    return true;
                }
            }
            return false;
        }
    }

    private Day day(LocalDate date, Set<LocalDate> publicHolidays) {
        List<int[]> spans = new ArrayList<>();
        boolean applied = false;
        for (Rule rule : rules) {
            if (rule.isFallBack() && applied) {
                continue;
            }
            if (!applies(rule, date, publicHolidays)) {
                continue;
            }
            RuleModifier.Modifier modifier = rule.getModifier() == null || rule.getModifier().getModifier() == null
                    ? RuleModifier.Modifier.OPEN : rule.getModifier().getModifier();
            if (modifier == RuleModifier.Modifier.UNKNOWN) {
                return new Day(List.of(), true);
            }
            boolean closes = modifier == RuleModifier.Modifier.OFF || modifier == RuleModifier.Modifier.CLOSED;
            List<int[]> times = times(rule);
            if (closes) {
                spans = rule.getTimes() == null || rule.getTimes().isEmpty() ? new ArrayList<>()
                        : subtract(spans, times);
            } else if (rule.isAdditive()) {
                spans.addAll(times);
            } else {
                spans = new ArrayList<>(times);
            }
            applied = true;
        }
        return new Day(spans, false);
    }

    private static List<int[]> times(Rule rule) {
        if (rule.isTwentyfourseven() || rule.getTimes() == null || rule.getTimes().isEmpty()) {
            return List.of(new int[] {0, DAY_MINUTES});
        }
        List<int[]> times = new ArrayList<>();
        for (TimeSpan span : rule.getTimes()) {
            int start = span.getStart();
            int end = span.getEnd();
            times.add(new int[] {start, end <= start ? end + DAY_MINUTES : end});
        }
        return times;
    }

    private static List<int[]> subtract(List<int[]> spans, List<int[]> removed) {
        List<int[]> result = new ArrayList<>(spans);
        for (int[] r : removed) {
            List<int[]> next = new ArrayList<>();
            for (int[] s : result) {
                if (r[1] <= s[0] || r[0] >= s[1]) {
                    next.add(s);
                    continue;
                }
                if (s[0] < r[0]) {
                    next.add(new int[] {s[0], r[0]});
                }
                if (r[1] < s[1]) {
                    next.add(new int[] {r[1], s[1]});
                }
            }
            result = next;
        }
        return result;
    }

    private static boolean applies(Rule rule, LocalDate date, Set<LocalDate> publicHolidays) {
        if (rule.isTwentyfourseven() && isEmpty(rule.getDays()) && isEmpty(rule.getHolidays())
                && isEmpty(rule.getDates()) && isEmpty(rule.getYears())) {
            return true;
        }
        if (!isEmpty(rule.getYears())) {
            boolean any = false;
            for (YearRange years : rule.getYears()) {
                int end = years.getEndYear() == YearRange.UNDEFINED_YEAR ? years.getStartYear() : years.getEndYear();
                any |= date.getYear() >= years.getStartYear() && date.getYear() <= end;
            }
            if (!any) {
                return false;
            }
        }
        if (!isEmpty(rule.getDates())) {
            boolean any = false;
            for (DateRange range : rule.getDates()) {
                any |= inDateRange(range, date);
            }
            if (!any) {
                return false;
            }
        }
        boolean days = !isEmpty(rule.getDays());
        boolean holidays = !isEmpty(rule.getHolidays());
        if (!days && !holidays) {
            return true;
        }
        if (days) {
            for (WeekDayRange range : rule.getDays()) {
                int from = range.getStartDay().ordinal();
                int to = range.getEndDay() == null ? from : range.getEndDay().ordinal();
                int day = date.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
                // Fr-Mo wraps past Sunday
                if (from <= to ? day >= from && day <= to : day >= from || day <= to) {
                    return true;
                }
            }
        }
        return holidays && publicHolidays.contains(date);
    }

    private static boolean inDateRange(DateRange range, LocalDate date) {
        DateWithOffset start = range.getStartDate();
        DateWithOffset end = range.getEndDate();
        int from = monthDay(start, start.getMonth(), true);
        int to = end == null ? (start.undefinedDay() ? monthDay(start, start.getMonth(), false) : from)
                // "Dec 24-26": the end names only its day, in the start's month
                : monthDay(end, end.getMonth() == null ? start.getMonth() : end.getMonth(), false);
        int day = date.getMonthValue() * 100 + date.getDayOfMonth();
        return from <= to ? day >= from && day <= to : day >= from || day <= to;
    }

    /** {@code month * 100 + day}; a month without a day is its first or last day. */
    private static int monthDay(DateWithOffset date, Month monthOfDate, boolean start) {
        int month = monthOfDate.ordinal() + 1;
        if (date.undefinedDay()) {
            return month * 100 + (start ? 1 : 31);
        }
        return month * 100 + date.getDay();
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    /** Throws {@link NotEvaluable} if a rule uses a part of the grammar this class does not evaluate. */
    private void checkEvaluable() {
        for (Rule rule : rules) {
            if (!isEmpty(rule.getWeeks())) {
                throw new NotEvaluable();
            }
            for (YearRange years : nonNull(rule.getYears())) {
                if (years.getInterval() > 0) {
                    throw new NotEvaluable();
                }
            }
            for (DateRange range : nonNull(rule.getDates())) {
                if (range.getInterval() > 0 || range.getStartDate().getMonth() == null
                        || !simpleDate(range.getStartDate())
                        || (range.getEndDate() != null && !simpleDate(range.getEndDate()))) {
                    throw new NotEvaluable();
                }
            }
            for (Holiday holiday : nonNull(rule.getHolidays())) {
                if (holiday.getType() != Holiday.Type.PH) {
                    throw new NotEvaluable();
                }
            }
            for (WeekDayRange range : nonNull(rule.getDays())) {
                if (!isEmpty(range.getNths())) {
                    throw new NotEvaluable();
                }
            }
            for (TimeSpan span : nonNull(rule.getTimes())) {
                if (span.getStartEvent() != null || span.getEndEvent() != null || span.isOpenEnded()
                        || span.getInterval() > 0 || span.getEnd() == TimeSpan.UNDEFINED_TIME) {
                    throw new NotEvaluable();
                }
            }
            if (rule.isEmpty() && rule.getModifier() == null && !rule.isTwentyfourseven()) {
                throw new NotEvaluable(); // only a comment
            }
        }
    }

    private static boolean simpleDate(DateWithOffset date) {
        return date.getVarDate() == null && date.getNthWeekDay() == null
                && date.getWeekDayOffset() == null && date.getDayOffset() == 0 && !date.isOpenEnded()
                && date.undefinedYear();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static final class NotEvaluable extends RuntimeException {
        NotEvaluable() {
            super(null, null, false, false);
        }
    }
}
