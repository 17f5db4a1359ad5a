package com.jadecrane.content;

import java.time.OffsetDateTime;

/** One saved snapshot of a guide's content: who saved it, when, and why. */
record GuideRevision(long guideId, int revision, GuideContent content, String savedBy, OffsetDateTime savedAt,
        String note) {
}
