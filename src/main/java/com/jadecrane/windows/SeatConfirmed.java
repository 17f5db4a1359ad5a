package com.jadecrane.windows;

/** A person accepted their seat. */
public record SeatConfirmed(long allocationId, long entryId, long windowId) {
}
