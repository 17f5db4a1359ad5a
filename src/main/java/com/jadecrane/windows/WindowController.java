package com.jadecrane.windows;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.jadecrane.security.CurrentUser;
import com.jadecrane.system.InvalidInputException;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.PersonalDataListed;
import com.jadecrane.windows.WindowForms.AllocationForm;
import com.jadecrane.windows.WindowForms.SeriesForm;
import com.jadecrane.windows.WindowForms.WindowForm;
import com.jadecrane.windows.WindowViews.AllocationView;
import com.jadecrane.windows.WindowViews.SeriesView;
import com.jadecrane.windows.WindowViews.WindowView;

/** Consultation windows for ops (OPS and ADMIN; EDITOR and LEADERSHIP get 403). */
@RestController
@RequestMapping("/api/windows")
@PreAuthorize("hasRole('OPS')")
class WindowController {

    private final WindowQueries queries;
    private final WindowCatalogue catalogue;
    private final AllocationOverrides overrides;
    private final ApplicationEventPublisher events;

    WindowController(WindowQueries queries, WindowCatalogue catalogue, AllocationOverrides overrides,
            ApplicationEventPublisher events) {
        this.events = events;
        this.queries = queries;
        this.catalogue = catalogue;
        this.overrides = overrides;
    }

    @GetMapping
    ResponseEntity<List<WindowView>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String specialty,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) Long hospitalId, @RequestParam(required = false) Long seriesId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort) {
        if (status != null && !status.isBlank() && !WindowRules.STATUSES.contains(status)) {
            throw new InvalidInputException("status", "must be one of DRAFT, OPEN, CLOSED");
        }
        PageQuery paging = PageQuery.of(page, size, sort, WindowQueries.SORTABLE, "starts_at asc", "id");
        return queries.list(new WindowQueries.Filter(status, specialty, from, to, hospitalId, seriesId), paging).toResponse();
    }

    /** Lists the people seated in the window, so the look is audited as a list. */
    @GetMapping("/{id}")
    WindowView show(@PathVariable long id) {
        WindowView window = queries.detail(id);
        int seated = window.allocations() == null ? 0 : window.allocations().size();
        events.publishEvent(PersonalDataListed.of("windows/allocations", seated, seated, CurrentUser.username(),
                "windowId", id));
        return window;
    }

    @PostMapping
    ResponseEntity<WindowView> create(@Valid @RequestBody WindowForm form) {
        long id = catalogue.create(form, CurrentUser.username());
        return ResponseEntity.created(URI.create("/api/windows/" + id)).body(queries.detail(id));
    }

    @PutMapping("/{id}")
    WindowView update(@PathVariable long id, @Valid @RequestBody WindowForm form) {
        catalogue.update(id, form, CurrentUser.username());
        return queries.detail(id);
    }

    @PostMapping("/{id}/open")
    WindowView open(@PathVariable long id) {
        catalogue.changeStatus(id, "OPEN", CurrentUser.username());
        return queries.detail(id);
    }

    @PostMapping("/{id}/close")
    WindowView close(@PathVariable long id) {
        catalogue.changeStatus(id, "CLOSED", CurrentUser.username());
        return queries.detail(id);
    }

    @PostMapping("/series")
    ResponseEntity<SeriesView> createSeries(@Valid @RequestBody SeriesForm form) {
        long seriesId = catalogue.createSeries(form, CurrentUser.username());
        return ResponseEntity.created(URI.create("/api/windows/series/" + seriesId)).body(series(seriesId));
    }

    @GetMapping("/series/{seriesId}")
    SeriesView series(@PathVariable long seriesId) {
        String description = queries.seriesDescription(seriesId);
        List<WindowView> windows = queries.ofSeries(seriesId);
        return new SeriesView(seriesId, description, windows.size(), windows);
    }

    /** A manual allocation (override) with the reason ops give. */
    @PostMapping("/{id}/allocations")
    ResponseEntity<AllocationView> allocate(@PathVariable long id, @Valid @RequestBody AllocationForm form) {
        long allocationId = overrides.allocate(id, form.entryId(), form.reason(), CurrentUser.username());
        return ResponseEntity.created(URI.create("/api/allocations/" + allocationId)).body(queries.allocation(allocationId));
    }
}
