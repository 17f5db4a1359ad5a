package com.jadecrane.security;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.SendGridEventSigner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and malformed requests against the public endpoints: oversized, wrong types, missing
 * fields, invalid UTF-8, SQL and script injection, huge nesting, bad parameters, forged and
 * replayed webhook posts. Each must get a 4xx problem+json that says what is wrong, never a 5xx,
 * and must store nothing.
 */
@IntegrationTest
class PublicEndpointCorpusTests {

    /** Tables a public request could write to; their row counts must not move. */
    private static final List<String> PUBLIC_WRITES = List.of("mail_event", "mail_suppression", "app_user",
            "waitlist_signup", "waitlist_entry", "invitation");

    private static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "'; drop table app_user; --", "\" OR 1=1 --", "1; select pg_sleep(5)",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
            "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "${jndi:ldap://x/a}", "{{7*7}}",
            "\u202Egnp.exe", "🙂".repeat(50), "a".repeat(5000), "\u0000", "%0d%0aSet-Cookie:x=1");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TestFactory
    Stream<DynamicTest> hostileRequestsGetAClearProblemAndStoreNothing() {
        List<Case> cases = new ArrayList<>();
        loginCases(cases);
        publicReadCases(cases);
        webhookCases(cases);
        waitlistCases(cases);
        invitationCases(cases);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) {
        Map<String, Long> before = counts();
        ApiClient client = new ApiClient(port).withoutCsrfHeader();
        HttpRequest.Builder request = client.request(c.path()).method(c.method(), c.body() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        c.headers().forEach(request::header);

        ApiClient.Response response = client.send(request);

        assertThat(response.status()).as(c.name() + ": " + response.body()).isBetween(400, 499);
        if (!c.allowed().isEmpty()) {
            assertThat(c.allowed()).as(c.name() + ": " + response.body()).contains(response.status());
        }
        assertThat(response.contentType()).as(c.name()).startsWith("application/problem+json");
        assertThat((String) response.json("$.detail")).as(c.name()).isNotBlank();
        if (c.field() != null) {
            assertThat(response.<List<String>>json("$.errors[*].field")).as(c.name()).contains(c.field());
        }
        assertThat(counts()).as(c.name() + " stored nothing").isEqualTo(before);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : PUBLIC_WRITES) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    private static void loginCases(List<Case> cases) {
        String path = "/api/auth/login";
        for (String injection : INJECTIONS) {
            cases.add(json("login: injection in username " + abbreviate(injection), path,
                    "{\"username\": " + quote(injection) + ", \"password\": \"whatever-password\"}", Set.of(400, 401), null));
        }
        cases.add(json("login: empty body", path, "", Set.of(400), null));
        cases.add(json("login: not JSON", path, "username=admin&password=x", Set.of(400, 415), null));
        cases.add(json("login: JSON array", path, "[]", Set.of(400), null));
        cases.add(json("login: JSON string", path, "\"admin\"", Set.of(400), null));
        cases.add(json("login: null", path, "null", Set.of(400), null));
        cases.add(json("login: missing password", path, "{\"username\": \"admin\"}", Set.of(400), "password"));
        cases.add(json("login: missing username", path, "{\"password\": \"x\"}", Set.of(400), "username"));
        cases.add(json("login: username a number", path, "{\"username\": 12, \"password\": \"x\"}", Set.of(400, 401), null));
        cases.add(json("login: username an object", path, "{\"username\": {\"$ne\": null}, \"password\": \"x\"}", Set.of(400), "username"));
        cases.add(json("login: password an array", path, "{\"username\": \"admin\", \"password\": [\"x\"]}", Set.of(400), "password"));
        cases.add(json("login: username too long", path, "{\"username\": \"" + "u".repeat(500) + "\", \"password\": \"x\"}", Set.of(400), "username"));
        cases.add(json("login: truncated JSON", path, "{\"username\": \"admin\", \"pass", Set.of(400), null));
        cases.add(json("login: trailing garbage", path, "{\"username\": \"admin\", \"password\": \"x\"} garbage", Set.of(400, 401), null));
        cases.add(json("login: deep nesting", path, "[".repeat(100_000) + "]".repeat(100_000), Set.of(400, 413), null));
        cases.add(json("login: deep object nesting", path, "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), Set.of(400), null));
        cases.add(json("login: oversized body", path, "{\"username\": \"" + "x".repeat(2_000_000) + "\"}", Set.of(413), null));
        cases.add(new Case("login: invalid UTF-8", "POST", path, Map.of("Content-Type", "application/json"),
                new byte[] { '{', '"', 'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' },
                Set.of(400), null));
        cases.add(new Case("login: UTF-16 body declared UTF-8", "POST", path, Map.of("Content-Type", "application/json"),
                "{\"username\":\"admin\"}".getBytes(StandardCharsets.UTF_16), Set.of(400), null));
        cases.add(new Case("login: XML", "POST", path, Map.of("Content-Type", "application/xml"),
                "<login><username>admin</username></login>".getBytes(StandardCharsets.UTF_8), Set.of(415), null));
        cases.add(new Case("login: GET", "GET", path, Map.of(), null, Set.of(405), null));
        cases.add(new Case("login: DELETE", "DELETE", path, Map.of(), null, Set.of(403, 405), null));
        for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded", "text/html",
                "application/json; charset=ebcdic", "multipart/form-data; boundary=x")) {
            cases.add(new Case("login: sent as " + contentType, "POST", path, Map.of("Content-Type", contentType),
                    "{\"username\": \"admin\", \"password\": \"x\"}".getBytes(StandardCharsets.UTF_8),
                    Set.of(400, 415), null));
        }
    }

    private static void publicReadCases(List<Case> cases) {
        for (String base : List.of("/api/public/guides/", "/api/public/hospitals/")) {
            for (String injection : INJECTIONS) {
                cases.add(new Case("read " + base + " slug " + abbreviate(injection), "GET", base + encode(injection),
                        Map.of(), null, Set.of(400, 404), null));
            }
        }
        for (String list : List.of("/api/public/guides", "/api/public/hospitals")) {
            for (String injection : INJECTIONS) {
                cases.add(new Case("list " + list + " sorted by " + abbreviate(injection), "GET",
                        list + "?sort=" + encode(injection) + ",asc", Map.of(), null, Set.of(400), "sort"));
            }
            cases.add(get(list + "?page=-1", "page"));
            cases.add(get(list + "?page=abc", "page"));
            cases.add(get(list + "?size=0", "size"));
            cases.add(get(list + "?size=100000", "size"));
            cases.add(get(list + "?size=1e9", "size"));
            cases.add(get(list + "?page=99999999999999999999", "page"));
            cases.add(new Case("list " + list + " sort injection", "GET",
                    list + "?sort=" + encode("title; drop table guide"), Map.of(), null, Set.of(400), null));
            cases.add(new Case("list " + list + " POST", "POST", list, Map.of("Content-Type", "application/json"),
                    "{}".getBytes(StandardCharsets.UTF_8), Set.of(403, 405), null));
        }
        cases.add(new Case("guide with a bad locale", "GET", "/api/public/guides/some-guide?locale=" + encode("<script>"),
                Map.of(), null, Set.of(400, 404), null));
        cases.add(new Case("guide with a huge locale", "GET", "/api/public/guides/some-guide?locale=" + "x".repeat(3000),
                Map.of(), null, Set.of(400, 404), null));
        cases.add(new Case("specialties POST", "POST", "/api/public/specialties", Map.of("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8), Set.of(403, 405), null));
    }

    private static void webhookCases(List<Case> cases) {
        String path = "/api/public/sendgrid/events";
        String body = "[{\"sg_event_id\":\"corpus-1\",\"event\":\"unsubscribe\",\"email\":\"victim@example.org\"}]";
        String now = SendGridEventSigner.now();
        String old = Long.toString(Long.parseLong(now) - 86_400);
        cases.add(webhook("webhook: unsigned", body, null, null, Set.of(401)));
        cases.add(webhook("webhook: timestamp only", body, now, null, Set.of(401)));
        cases.add(webhook("webhook: signature only", body, null, SendGridEventSigner.sign(now, body), Set.of(401)));
        cases.add(webhook("webhook: forged signature", body, now, SendGridEventSigner.forge(now, body), Set.of(401)));
        cases.add(webhook("webhook: replayed day-old post", body, old, SendGridEventSigner.sign(old, body), Set.of(401)));
        cases.add(webhook("webhook: future timestamp", body, Long.toString(Long.parseLong(now) + 3600),
                SendGridEventSigner.sign(Long.toString(Long.parseLong(now) + 3600), body), Set.of(401)));
        cases.add(webhook("webhook: tampered body", body.replace("victim", "other"), now, SendGridEventSigner.sign(now, body), Set.of(401)));
        cases.add(webhook("webhook: signature not base64", body, now, "%%%not-base64%%%", Set.of(401)));
        cases.add(webhook("webhook: empty signature", body, now, "", Set.of(401)));
        cases.add(webhook("webhook: timestamp not a number", body, "yesterday", SendGridEventSigner.sign("yesterday", body), Set.of(401)));
        cases.add(webhook("webhook: signature of another timestamp", body, now,
                SendGridEventSigner.sign(Long.toString(Long.parseLong(now) - 1), body), Set.of(401)));
        for (String malformed : List.of("{}", "\"x\"", "[1, 2]", "[{\"event\": \"bounce\"}]", "not json",
                "[{\"sg_event_id\": \"x\"}]", "[" + "[".repeat(3_000) + "]".repeat(3_000) + "]")) {
            cases.add(webhook("webhook: signed but malformed " + abbreviate(malformed), malformed, now,
                    SendGridEventSigner.sign(now, malformed), Set.of(400)));
        }
    }

    private static void waitlistCases(List<Case> cases) {
        String path = "/api/public/waitlist";
        Map<String, Object> valid = Map.of("email", "corpus@example.org", "fullName", "Corpus Person", "country", "PT",
                "preferredLanguage", "en", "timeZone", "Europe/Lisbon", "specialty", "oncology",
                "sourcePage", "cancer-second-opinion-china",
                "consent", Map.of("dataProcessing", true, "crossBorderTransfer", true, "marketing", false));
        Map<String, List<Object>> badValues = new java.util.LinkedHashMap<>();
        badValues.put("email", List.of("not-an-email", "a@", "@b.org", "a b@c.org", "x".repeat(300) + "@example.org", 42,
                "<script>@example.org", "' OR 1=1 --@x.org", "ana@example.org\r\nBcc: all@example.org"));
        badValues.put("country", List.of("XX", "Portugal", "pt1", "", 351, "' OR '1'='1"));
        badValues.put("timeZone", List.of("Mars/Olympus", "+02:00", "UTC+2", "Europe/Lisbon; drop table x", "", 0));
        badValues.put("preferredLanguage", List.of("english", "en_US_", "123", "<b>en</b>", "x".repeat(100), true));
        badValues.put("specialty", List.of("astrology", "ONCOLOGY", "oncology'--", "", List.of("oncology")));
        badValues.put("sourcePage", List.of("../../etc/passwd", "<script>", "x".repeat(500), "Page With Spaces"));
        badValues.put("fullName", List.of("", "x".repeat(1000), Map.of("first", "Ana")));
        badValues.put("message", List.of("x".repeat(2001), List.of("a", "b")));
        for (var field : badValues.entrySet()) {
            for (Object value : field.getValue()) {
                Map<String, Object> body = new java.util.HashMap<>(valid);
                body.put(field.getKey(), value);
                cases.add(json("waitlist: " + field.getKey() + " = " + abbreviate(String.valueOf(value)), path,
                        com.jadecrane.support.Json.write(body), Set.of(400), field.getKey()));
            }
        }
        for (String required : List.of("email", "fullName", "country", "timeZone", "specialty", "consent")) {
            Map<String, Object> body = new java.util.HashMap<>(valid);
            body.remove(required);
            cases.add(json("waitlist: without " + required, path, com.jadecrane.support.Json.write(body), Set.of(400),
                    required.equals("consent") ? "consent.dataProcessing" : required));
        }
        for (String consent : List.of("dataProcessing", "crossBorderTransfer")) {
            Map<String, Object> body = new java.util.HashMap<>(valid);
            body.put("consent", Map.of("dataProcessing", !consent.equals("dataProcessing"),
                    "crossBorderTransfer", !consent.equals("crossBorderTransfer")));
            cases.add(json("waitlist: consent " + consent + " refused", path, com.jadecrane.support.Json.write(body),
                    Set.of(400), "consent." + consent));
        }
        cases.add(json("waitlist: body over 16 KiB", path, com.jadecrane.support.Json.write(
                Map.of("email", "big@example.org", "message", "x".repeat(20_000))), Set.of(413), null));
        cases.add(json("waitlist: deep nesting", path, "{\"consent\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}",
                Set.of(400, 413), null));
        cases.add(json("waitlist: empty", path, "", Set.of(400), null));
        cases.add(json("waitlist: array", path, "[]", Set.of(400), null));
        cases.add(json("waitlist: consent a string", path, "{\"email\":\"a@b.org\",\"consent\":\"yes\"}", Set.of(400), null));
        cases.add(new Case("waitlist: invalid UTF-8 in the name", "POST", path, Map.of("Content-Type", "application/json"),
                new byte[] { '{', '"', 'f', 'u', 'l', 'l', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}' },
                Set.of(400), null));
        cases.add(new Case("waitlist: form encoded", "POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "email=a@b.org".getBytes(StandardCharsets.UTF_8), Set.of(400, 415), null));
        cases.add(new Case("waitlist: GET", "GET", path, Map.of(), null, Set.of(405), null));
    }

    /**
     * The links of invitation emails: unknown, malformed and injected tokens are 404 (or 400), a
     * replayed (already answered) token and an expired one are 410, a token of the wrong kind is 404.
     */
    private void invitationCases(List<Case> cases) {
        String answered = java.util.UUID.randomUUID().toString();
        String expired = java.util.UUID.randomUUID().toString();
        long fakeAllocation = -Math.abs(System.nanoTime());
        jdbc.sql("""
                insert into invitation (allocation_id, entry_id, status, reply_deadline, accept_token_hash,
                    unsubscribe_token_hash, unsubscribe_expires_at, unsubscribe_used_at, response, responded_at)
                values (?, -1, 'SENT', now() + interval '5 days', ?, ?, now() + interval '90 days', now(), 'ACCEPTED', now())""")
                .params(fakeAllocation, sha256(answered), sha256(answered + "-unsubscribe")).update();
        jdbc.sql("""
                insert into invitation (allocation_id, entry_id, status, reply_deadline, decline_token_hash,
                    unsubscribe_token_hash, unsubscribe_expires_at)
                values (?, -1, 'SENT', now() - interval '1 minute', ?, ?, now() - interval '1 minute')""")
                .params(fakeAllocation - 1, sha256(expired), sha256(expired + "-unsubscribe")).update();
        List<String> tokens = new ArrayList<>(INJECTIONS);
        tokens.add("A".repeat(43));
        tokens.add("");
        for (String token : tokens) {
            String encoded = encode(token);
            cases.add(new Case("invitation: read token " + abbreviate(token), "GET", "/api/public/invitations/" + encoded,
                    Map.of(), null, Set.of(400, 404, 405), null));
            for (String action : List.of("accept", "decline")) {
                cases.add(new Case("invitation: " + action + " token " + abbreviate(token), "POST",
                        "/api/public/invitations/" + encoded + "/" + action, Map.of(), null, Set.of(400, 404), null));
            }
            cases.add(new Case("unsubscribe: token " + abbreviate(token), "POST", "/api/public/unsubscribe/" + encoded,
                    Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8), Set.of(400, 404, 405), null));
        }
        cases.add(new Case("invitation: replayed accept", "POST", "/api/public/invitations/" + answered + "/accept",
                Map.of(), null, Set.of(410), null));
        cases.add(new Case("invitation: read an answered one", "GET", "/api/public/invitations/" + answered,
                Map.of(), null, Set.of(410), null));
        cases.add(new Case("invitation: expired decline", "POST", "/api/public/invitations/" + expired + "/decline",
                Map.of(), null, Set.of(410), null));
        cases.add(new Case("invitation: a decline token used to accept", "POST", "/api/public/invitations/" + expired
                + "/accept", Map.of(), null, Set.of(404, 410), null));
        cases.add(new Case("unsubscribe: replayed", "POST", "/api/public/unsubscribe/" + answered + "-unsubscribe",
                Map.of(), null, Set.of(410), null));
        cases.add(new Case("unsubscribe: expired", "POST", "/api/public/unsubscribe/" + expired + "-unsubscribe",
                Map.of(), null, Set.of(410), null));
    }

    private static byte[] sha256(String token) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        }
        catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Case json(String name, String path, String body, Set<Integer> allowed, String field) {
        return new Case(name, "POST", path, Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8), allowed, field);
    }

    private static Case get(String path, String field) {
        return new Case("list " + path, "GET", path, Map.of(), null, Set.of(400), field);
    }

    private static Case webhook(String name, String body, String timestamp, String signature, Set<Integer> allowed) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Content-Type", "application/json"));
        if (timestamp != null) {
            headers.put("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        }
        if (signature != null) {
            headers.put("X-Twilio-Email-Event-Webhook-Signature", signature);
        }
        return new Case(name, "POST", "/api/public/sendgrid/events", headers, body.getBytes(StandardCharsets.UTF_8),
                allowed, null);
    }

    private static String quote(String value) {
        return com.jadecrane.support.Json.write(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 30 ? printable.substring(0, 30) + "..." : printable;
    }

    /** @param allowed the statuses that are right for this case; {@code field} the problem must name, if any */
    record Case(String name, String method, String path, Map<String, String> headers, byte[] body,
            Set<Integer> allowed, String field) {
    }
}
