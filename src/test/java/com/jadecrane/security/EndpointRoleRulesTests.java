package com.jadecrane.security;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every handler mapping of the application and checks it against the table below: an
 * endpoint missing from the table fails the build, and every endpoint is called anonymously and
 * by each role, expecting 401, 403, or an answer from the handler itself (path variables name
 * nothing that exists, so allowed calls end in 400/404/409 without changing data).
 */
@IntegrationTest
class EndpointRoleRulesTests {

    private enum Who { ANONYMOUS, EDITOR, OPS, LEADERSHIP, ADMIN }

    private static final Set<Who> PUBLIC = EnumSet.allOf(Who.class);
    private static final Set<Who> STAFF = EnumSet.of(Who.EDITOR, Who.OPS, Who.LEADERSHIP, Who.ADMIN);
    private static final Set<Who> ADMIN = EnumSet.of(Who.ADMIN);
    private static final Set<Who> OPS = EnumSet.of(Who.OPS, Who.ADMIN);
    private static final Set<Who> EDITOR = EnumSet.of(Who.EDITOR, Who.ADMIN);
    private static final Set<Who> REPORTS = EnumSet.of(Who.LEADERSHIP, Who.OPS, Who.ADMIN);

    /** Who may call what: "METHOD pattern" -> the callers that get past security. */
    private static final Map<String, Set<Who>> RULES = new LinkedHashMap<>();

    /** Endpoints whose allowed call would really do something (sign out, launch work): only refusals are called. */
    private static final Set<String> NOT_CALLED_WHEN_ALLOWED = Set.of("POST /api/auth/logout",
            "POST /api/waitlist/dedupe-runs");

