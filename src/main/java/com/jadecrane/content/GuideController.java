package com.jadecrane.content;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.jadecrane.system.InvalidInputException;
import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;

/**
 * The admin API of guide pages (../shared/API.md): every role reads, EDITOR (and ADMIN) writes.
 * Bodies are flat JSON (the content fields next to {@code slug}, {@code locale}, {@code version}).
 */
@RestController
@RequestMapping("/api/guides")
class GuideController {

    private static final String READ = "hasAnyRole('EDITOR', 'OPS', 'LEADERSHIP')";
    private static final String WRITE = "hasRole('EDITOR')";
    /** "Review due soon": the next medical review falls within this many days. */
    private static final int REVIEW_DUE_SOON_DAYS = 30;

    private final Guides guides;
    private final RevisionDiff diff;
    private final JsonMapper json;

    GuideController(Guides guides, RevisionDiff diff, JsonMapper json) {
        this.guides = guides;
        this.diff = diff;
        this.json = json;
    }

    @GetMapping
    @PreAuthorize(READ)
    ResponseEntity<List<GuideView>> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) GuideStatus status, @RequestParam(required = false) String locale,
            @RequestParam(required = false) String specialty,
            @RequestParam(required = false) LocalDate reviewDueBefore,
            @RequestParam(required = false) Boolean reviewDueSoon,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort) {
        LocalDate dueBefore = Boolean.TRUE.equals(reviewDueSoon) ? LocalDate.now().plusDays(REVIEW_DUE_SOON_DAYS)
                : reviewDueBefore;
        GuideRepository.Filter filter = new GuideRepository.Filter(blankToNull(q), status, blankToNull(locale),
                blankToNull(specialty), dueBefore);
        Page<Guide> found = guides.find(filter,
                PageQuery.of(page, size, sort, GuideRepository.SORTABLE, "g.updated_at desc", "g.id"));
        return new Page<>(found.content().stream().map(g -> GuideView.of(g, List.of())).toList(), found.total())
                .toResponse();
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    GuideView get(@PathVariable long id) {
        return view(guides.get(id));
    }

    @PostMapping
    @PreAuthorize(WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    GuideView create(@RequestBody ObjectNode body) {
        NewGuide meta = read(body, NewGuide.class);
        return view(guides.create(meta.slug(), meta.locale(), meta.translationOf(), read(body, GuideContent.class)));
    }

    @PutMapping("/{id}")
    @PreAuthorize(WRITE)
    GuideView update(@PathVariable long id, @RequestBody ObjectNode body) {
        long version = read(body, Versioned.class).required();
        return view(guides.update(id, version, read(body, GuideContent.class)));
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize(WRITE)
    GuideView submitForReview(@PathVariable long id, @RequestBody Versioned body) {
        return view(guides.submitForReview(id, body.required()));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize(WRITE)
    GuideView publish(@PathVariable long id, @RequestBody Versioned body) {
        return view(guides.publish(id, body.required()));
    }

    /** {@code publishAt: null} cancels the schedule. */
    @PostMapping("/{id}/schedule")
    @PreAuthorize(WRITE)
    GuideView schedule(@PathVariable long id, @RequestBody Schedule body) {
        return view(guides.schedule(id, new Versioned(body.version()).required(), body.publishAt()));
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize(WRITE)
    GuideView archive(@PathVariable long id, @RequestBody Versioned body) {
        return view(guides.archive(id, body.required()));
    }

    @GetMapping("/{id}/revisions")
    @PreAuthorize(READ)
    ResponseEntity<List<RevisionSummary>> revisions(@PathVariable long id) {
        List<RevisionSummary> revisions = guides.revisions(id).stream().map(RevisionSummary::of).toList();
        return new Page<>(revisions, revisions.size()).toResponse();
    }

    @GetMapping("/{id}/revisions/{revision}")
    @PreAuthorize(READ)
    GuideRevision revision(@PathVariable long id, @PathVariable int revision) {
        return guides.revision(id, revision);
    }

    @GetMapping("/{id}/revisions/diff")
    @PreAuthorize(READ)
    RevisionDiff.Result diff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return diff.between(guides.revision(id, from), guides.revision(id, to));
    }

    @PostMapping("/{id}/revisions/{revision}/restore")
    @PreAuthorize(WRITE)
    GuideView restore(@PathVariable long id, @PathVariable int revision, @RequestBody Versioned body) {
        return view(guides.restore(id, revision, body.required()));
    }

    private GuideView view(Guide guide) {
        return GuideView.of(guide, guides.translations(guide));
    }

    /** Reads one view of the flat body; a wrong type names the field like any other bad input. */
    private <T> T read(ObjectNode body, Class<T> type) {
        try {
            return json.treeToValue(body, type);
        }
        catch (JacksonException ex) {
            String field = ex.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            throw new InvalidInputException(field, "has a value of the wrong type or format");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    record NewGuide(String slug, String locale, Long translationOf) {
    }

    /** The {@code version} last read, which every change must send back. */
    record Versioned(Long version) {

        long required() {
            if (version == null) {
                throw new InvalidInputException("version", "send the version you last read");
            }
            return version;
        }
    }

    record Schedule(Long version, OffsetDateTime publishAt) {
    }

    record RevisionSummary(int revision, String savedBy, OffsetDateTime savedAt, String note) {

        static RevisionSummary of(GuideRevision revision) {
            return new RevisionSummary(revision.revision(), revision.savedBy(), revision.savedAt(), revision.note());
        }
    }
}
