package com.jadecrane.windows;

/** A held seat was given back (outcome DECLINED or EXPIRED); the next allocation run offers it to the next person. */
public record SeatReleased(long allocationId, long entryId, long windowId, String outcome, String reason) {
}
