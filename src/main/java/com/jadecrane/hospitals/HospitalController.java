package com.jadecrane.hospitals;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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
import com.jadecrane.system.PageQuery;

/** Profiles for staff: EDITOR (and ADMIN) write, OPS and LEADERSHIP read. */
@RestController
@RequestMapping("/api/hospitals")
class HospitalController {

    static final String READERS = "hasAnyRole('EDITOR', 'OPS', 'LEADERSHIP')";
    static final String WRITERS = "hasRole('EDITOR')";

    private static final int MAX_DAYS_AHEAD = 366;

    private final HospitalProfiles profiles;
    private final HospitalRepository hospitals;

    HospitalController(HospitalProfiles profiles, HospitalRepository hospitals) {
        this.profiles = profiles;
        this.hospitals = hospitals;
    }

    @GetMapping
    @PreAuthorize(READERS)
    ResponseEntity<List<Hospital>> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) HospitalStatus status, @RequestParam(required = false) String city,
            @RequestParam(required = false) String specialty, @RequestParam(required = false) Integer expiringWithinDays,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort) {
        checkDays("expiringWithinDays", expiringWithinDays);
        return hospitals.find(new HospitalSearch(q, status, city, specialty, expiringWithinDays),
                PageQuery.of(page, size, sort, HospitalRepository.SORTABLE, "h.name asc", "h.id")).toResponse();
    }

    /** VERIFIED profiles whose verification lapses within {@code days}, soonest first. */
    @GetMapping("/due-for-reverification")
    @PreAuthorize(READERS)
    ResponseEntity<List<Hospital>> dueForReverification(@RequestParam(defaultValue = "30") int days,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        checkDays("days", days);
        return hospitals.find(new HospitalSearch(null, null, null, null, days),
                PageQuery.of(page, size, null, HospitalRepository.SORTABLE, "v.expires_on asc", "h.id")).toResponse();
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    Hospital get(@PathVariable long id) {
        return profiles.get(id);
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    @ResponseStatus(HttpStatus.CREATED)
    Hospital create(@Valid @RequestBody HospitalForm form) {
        return profiles.create(form);
    }

    @PutMapping("/{id}")
    @PreAuthorize(WRITERS)
    Hospital update(@PathVariable long id, @Valid @RequestBody HospitalForm form) {
        return profiles.update(id, form);
    }

    /** Start verification, suspend, resume: the only way besides verifying that the status changes. */
    @PostMapping("/{id}/status")
    @PreAuthorize(WRITERS)
    Hospital changeStatus(@PathVariable long id, @Valid @RequestBody StatusRequest request) {
        return profiles.changeStatus(id, new HospitalProfiles.StatusChange(request.status(), request.reason(),
                request.version()));
    }

    private static void checkDays(String field, Integer days) {
        if (days != null && (days < 0 || days > MAX_DAYS_AHEAD)) {
            throw new InvalidInputException(field, "must be between 0 and " + MAX_DAYS_AHEAD);
        }
    }

    record StatusRequest(@NotNull HospitalStatus status, @Size(max = 1000) String reason, @NotNull Long version) {
    }
}
