package com.jadecrane.windows;

import java.time.Instant;

/** A consultation window was created (one at a time; a series announces itself with {@link WindowSeriesCreated}). */
public record WindowCreated(long windowId, Long seriesId, Instant startsAt, String specialty, int capacity, String status,
        String username) {
}
