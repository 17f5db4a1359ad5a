package com.jadecrane.content;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.jadecrane.security.CurrentUser;
import com.jadecrane.system.ConflictException;
import com.jadecrane.system.FieldProblem;
import com.jadecrane.system.InvalidInputException;
import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.ResourceNotFoundException;
import com.jadecrane.system.StaleVersionException;

/**
 * The guide workflow. Every save appends a full revision; publishing copies the working copy into
 * the public snapshot, so edits to a live page stay invisible to the public until published.
 */
@Service
class Guides {

    private static final Logger log = LoggerFactory.getLogger(Guides.class);

    private final GuideRepository guides;
    private final GuideRules rules;
    private final ApplicationEventPublisher events;

    Guides(GuideRepository guides, GuideRules rules, ApplicationEventPublisher events) {
        this.guides = guides;
        this.rules = rules;
        this.events = events;
    }

    @Transactional(readOnly = true)
    Page<Guide> find(GuideRepository.Filter filter, PageQuery page) {
        return guides.find(filter, page);
    }

    @Transactional(readOnly = true)
    Guide get(long id) {
        return guides.findById(id).orElseThrow(() -> new ResourceNotFoundException("Guide", id));
    }

    @Transactional(readOnly = true)
    List<Guide> translations(Guide guide) {
        return guides.translations(guide.translationGroup()).stream().filter(g -> g.id() != guide.id()).toList();
    }

    @Transactional
    Guide create(String slug, String locale, Long translationOf, GuideContent content) {
        List<FieldProblem> problems = new ArrayList<>();
        rules.checkSlugAndLocale(slug, locale, problems);
        Long group = null;
        if (translationOf != null) {
            Guide original = guides.findById(translationOf).orElse(null);
            if (original == null) {
                problems.add(new FieldProblem("translationOf", "guide " + translationOf + " does not exist"));
            }
            else {
                group = original.translationGroup();
                if (guides.translations(group).stream().anyMatch(g -> g.locale().equals(locale))) {
                    problems.add(new FieldProblem("translationOf", "that guide already has a '" + locale + "' version"));
                }
            }
        }
        if (problems.isEmpty() && guides.findBySlug(locale, slug).isPresent()) {
            problems.add(new FieldProblem("slug", "is already used by another '" + locale + "' guide"));
        }
        rules.checkSavable(content, problems);
        long id = guides.insert(group, locale, slug, content);
        guides.insertRevision(id, 1, content, CurrentUser.username(), "created");
        Guide created = get(id);
        events.publishEvent(new GuideSaved(id, slug, locale, 1, CurrentUser.username(), created.updatedAt()));
        return created;
    }

    @Transactional
    Guide update(long id, long version, GuideContent content) {
        rules.checkSavable(content, new ArrayList<>());
        return saveRevision(id, version, content, "saved");
    }

    /** Copies an old revision into a new one; the history keeps both. */
    @Transactional
    Guide restore(long id, int revision, long version) {
        GuideRevision old = revision(id, revision);
        Guide restored = saveRevision(id, version, old.content(), "restored from revision " + revision);
        events.publishEvent(new GuideRestored(id, restored.slug(), restored.locale(), revision,
                restored.currentRevision(), CurrentUser.username()));
        return restored;
    }

    @Transactional
    Guide submitForReview(long id, long version) {
        Guide guide = lockCurrent(id, version);
        if (guide.status() != GuideStatus.DRAFT && guide.status() != GuideStatus.ARCHIVED) {
            throw new ConflictException("Only a draft or archived guide can be submitted for review; this one is " + guide.status());
        }
        return changeStatus(guide, GuideStatus.IN_REVIEW, null);
    }

    @Transactional
    Guide archive(long id, long version) {
        Guide guide = lockCurrent(id, version);
        if (guide.status() == GuideStatus.ARCHIVED) {
            throw new ConflictException("The guide is already archived");
        }
        return changeStatus(guide, GuideStatus.ARCHIVED, null);
    }

    /** Publishes the working copy now, or refuses with 400 naming everything that is missing. */
    @Transactional
    Guide publish(long id, long version) {
        Guide guide = lockCurrent(id, version);
        checkPublishable(guide);
        OffsetDateTime now = OffsetDateTime.now();
        ensureUpdated(guide, guides.publish(id, version, now));
        events.publishEvent(new GuidePublished(id, guide.slug(), guide.locale(), guide.currentRevision(),
                CurrentUser.username(), now, false));
        return get(id);
    }

