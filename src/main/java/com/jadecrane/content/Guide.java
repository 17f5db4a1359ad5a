package com.jadecrane.content;

import java.time.OffsetDateTime;

/** A guide row: the working copy plus, once published, the snapshot the public sees. */
record Guide(long id, long translationGroup, String locale, String slug, GuideStatus status, long version,
        GuideContent content, int currentRevision, OffsetDateTime publishAt, GuideContent publishedContent,
        Integer publishedRevision, OffsetDateTime publishedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    boolean isLive() {
        return status == GuideStatus.PUBLISHED && publishedContent != null;
    }

    /** The working copy differs from what the public sees (or nothing was ever published). */
    boolean hasUnpublishedChanges() {
        return publishedRevision == null || publishedRevision != currentRevision;
    }
}
