package com.jadecrane.content;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A guide as the admin API shows it: the working copy and where it stands in the workflow. */
record GuideView(long id, long version, GuideStatus status, String slug, String locale, long translationGroup,
        @JsonUnwrapped GuideContent content, int currentRevision, Integer publishedRevision,
        OffsetDateTime publishedAt, OffsetDateTime publishAt, boolean hasUnpublishedChanges,
        List<Translation> translations, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** Another language version of the same guide. */
    record Translation(long id, String locale, String slug, GuideStatus status) {
    }

    static GuideView of(Guide guide, List<Guide> translations) {
        return new GuideView(guide.id(), guide.version(), guide.status(), guide.slug(), guide.locale(),
                guide.translationGroup(), guide.content(), guide.currentRevision(), guide.publishedRevision(),
                guide.publishedAt(), guide.publishAt(), guide.hasUnpublishedChanges(),
                translations.stream().map(t -> new Translation(t.id(), t.locale(), t.slug(), t.status())).toList(),
                guide.createdAt(), guide.updatedAt());
    }
}