    /** Sets (or with {@code null} clears) the time the page publishes itself; the same rules apply now. */
    @Transactional
    Guide schedule(long id, long version, OffsetDateTime publishAt) {
        Guide guide = lockCurrent(id, version);
        if (publishAt == null) {
            return changeStatus(guide, guide.status(), null);
        }
        if (!publishAt.isAfter(OffsetDateTime.now())) {
            throw new InvalidInputException("publishAt", "must be in the future; use publish to publish now");
        }
        checkPublishable(guide);
        return changeStatus(guide, guide.status(), publishAt);
    }

    /**
     * Publishes every scheduled page whose time has come. A page that no longer passes the publish
     * rules (say a related guide was archived meanwhile) is unscheduled and logged, not retried
     * every minute.
     */
    @Transactional
    int publishDue() {
        OffsetDateTime now = OffsetDateTime.now();
        int published = 0;
        for (long id : guides.lockDueForPublishing(now)) {
            Guide guide = get(id);
            List<FieldProblem> problems = publishProblems(guide);
            if (!problems.isEmpty()) {
                log.warn("Scheduled publishing of guide {} ({}) cancelled: {}", id, guide.slug(), problems);
                guides.clearSchedule(id);
                continue;
            }
            guides.publish(id, null, now);
            events.publishEvent(new GuidePublished(id, guide.slug(), guide.locale(), guide.currentRevision(),
                    CurrentUser.username(), now, true));
            published++;
        }
        return published;
    }

    @Transactional(readOnly = true)
    List<GuideRevision> revisions(long id) {
        get(id);
        return guides.revisions(id);
    }

    @Transactional(readOnly = true)
    GuideRevision revision(long id, int revision) {
        get(id);
        return guides.revision(id, revision)
                .orElseThrow(() -> new ResourceNotFoundException("Revision " + revision + " of guide", id));
    }

    /** The published snapshot of a live page, for the public API. */
    @Transactional(readOnly = true)
    Guide live(String locale, String slug) {
        return guides.findBySlug(locale, slug).filter(Guide::isLive)
                .orElseThrow(() -> new ResourceNotFoundException("Guide", slug + " (" + locale + ")"));
    }

    @Transactional(readOnly = true)
    Page<Guide> live(String locale, String specialty, PageQuery page) {
        return guides.findLive(locale, specialty, page);
    }

    @Transactional(readOnly = true)
    List<Guide> liveTranslations(Guide guide) {
        return translations(guide).stream().filter(Guide::isLive).toList();
    }

    @Transactional(readOnly = true)
    boolean isEmpty() {
        return guides.isEmpty();
    }

    private Guide saveRevision(long id, long version, GuideContent content, String note) {
        Guide guide = lockCurrent(id, version);
        int revision = guide.currentRevision() + 1;
        ensureUpdated(guide, guides.updateContent(id, version, content, revision));
        guides.insertRevision(id, revision, content, CurrentUser.username(), note);
        Guide saved = get(id);
        events.publishEvent(new GuideSaved(id, saved.slug(), saved.locale(), revision, CurrentUser.username(),
                saved.updatedAt()));
        return saved;
    }

    private Guide changeStatus(Guide guide, GuideStatus status, OffsetDateTime publishAt) {
        ensureUpdated(guide, guides.updateStatus(guide.id(), guide.version(), status, publishAt));
        if (status != guide.status() || !Objects.equals(publishAt, guide.publishAt())) {
            events.publishEvent(new GuideStatusChanged(guide.id(), guide.slug(), guide.locale(), guide.status().name(),
                    status.name(), publishAt, CurrentUser.username()));
        }
        return get(guide.id());
    }

    /** The row, locked for this transaction, if {@code version} is still current; 409 otherwise. */
    private Guide lockCurrent(long id, long version) {
        Guide guide = guides.lock(id).orElseThrow(() -> new ResourceNotFoundException("Guide", id));
        if (guide.version() != version) {
            throw new StaleVersionException("Guide", id, guide.version());
        }
        return guide;
    }

    /** The row lock makes this a formality, but the version check in SQL is what guarantees no lost update. */
    private static void ensureUpdated(Guide guide, boolean updated) {
        if (!updated) {
            throw new StaleVersionException("Guide", guide.id(), guide.version());
        }
    }

    private void checkPublishable(Guide guide) {
        if (guide.status() != GuideStatus.IN_REVIEW && guide.status() != GuideStatus.PUBLISHED) {
            throw new ConflictException("A " + guide.status() + " guide cannot be published; submit it for review first");
        }
        List<FieldProblem> problems = publishProblems(guide);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private List<FieldProblem> publishProblems(Guide guide) {
        Set<String> live = new HashSet<>(guides.liveSlugs(guide.locale(),
                List.copyOf(new HashSet<>(rules.relatedGuideSlugs(guide.content()).values()))));
        return rules.publishProblems(guide, live);
    }
}
