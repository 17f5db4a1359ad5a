package com.jadecrane.specialties;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.jadecrane.system.InvalidInputException;
import com.jadecrane.system.ResourceNotFoundException;

/**
 * The list for the admin UI's pickers (every role), the public site's sign-up form, and its
 * upkeep (ADMIN). Specialties are deactivated, never deleted: old sign-ups keep pointing at them.
 */
@RestController
class SpecialtyController {

    private final Specialties specialties;
    private final JdbcClient jdbc;

    SpecialtyController(Specialties specialties, JdbcClient jdbc) {
        this.specialties = specialties;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/specialties")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<List<Specialty>> list() {
        List<Specialty> all = specialties.all();
        return ResponseEntity.ok().header("X-Total-Count", Integer.toString(all.size())).body(all);
    }

    @GetMapping("/api/public/specialties")
    @PreAuthorize("permitAll()")
    ResponseEntity<List<Specialty>> publicList() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(specialties.all().stream().filter(Specialty::active).toList());
    }

    @PostMapping("/api/specialties")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Specialty create(@Valid @RequestBody SpecialtyForm form) {
        if (form.code() == null || !form.code().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new InvalidInputException("code", "must be lower-case words joined by '-', e.g. 'lung-cancer'");
        }
        if (specialties.find(form.code()).isPresent()) {
            throw new InvalidInputException("code", "is already in the list");
        }
        jdbc.sql("insert into specialty (code, name, active, sort_order) values (?, ?, ?, ?)")
                .params(form.code(), form.name().trim(), form.active(), form.order()).update();
        return specialties.find(form.code()).orElseThrow();
    }

    @PutMapping("/api/specialties/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    Specialty update(@PathVariable String code, @Valid @RequestBody SpecialtyForm form) {
        int updated = jdbc.sql("update specialty set name = ?, active = ?, sort_order = ? where code = ?")
                .params(form.name().trim(), form.active(), form.order(), code).update();
        if (updated == 0) {
            throw new ResourceNotFoundException("Specialty", code);
        }
        return specialties.find(code).orElseThrow();
    }

    record SpecialtyForm(@Size(max = 40) String code, @NotBlank @Size(max = 120) String name,
            @NotNull Boolean active, Integer sortOrder) {

        int order() {
            return sortOrder == null ? 0 : sortOrder;
        }
    }
}
