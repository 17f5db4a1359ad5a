package com.jadecrane.waitlist;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.jadecrane.security.CurrentUser;
import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.PersonalDataListed;
import com.jadecrane.waitlist.WaitlistViews.DedupeRun;
import com.jadecrane.waitlist.WaitlistViews.EntryDetail;
import com.jadecrane.waitlist.WaitlistViews.EntrySummary;
import com.jadecrane.waitlist.WaitlistViews.PersonalDataExport;
import com.jadecrane.waitlist.WaitlistViews.PossibleDuplicate;

/** The waitlist for ops: personal data, so OPS and ADMIN only (EDITOR and LEADERSHIP get 403). */
@RestController
@RequestMapping("/api/waitlist")
@PreAuthorize("hasRole('OPS')")
class WaitlistController {

    private static final Map<String, String> DUPLICATE_SORTABLE = Map.of("foundAt", "d.found_at", "status", "d.status");

    record Resolution(@NotNull WaitlistAdministration.Decision decision) {
    }

    private final WaitlistQueries queries;
    private final WaitlistAdministration administration;
    private final DedupeRuns dedupeRuns;
    private final ApplicationEventPublisher events;

    WaitlistController(WaitlistQueries queries, WaitlistAdministration administration, DedupeRuns dedupeRuns,
            ApplicationEventPublisher events) {
        this.events = events;
        this.queries = queries;
        this.administration = administration;
        this.dedupeRuns = dedupeRuns;
    }

    @GetMapping
    ResponseEntity<List<EntrySummary>> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) String specialty,
            @RequestParam(required = false) String country, @RequestParam(required = false) String sourcePage,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedUpFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedUpTo,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort) {
        PageQuery paging = PageQuery.of(page, size, sort, WaitlistQueries.SORTABLE, "queued_at asc", "id");
        Page<EntrySummary> entries = queries.list(
                new WaitlistQueries.Filter(q, status, specialty, country, sourcePage, signedUpFrom, signedUpTo), paging);
        events.publishEvent(PersonalDataListed.of("waitlist", entries, CurrentUser.username(), "q",
                PersonalDataListed.search(q), "status", status, "specialty", specialty, "country", country, "sourcePage",
                sourcePage, "signedUpFrom", signedUpFrom, "signedUpTo", signedUpTo, "page", page, "size", size));
        return entries.toResponse();
    }

    @GetMapping("/{id}")
    EntryDetail show(@PathVariable long id) {
        EntryDetail detail = queries.detail(id);
        // a look at someone's personal data is itself worth recording
        events.publishEvent(new PersonalDataViewed(id, CurrentUser.username()));
        return detail;
    }

    /** Everything held about one person, in every module, as a JSON download (a data-subject access request). */
    @GetMapping("/{id}/export")
    ResponseEntity<PersonalDataExport> export(@PathVariable long id) {
        PersonalDataExport export = administration.export(id, CurrentUser.username());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"waitlist-person-" + id + ".json\"")
                .body(export);
    }

    @PostMapping("/{id}/erase")
    EntryDetail erase(@PathVariable long id) {
        administration.erase(id, CurrentUser.username());
        return queries.detail(id);
    }

    /** Answers the entry the sign-up now stands alone in. */
    @PostMapping("/merges/{mergeId}/undo")
    EntryDetail undoMerge(@PathVariable long mergeId) {
        return queries.detail(administration.undoMerge(mergeId, CurrentUser.username()));
    }

    @GetMapping("/possible-duplicates")
    ResponseEntity<List<PossibleDuplicate>> possibleDuplicates(@RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort) {
        PageQuery paging = PageQuery.of(page, size, sort, DUPLICATE_SORTABLE, "d.found_at desc", "d.id");
        Page<PossibleDuplicate> duplicates = status == null || status.isBlank()
                ? queries.possibleDuplicates("", Map.of(), paging, null)
                : queries.possibleDuplicates("where d.status = :status", Map.of("status", status), paging, null);
        events.publishEvent(PersonalDataListed.of("waitlist/possible-duplicates", duplicates, CurrentUser.username(),
                "status", status, "page", page, "size", size));
        return duplicates.toResponse();
    }

    @PostMapping("/possible-duplicates/{id}/resolve")
    Map<String, String> resolve(@PathVariable long id, @Valid @RequestBody Resolution resolution) {
        administration.resolve(id, resolution.decision(), CurrentUser.username());
        return Map.of("status", resolution.decision() == WaitlistAdministration.Decision.SAME ? "CONFIRMED_SAME" : "DISTINCT");
    }

    /** Runs the dedupe job now and answers its counts. */
    @PostMapping("/dedupe-runs")
    DedupeRun runDedupe() throws InterruptedException {
        return dedupeRuns.runNow();
    }
}
