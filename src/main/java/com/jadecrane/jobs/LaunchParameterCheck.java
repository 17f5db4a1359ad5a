package com.jadecrane.jobs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;

import com.jadecrane.system.FieldProblem;
import com.jadecrane.system.InvalidInputException;
import com.jadecrane.system.Problems;

/**
 * Checks a launch's parameters against the job's declaration, before anything runs: unknown names
 * and bad values are 400 naming each parameter, an ADMIN-only parameter set by anyone else is 403
 * naming it. A launch without a signed-in user (a schedule, which passes none, or the command line,
 * run by whoever holds the jar and the database) is not limited by role.
 */
final class LaunchParameterCheck {

    private static final String ADMIN = "ROLE_ADMIN";

    private final RoleHierarchy roles;
    private final Clock clock;

    LaunchParameterCheck(RoleHierarchy roles, Clock clock) {
        this.roles = roles;
        this.clock = clock;
    }

    /** The parameters, each value stripped, or an exception naming what is wrong. */
    Map<String, String> checked(DeclaredParameters declared, Map<String, String> given) {
        List<FieldProblem> unknown = new ArrayList<>();
        given.keySet().forEach(name -> {
            if (name == null || declared.parameter(name).isEmpty()) {
                unknown.add(new FieldProblem(name == null ? "parameters" : name, declared.parameters().isEmpty()
                        ? declared.jobName() + " takes no parameters"
                        : "is not a parameter of " + declared.jobName() + "; it takes " + names(declared)));
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        List<FieldProblem> forbidden = given.keySet().stream()
                .filter(name -> declared.parameter(name).orElseThrow().adminOnly() && !byAdminOrNoUser())
                .map(name -> new FieldProblem(name, "only an ADMIN may set it: it changes what the job does to data"))
                .toList();
        if (!forbidden.isEmpty()) {
            ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "Only an ADMIN may set "
                    + String.join(", ", forbidden.stream().map(FieldProblem::field).toList()) + " of " + declared.jobName());
            problem.setProperty("errors", forbidden);
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        Map<String, String> checked = new LinkedHashMap<>();
        List<FieldProblem> invalid = new ArrayList<>();
        given.forEach((name, value) -> {
            String problem = declared.parameter(name).orElseThrow().problem(value, clock);
            if (problem != null) {
                invalid.add(new FieldProblem(name, problem));
            }
            checked.put(name, value == null ? "" : value.strip());
        });
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        return checked;
    }

    private boolean byAdminOrNoUser() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null) {
            return true;
        }
        return roles.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).anyMatch(ADMIN::equals);
    }

    private static String names(DeclaredParameters declared) {
        return String.join(", ", declared.parameters().stream().map(JobParameterSpec::name).toList());
    }
}
