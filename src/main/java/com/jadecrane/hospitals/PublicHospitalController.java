package com.jadecrane.hospitals;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.ResourceNotFoundException;

/** What the public site shows: currently verified profiles only, without anything internal. */
@RestController
class PublicHospitalController {

    private static final Map<String, String> SORTABLE = Map.of("name", "h.name", "city", "h.city");

    private final HospitalRepository hospitals;

    PublicHospitalController(HospitalRepository hospitals) {
        this.hospitals = hospitals;
    }

    @GetMapping("/api/public/hospitals")
    @PreAuthorize("permitAll()")
    ResponseEntity<List<PublicHospital>> list(@RequestParam(required = false) String specialty,
            @RequestParam(required = false) String city, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) List<String> sort) {
        Page<Hospital> found = hospitals.findCurrentlyVerified(blankToNull(city), blankToNull(specialty),
                PageQuery.of(page, size, sort, SORTABLE, "h.name asc", "h.id"));
        return new Page<>(found.content().stream().map(PublicHospital::of).toList(), found.total()).toResponse();
    }

    /** 404 for unknown, unverified, suspended and lapsed profiles alike: the site cannot tell them apart. */
    @GetMapping("/api/public/hospitals/{slug}")
    @PreAuthorize("permitAll()")
    PublicHospital get(@PathVariable String slug) {
        return hospitals.findCurrentlyVerified(slug).map(PublicHospital::of)
                .orElseThrow(() -> new ResourceNotFoundException("Hospital", slug));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
