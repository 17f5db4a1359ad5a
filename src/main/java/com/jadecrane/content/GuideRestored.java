package com.jadecrane.content;

/** An old revision of a guide was copied into a new revision of its working copy. */
public record GuideRestored(long guideId, String slug, String locale, int restoredRevision, int newRevision,
        String restoredBy) {
}