    static {
        rule("GET /error", PUBLIC);
        rule("POST /error", PUBLIC);
        rule("PUT /error", PUBLIC);
        rule("DELETE /error", PUBLIC);
        rule("PATCH /error", PUBLIC);
        rule("HEAD /error", PUBLIC);
        rule("OPTIONS /error", PUBLIC);
        rule("POST /api/auth/login", PUBLIC);
        rule("GET /api/auth/me", STAFF);
        rule("GET /api/admin/users", ADMIN);
        rule("POST /api/admin/users", ADMIN);
        rule("GET /api/admin/users/{id}", ADMIN);
        rule("PUT /api/admin/users/{id}", ADMIN);
        rule("GET /api/specialties", STAFF);
        rule("POST /api/specialties", ADMIN);
        rule("PUT /api/specialties/{code}", ADMIN);
        rule("GET /api/public/specialties", PUBLIC);
        rule("GET /api/audit", ADMIN);
        rule("GET /api/audit/facets", ADMIN);
        rule("GET /api/jobs", OPS);
        rule("GET /api/jobs/{jobName}", OPS);
        rule("POST /api/jobs/{jobName}/executions", OPS);
        rule("POST /api/jobs/{jobName}/schedule/pause", OPS);
        rule("POST /api/jobs/{jobName}/schedule/resume", OPS);
        rule("GET /api/jobs/executions", OPS);
        rule("GET /api/jobs/executions/{id}", OPS);
        rule("POST /api/jobs/executions/{id}/stop", OPS);
        rule("POST /api/jobs/executions/{id}/restart", OPS);
        rule("POST /api/jobs/executions/{id}/abandon", OPS);
        rule("GET /api/mail/status", OPS);
        rule("GET /api/mail/outbox", OPS);
        rule("GET /api/mail/suppressions", OPS);
        rule("POST /api/mail/suppressions", OPS);
        rule("DELETE /api/mail/suppressions/{email}", OPS);
        rule("POST /api/public/sendgrid/events", PUBLIC);
        rule("GET /api/guides", STAFF);
        rule("POST /api/guides", EDITOR);
        rule("GET /api/guides/{id}", STAFF);
        rule("PUT /api/guides/{id}", EDITOR);
        rule("POST /api/guides/{id}/submit", EDITOR);
        rule("POST /api/guides/{id}/publish", EDITOR);
        rule("POST /api/guides/{id}/schedule", EDITOR);
        rule("POST /api/guides/{id}/archive", EDITOR);
        rule("GET /api/guides/{id}/revisions", STAFF);
        rule("GET /api/guides/{id}/revisions/{revision}", STAFF);
        rule("GET /api/guides/{id}/revisions/diff", STAFF);
        rule("POST /api/guides/{id}/revisions/{revision}/restore", EDITOR);
        rule("GET /api/public/guides", PUBLIC);
        rule("GET /api/public/guides/{slug}", PUBLIC);
        rule("POST /api/public/waitlist", PUBLIC);
        rule("GET /api/waitlist", OPS);
        rule("GET /api/waitlist/{id}", OPS);
        rule("GET /api/waitlist/{id}/export", OPS);
        rule("POST /api/waitlist/{id}/erase", OPS);
        rule("POST /api/waitlist/merges/{mergeId}/undo", OPS);
        rule("GET /api/waitlist/possible-duplicates", OPS);
        rule("POST /api/waitlist/possible-duplicates/{id}/resolve", OPS);
        rule("POST /api/waitlist/dedupe-runs", OPS);
        rule("GET /api/windows", OPS);
        rule("POST /api/windows", OPS);
        rule("GET /api/windows/{id}", OPS);
        rule("PUT /api/windows/{id}", OPS);
        rule("POST /api/windows/{id}/open", OPS);
        rule("POST /api/windows/{id}/close", OPS);
        rule("POST /api/windows/series", OPS);
        rule("GET /api/windows/series/{seriesId}", OPS);
        rule("POST /api/windows/{id}/allocations", OPS);
        rule("GET /api/allocations", OPS);
        rule("GET /api/allocations/{id}", OPS);
        rule("POST /api/allocations/{id}/release", OPS);
        rule("GET /api/allocation-runs", OPS);
        rule("GET /api/allocation-runs/{executionId}", OPS);
        rule("GET /api/allocation-runs/{executionId}/outcomes", OPS);
        rule("GET /api/hospitals", STAFF);
        rule("POST /api/hospitals", EDITOR);
        rule("GET /api/hospitals/due-for-reverification", STAFF);
        rule("GET /api/hospitals/{id}", STAFF);
        rule("PUT /api/hospitals/{id}", EDITOR);
        rule("POST /api/hospitals/{id}/status", EDITOR);
        rule("GET /api/hospitals/{hospitalId}/verifications", STAFF);
        rule("POST /api/hospitals/{hospitalId}/verifications", EDITOR);
        rule("POST /api/hospitals/{hospitalId}/verifications/{verificationId}/evidence", EDITOR);
        rule("GET /api/hospitals/{hospitalId}/verifications/{verificationId}/evidence/{evidenceId}",
                EnumSet.of(Who.EDITOR, Who.OPS, Who.ADMIN));
        rule("GET /api/public/hospitals", PUBLIC);
        rule("GET /api/public/hospitals/{slug}", PUBLIC);
        rule("GET /api/invitations", OPS);
        rule("GET /api/invitations/{id}", OPS);
        rule("POST /api/invitations/{id}/resend", OPS);
        rule("POST /api/invitations/{id}/mark-sent", OPS);
        rule("GET /api/invitations/preview", OPS);
        rule("POST /api/invitations/test-send", OPS);
        rule("GET /api/public/invitations/{token}", PUBLIC);
        rule("POST /api/public/invitations/{token}/accept", PUBLIC);
        rule("POST /api/public/invitations/{token}/decline", PUBLIC);
        rule("POST /api/public/unsubscribe/{token}", PUBLIC);
        rule("GET /invitations/{token:[A-Za-z0-9_-]{43}}", PUBLIC);
        rule("POST /invitations/{token:[A-Za-z0-9_-]{43}}/accept", PUBLIC);
        rule("POST /invitations/{token:[A-Za-z0-9_-]{43}}/decline", PUBLIC);
        rule("GET /unsubscribe/{token:[A-Za-z0-9_-]{43}}", PUBLIC);
        rule("POST /unsubscribe/{token:[A-Za-z0-9_-]{43}}", PUBLIC);
        rule("POST /api/reports", REPORTS);
        rule("GET /api/reports", REPORTS);
        rule("GET /api/reports/{id}", REPORTS);
        rule("GET /api/reports/{id}/file", REPORTS);
        rule("GET /api/dashboard", REPORTS);
    }

