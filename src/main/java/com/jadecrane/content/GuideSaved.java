package com.jadecrane.content;

import java.time.OffsetDateTime;

/** A guide's working copy was saved as a new revision (created, edited). */
public record GuideSaved(long guideId, String slug, String locale, int revision, String savedBy, OffsetDateTime savedAt) {
}
