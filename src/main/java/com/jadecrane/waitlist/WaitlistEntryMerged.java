package com.jadecrane.waitlist;

/** Sign-ups were filed under one person: by the dedupe job (jobExecutionId) or by a person (decidedBy). */
public record WaitlistEntryMerged(long entryId, int signupsMerged, Long jobExecutionId, String decidedBy) {
}