    private static final String SIGN_IN_FIRST = "Sign in first";
    private static final String WRONG_ROLE = "Your role does not allow this";

    /** A path variable, with the regular expression it may carry ({@code {token:[A-Za-z0-9_-]{43}}}). */
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^/]*)?}");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointHasARoleRule() {
        Set<String> missing = new TreeSet<>(endpoints());
        missing.removeAll(RULES.keySet());
        assertThat(missing).as("endpoints without a role rule in " + getClass().getSimpleName()).isEmpty();

        Set<String> stale = new TreeSet<>(RULES.keySet());
        stale.removeAll(endpoints());
        assertThat(stale).as("rules for endpoints that no longer exist").isEmpty();
    }

    @Test
    void everyRoleGetsWhatTheTableSays() {
        Map<Who, ApiClient> callers = new LinkedHashMap<>();
        callers.put(Who.ANONYMOUS, new ApiClient(port));
        for (Who who : List.of(Who.EDITOR, Who.OPS, Who.LEADERSHIP)) {
            callers.put(who, TestUsers.signedIn(port, who.name()));
        }
        callers.put(Who.ADMIN, TestUsers.admin(port));

        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints()) {
            Set<Who> allowed = RULES.getOrDefault(endpoint, Set.of());
            for (Map.Entry<Who, ApiClient> caller : callers.entrySet()) {
                boolean isAllowed = allowed.contains(caller.getKey());
                if (isAllowed && NOT_CALLED_WHEN_ALLOWED.contains(endpoint)) {
                    continue;
                }
                ApiClient.Response response = call(caller.getValue(), endpoint);
                String refusal = caller.getKey() == Who.ANONYMOUS ? SIGN_IN_FIRST : WRONG_ROLE;
                boolean ok = isAllowed ? !refusedBySecurity(response) && response.status() < 500
                        : refusedBySecurity(response) && response.body().contains(refusal);
                if (!ok) {
                    wrong.add(endpoint + " as " + caller.getKey() + ": " + response.status() + " (expected "
                            + (isAllowed ? "an answer from the handler" : refusal) + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? EnumSet.allOf(RequestMethod.class) : methods) {
                    if (method != RequestMethod.TRACE) {
                        endpoints.add(method + " " + pattern);
                    }
                }
            }
        }
        return endpoints;
    }

    /** The answers of Spring Security's entry point and access-denied handler (not a handler's own 401). */
    private static boolean refusedBySecurity(ApiClient.Response response) {
        return (response.status() == 401 && response.body().contains(SIGN_IN_FIRST))
                || (response.status() == 403 && response.body().contains(WRONG_ROLE));
    }

    private static ApiClient.Response call(ApiClient client, String endpoint) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = fill(endpoint.substring(endpoint.indexOf(' ') + 1));
        HttpRequest.BodyPublisher body = List.of("POST", "PUT", "PATCH").contains(method)
                ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody();
        return client.send(client.request(path).header("Content-Type", "application/json").method(method, body));
    }

    /** Path variables that name nothing that exists. */
    private static String fill(String pattern) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name.equalsIgnoreCase("id") || name.endsWith("Id") ? "987654321"
                    : name.equals("email") ? "nobody@example.invalid"
                    : name.equals("token") ? "A".repeat(43) : "no-such-" + name.toLowerCase();
            matcher.appendReplacement(path, value);
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static void rule(String endpoint, Set<Who> allowed) {
        RULES.put(endpoint, allowed);
    }
}
