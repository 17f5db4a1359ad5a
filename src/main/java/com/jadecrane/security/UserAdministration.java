package com.jadecrane.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.jadecrane.system.FieldProblem;
import com.jadecrane.system.InvalidInputException;
import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.ResourceNotFoundException;
import com.jadecrane.system.StaleVersionException;

/** Creating and changing staff accounts; every change is announced for the audit log. */
@Service
class UserAdministration {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final ApplicationEventPublisher events;

    UserAdministration(UserAccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.events = events;
    }

    @Transactional(readOnly = true)
    Page<UserAccount> find(String search, PageQuery page) {
        return accounts.find(search == null || search.isBlank() ? null : search.trim(), page);
    }

    @Transactional(readOnly = true)
    UserAccount get(long id) {
        return accounts.findById(id).orElseThrow(() -> new ResourceNotFoundException("User", id));
    }

    @Transactional
    UserAccount create(String username, String password, Set<Role> roles, String email, String displayName) {
        List<FieldProblem> problems = new ArrayList<>();
        if (accounts.usernameTaken(username)) {
            problems.add(new FieldProblem("username", "is already taken"));
        }
        passwordPolicy.check(username, password).ifPresent(p -> problems.add(new FieldProblem("password", p)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = accounts.insert(username, passwordEncoder.encode(password), blankToNull(email),
                blankToNull(displayName), roles);
        events.publishEvent(new UserAccountCreated(username, EnumSet.copyOf(roles), CurrentUser.username()));
        return get(id);
    }

    @Transactional
    UserAccount update(long id, long version, Set<Role> roles, boolean enabled, String email, String displayName) {
        UserAccount before = get(id);
        if (!accounts.update(id, version, blankToNull(email), blankToNull(displayName), roles, enabled)) {
            throw new StaleVersionException("User", id, before.version());
        }
        UserAccount after = get(id);
        events.publishEvent(new UserAccountChanged(after.username(), before.roles(), after.roles(), before.enabled(),
                after.enabled(), CurrentUser.username()));
        return after;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
