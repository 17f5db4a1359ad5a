package com.jadecrane.windows;

import java.time.OffsetDateTime;
import java.util.List;

/** What the windows API answers. Times carry the offset of the window's own time zone. */
final class WindowViews {

    private WindowViews() {
    }

    /** A window with its seats; {@code allocations} only in the detail. */
    record WindowView(long id, int version, Long seriesId, OffsetDateTime startsAt, OffsetDateTime endsAt,
            String timeZone, String specialty, List<String> languages, boolean interpreterAvailable, int capacity,
            int seatsTaken, int seatsFree, Long hospitalId, String coordinator, String status,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, List<AllocationView> allocations) {

        WindowView withAllocations(List<AllocationView> seats) {
            return new WindowView(id, version, seriesId, startsAt, endsAt, timeZone, specialty, languages,
                    interpreterAvailable, capacity, seatsTaken, seatsFree, hospitalId, coordinator, status, createdAt,
                    updatedAt, seats);
        }
    }

    /** One seat given to one waitlist entry, with who that is (the person's own language and zone). */
    record AllocationView(long id, long entryId, long windowId, String status, OffsetDateTime allocatedAt,
            String allocatedBy, Long jobExecutionId, OffsetDateTime holdExpiresAt, OffsetDateTime answeredAt,
            OffsetDateTime releasedAt, String releasedBy, String reason, String releaseReason, String fullName, String email,
            String preferredLanguage, String personTimeZone, OffsetDateTime windowStartsAt) {
    }

    /** A series and the windows it made. */
    record SeriesView(long id, String description, int windowCount, List<WindowView> windows) {
    }

    /** One run of the allocation job with its counts and, per reason, how many were left without a seat. */
    record RunView(long jobExecutionId, boolean dryRun, OffsetDateTime runAt, String minimumNotice,
            OffsetDateTime startedAt, OffsetDateTime finishedAt, int allocated, int unallocated, int holdsReleased,
            List<ReasonCount> reasons) {
    }

    record ReasonCount(String reason, long entries) {
    }

    /** What a run decided for one entry: a window, or the reason there was none. */
    record OutcomeView(int queuePosition, long entryId, String fullName, String preferredLanguage, String personTimeZone,
            List<String> specialties, Long windowId, OffsetDateTime windowStartsAt, OffsetDateTime windowStartsAtForPerson,
            String windowSpecialty, String reason) {
    }
}
