package com.jadecrane.windows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the windows API; the rules Bean Validation cannot express live in {@link WindowRules}. */
final class WindowForms {

    private WindowForms() {
    }

    /** What every window has, whether made alone or in a series. */
    interface Common {
        String timeZone();

        String specialty();

        List<String> languages();

        Boolean interpreterAvailable();

        Integer capacity();

        Long hospitalId();

        String coordinator();

        String status();
    }

    /** One window ({@code POST /api/windows}, and {@code PUT} with the {@code version} last read). */
    record WindowForm(@NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt, String timeZone,
            @NotBlank String specialty, List<String> languages, Boolean interpreterAvailable,
            @NotNull @Min(1) @Max(1000) Integer capacity, Long hospitalId, @Size(max = 120) String coordinator,
            String status, Integer version) implements Common {
    }

    /**
     * A recurring series ({@code POST /api/windows/series}): on each of {@code daysOfWeek} from
     * {@code startDate} to {@code endDate} (or for {@code weeks} weeks), {@code startTime}-{@code endTime}
     * on the wall clock of {@code timeZone}, whatever its offset that day.
     */
    record SeriesForm(@NotNull LocalDate startDate, LocalDate endDate, @Min(1) @Max(52) Integer weeks,
            @NotNull @Size(min = 1, max = 7) List<DayOfWeek> daysOfWeek, @NotNull LocalTime startTime,
            @NotNull LocalTime endTime, String timeZone, @NotBlank String specialty, List<String> languages,
            Boolean interpreterAvailable, @NotNull @Min(1) @Max(1000) Integer capacity, Long hospitalId,
            @Size(max = 120) String coordinator, String status) implements Common {
    }

    /** A manual allocation ({@code POST /api/windows/{id}/allocations}). */
    record AllocationForm(@NotNull Long entryId, @NotBlank @Size(max = 500) String reason) {
    }

    /** A manual release ({@code POST /api/allocations/{id}/release}). */
    record ReleaseForm(@NotBlank @Size(max = 500) String reason) {
    }
}
