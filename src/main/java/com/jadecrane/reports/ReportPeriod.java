package com.jadecrane.reports;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** Days {@code start} to {@code end}, both inclusive, in the reports' zone. */
record ReportPeriod(LocalDate start, LocalDate end) {

    /** Bounds that hold every row ever written, for the "all time" figures. */
    static final OffsetDateTime BEGINNING = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final OffsetDateTime END_OF_TIME = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /** The last full Monday-Sunday week before today. */
    static ReportPeriod lastFullWeek(Clock clock, ZoneId zone) {
        LocalDate monday = LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
        return new ReportPeriod(monday, monday.plusDays(6));
    }

    static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The first instant of the period. */
    OffsetDateTime from(ZoneId zone) {
        return start.atStartOfDay(zone).toOffsetDateTime();
    }

    /** The first instant after the period. */
    OffsetDateTime until(ZoneId zone) {
        return end.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }
}
