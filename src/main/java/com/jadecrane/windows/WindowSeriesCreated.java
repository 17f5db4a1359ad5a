package com.jadecrane.windows;

/** A recurring series of consultation windows was created. */
public record WindowSeriesCreated(long seriesId, int windows, String description, String username) {
}
