package com.jadecrane.windows;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.jadecrane.security.CurrentUser;
import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.PersonalDataListed;
import com.jadecrane.windows.WindowForms.ReleaseForm;
import com.jadecrane.windows.WindowViews.AllocationView;
import com.jadecrane.windows.WindowViews.OutcomeView;
import com.jadecrane.windows.WindowViews.RunView;

/** Seats and allocation runs for ops (OPS and ADMIN). */
@RestController
@PreAuthorize("hasRole('OPS')")
class AllocationController {

    private final WindowQueries queries;
    private final AllocationOverrides overrides;
    private final AllocationRuns runs;
    private final ApplicationEventPublisher events;

    AllocationController(WindowQueries queries, AllocationOverrides overrides, AllocationRuns runs,
            ApplicationEventPublisher events) {
        this.events = events;
        this.queries = queries;
        this.overrides = overrides;
        this.runs = runs;
    }

    /** One person's seats, newest first (at most one HELD or CONFIRMED). */
    @GetMapping("/api/allocations")
    List<AllocationView> ofEntry(@RequestParam long entryId) {
        return queries.allocationsOfEntry(entryId);
    }

    @GetMapping("/api/allocations/{id}")
    AllocationView show(@PathVariable long id) {
        return queries.allocation(id);
    }

    /** A manual release (override) with the reason ops give; the seat is free for the next run. */
    @PostMapping("/api/allocations/{id}/release")
    AllocationView release(@PathVariable long id, @Valid @RequestBody ReleaseForm form) {
        overrides.release(id, form.reason(), CurrentUser.username());
        return queries.allocation(id);
    }

    @GetMapping("/api/allocation-runs")
    ResponseEntity<List<RunView>> runs(@RequestParam(required = false) Boolean dryRun,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort) {
        return runs.list(dryRun, PageQuery.of(page, size, sort, AllocationRuns.SORTABLE, "started_at desc", "job_execution_id desc"))
                .toResponse();
    }

    /** A run by its job execution id, with how many entries were left without a seat for each reason. */
    @GetMapping("/api/allocation-runs/{executionId}")
    RunView run(@PathVariable long executionId) {
        return runs.find(executionId);
    }

    /** Who went (or would go) where, and who did not and why, in queue order. */
    @GetMapping("/api/allocation-runs/{executionId}/outcomes")
    ResponseEntity<List<OutcomeView>> outcomes(@PathVariable long executionId,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort) {
        Page<OutcomeView> outcomes = runs.outcomes(executionId, outcome, reason,
                PageQuery.of(page, size, sort, AllocationRuns.OUTCOME_SORTABLE, "o.queue_position asc", "o.entry_id"));
        events.publishEvent(PersonalDataListed.of("windows/allocation-run-outcomes", outcomes, CurrentUser.username(),
                "executionId", executionId, "outcome", outcome, "reason", reason, "page", page, "size", size));
        return outcomes.toResponse();
    }
}
