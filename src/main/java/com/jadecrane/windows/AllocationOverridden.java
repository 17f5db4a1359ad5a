package com.jadecrane.windows;

/** Ops allocated (ALLOCATE) or released (RELEASE) a seat by hand, with the reason they gave. */
public record AllocationOverridden(String action, long allocationId, long entryId, long windowId, String reason,
        String username) {
}
