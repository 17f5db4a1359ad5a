package com.jadecrane.security;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import com.jadecrane.system.PageQuery;

/** Staff accounts, for ADMIN only. */
@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserController {

    private final UserAdministration users;

    UserController(UserAdministration users) {
        this.users = users;
    }

    @GetMapping
    ResponseEntity<List<UserAccount>> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort) {
        return users.find(q, PageQuery.of(page, size, sort, UserAccountRepository.SORTABLE, "u.username asc", "u.id"))
                .toResponse();
    }

    @GetMapping("/{id}")
    UserAccount get(@PathVariable long id) {
        return users.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserAccount create(@Valid @RequestBody NewUser request) {
        return users.create(request.username().trim(), request.password(), request.roles(), request.email(),
                request.displayName());
    }

    @PutMapping("/{id}")
    UserAccount update(@PathVariable long id, @Valid @RequestBody UserChange request) {
        return users.update(id, request.version(), request.roles(), request.enabled(), request.email(),
                request.displayName());
    }

    record NewUser(
            @NotBlank @Size(min = 3, max = 64)
            @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may contain only letters, digits, '.', '_' and '-'")
            String username,
            @NotNull @Size(max = 200) String password,
            @NotEmpty(message = "must name at least one role") Set<@NotNull Role> roles,
            @Email @Size(max = 254) String email,
            @Size(max = 120) String displayName) {
    }

    record UserChange(
            @NotNull Long version,
            @NotEmpty(message = "must name at least one role") Set<@NotNull Role> roles,
            @NotNull Boolean enabled,
            @Email @Size(max = 254) String email,
            @Size(max = 120) String displayName) {
    }
}
