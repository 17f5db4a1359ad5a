package com.jadecrane.content;

import java.time.OffsetDateTime;

/**
 * A guide moved in its workflow other than by publishing: submitted for review, archived, or its
 * publish-at time set ({@code publishAt}) or cleared.
 */
public record GuideStatusChanged(long guideId, String slug, String locale, String from, String to,
        OffsetDateTime publishAt, String changedBy) {
}
