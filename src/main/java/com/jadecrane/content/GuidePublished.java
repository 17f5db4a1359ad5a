package com.jadecrane.content;

import java.time.OffsetDateTime;

/** A revision of a guide became what the public site shows; {@code scheduled} when the publish-at time did it. */
public record GuidePublished(long guideId, String slug, String locale, int revision, String publishedBy,
        OffsetDateTime publishedAt, boolean scheduled) {
}
