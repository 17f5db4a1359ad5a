package com.jadecrane.waitlist;

/** A merge was undone: the sign-up now stands alone as entry {@code newEntryId}. */
public record WaitlistMergeUndone(long mergeId, long fromEntryId, long newEntryId, String undoneBy) {
}
