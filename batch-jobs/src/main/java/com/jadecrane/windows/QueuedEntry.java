package com.jadecrane.windows;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A waitlist entry waiting for a seat, as the allocation needs it: its queue position, the
 * specialties it signed up for, the primary subtag of its language (null when unknown), its own
 * time zone, and the windows it was offered before (never offered twice).
 */
record QueuedEntry(long id, Instant queuedAt, String[] specialties, String language, ZoneId zone, long[] offeredBefore) {

    boolean wasOffered(long windowId) {
        for (long offered : offeredBefore) {
            if (offered == windowId) {
                return true;
            }
        }
        return false;
    }
}
