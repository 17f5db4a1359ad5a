package com.jadecrane.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * One parameter a job takes, as its job configuration declares it (see {@link DeclaredParameters}):
 * name, type, what the job uses when it is not given, the values allowed and whether only an ADMIN
 * may set it. Values stay text in the job's parameters (the jobs read them as the console sends
 * them); the launcher checks them here before anything runs.
 * <p>
 * Dates and instants are bounded relative to the launch: a run date far ahead is how a job would
 * expire or erase now what is only due later, so those bounds are part of the declaration, not of
 * each job's reading of its parameters.
 *
 * @param min the least value: a number, or for dates and instants days (or hours) from now, may be negative
 * @param max the greatest value, in the same unit
 */
public record JobParameterSpec(String name, Type type, String defaultValue, long min, long max, boolean adminOnly,
        String description) {

    /** How a value is written and what {@code min}/{@code max} count. */
    public enum Type {
        /** "true" or "false" */
        BOOLEAN,
        /** a whole number between min and max */
        INTEGER,
        /** an ISO date, between min and max days from today */
        DATE,
        /** an ISO instant, between min and max hours from now */
        INSTANT
    }

    /** {@code dryRun}: declared only by jobs that honour it (the console's dry-run switch). */
    public static JobParameterSpec dryRun() {
        return new JobParameterSpec(DryRun.PARAMETER, Type.BOOLEAN, "false", 0, 0, false,
                "true: change and send nothing, only say what would happen");
    }

    public static JobParameterSpec integer(String name, long min, long max, String defaultValue, String description) {
        return new JobParameterSpec(name, Type.INTEGER, defaultValue, min, max, false, description);
    }

    /** A date from {@code daysBack} days before today to {@code daysAhead} days after. */
    public static JobParameterSpec date(String name, long daysBack, long daysAhead, String defaultValue,
            String description) {
        return new JobParameterSpec(name, Type.DATE, defaultValue, -daysBack, daysAhead, false, description);
    }

    /** An instant from {@code hoursBack} hours before the launch to {@code hoursAhead} hours after. */
    public static JobParameterSpec instant(String name, long hoursBack, long hoursAhead, String defaultValue,
            String description) {
        return new JobParameterSpec(name, Type.INSTANT, defaultValue, -hoursBack, hoursAhead, false, description);
    }

    /** The same parameter, settable by an ADMIN only: it changes what the job does to data. */
    public JobParameterSpec onlyAdmin() {
        return new JobParameterSpec(name, type, defaultValue, min, max, true, description);
    }

    /** Why {@code value} is refused, or null when it is fine. */
    String problem(String value, Clock clock) {
        String text = value == null ? "" : value.strip();
        return switch (type) {
            case BOOLEAN -> "true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text) ? null : "must be true or false";
            case INTEGER -> integerProblem(text);
            case DATE -> bounded(text, LocalDate::parse, "a date such as 2026-12-01", earliestDate(clock), latestDate(clock));
            case INSTANT -> bounded(text, Instant::parse, "an instant such as 2026-12-01T00:00:00Z",
                    clock.instant().plus(Duration.ofHours(min)), clock.instant().plus(Duration.ofHours(max)));
        };
    }

    /** The allowed values as the console shows them (the bounds of dates and instants as of {@code clock}). */
    String range(Clock clock) {
        return switch (type) {
            case BOOLEAN -> "true or false";
            case INTEGER -> min + " to " + max;
            case DATE -> earliestDate(clock) + " to " + latestDate(clock);
            case INSTANT -> clock.instant().plus(Duration.ofHours(min)) + " to " + clock.instant().plus(Duration.ofHours(max));
        };
    }

    private String integerProblem(String text) {
        try {
            long number = Long.parseLong(text);
            return number < min || number > max ? "must be from " + min + " to " + max : null;
        }
        catch (NumberFormatException ex) {
            return "must be a whole number from " + min + " to " + max;
        }
    }

    private static <T extends Comparable<? super T>> String bounded(String text, Function<String, T> parse, String example,
            T earliest, T latest) {
        T value;
        try {
            value = parse.apply(text);
        }
        catch (DateTimeParseException ex) {
            return "must be " + example;
        }
        return value.compareTo(earliest) < 0 || value.compareTo(latest) > 0 ? "must be from " + earliest + " to " + latest : null;
    }

    /** Days count from today in UTC, the zone the retention job counts its run date in. */
    private LocalDate latestDate(Clock clock) {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(max);
    }

    private LocalDate earliestDate(Clock clock) {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(min);
    }
}
