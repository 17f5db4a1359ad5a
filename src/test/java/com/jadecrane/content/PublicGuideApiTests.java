package com.jadecrane.content;

import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static com.jadecrane.content.GuideFixtures.created;
import static com.jadecrane.content.GuideFixtures.minimal;
import static com.jadecrane.content.GuideFixtures.published;
import static com.jadecrane.content.GuideFixtures.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

/** What the public site reads: published snapshots, caching, safe HTML; and scheduled publishing. */
@IntegrationTest
@RecordApplicationEvents
class PublicGuideApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Guides guides;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void aPublishedPageAnswers304ToItsETagUntilItIsRepublished() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String slug = uniqueSlug("etag");
        Map<String, Object> guide = published(editor, minimal(slug, "Cached"));
        ApiClient anonymous = new ApiClient(port);

        ApiClient.Response first = anonymous.get("/api/public/guides/" + slug);
        String etag = first.header("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(first.header("Cache-Control").orElseThrow()).contains("max-age=300").contains("public");

        ApiClient.Response notModified = anonymous.send(anonymous.request("/api/public/guides/" + slug)
                .header("If-None-Match", etag).GET());
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("ETag")).contains(etag);

        Map<String, Object> change = minimal(slug, "Cached, changed");
        change.put("version", guide.get("version"));
        int version = editor.put("/api/guides/" + guide.get("id"), Json.write(change)).json("$.version");
        assertThat(status(anonymous, slug, etag)).as("an unpublished edit changes nothing public").isEqualTo(304);
        editor.post("/api/guides/" + guide.get("id") + "/publish", Json.object("version", version));

        assertThat(status(anonymous, slug, etag)).isEqualTo(200);
    }

    @Test
    void scriptsJavascriptLinksAndEventHandlersNeverComeBackExecutable() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String slug = uniqueSlug("xss");
        Map<String, Object> body = minimal(slug, "Safe <script>alert('title')</script>");
        body.put("summary", "<script>alert(1)</script> **bold**");
        body.put("disclaimer", "<img src=x onerror=alert(1)>");
        body.put("sections", List.of(
                Map.of("type", "TEXT", "heading", "<b onmouseover=alert(1)>Head</b>",
                        "body", "Text <img src=x onerror=alert(2)> and [click](javascript:alert(3)) and <a href=\"javascript:alert(4)\">a</a>"),
                Map.of("type", "BULLETS", "heading", "List", "items", List.of("<script>alert(5)</script>", "[x](javascript:alert(6))",
                        "[y](data:text/html,alert) [z](//evil.example/)")),
                Map.of("type", "FAQ", "heading", "FAQ", "faqs", List.of(Map.of("question", "<script>q</script>",
                        "answer", "<iframe src=javascript:alert(7)></iframe>"))),
                Map.of("type", "LINKS", "heading", "Links", "links", List.of(Map.of("label", "<script>l</script>",
                        "href", "https://example.org/a?b=1&c=x'y")))));

        Map<String, Object> badLink = minimal(uniqueSlug("xss-link"), "Bad link");
        badLink.put("sections", List.of(Map.of("type", "LINKS", "heading", "Links", "links", List.of(
                Map.of("label", "ok", "href", "/guides/x"), Map.of("label", "js", "href", "javascript:alert(1)"),
                Map.of("label", "data", "href", "data:text/html,<script>alert(1)</script>"),
                Map.of("label", "other host", "href", "//evil.example/x")))));
        ApiClient.Response refused = editor.post("/api/guides", Json.write(badLink));
        assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactly("sections[0].links[1].href",
                "sections[0].links[2].href", "sections[0].links[3].href");

        published(editor, body);
        ApiClient.Response page = new ApiClient(port).get("/api/public/guides/" + slug);

        assertThat(page.contentType()).startsWith("application/json");
        assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
        List<String> html = new java.util.ArrayList<>();
        html.add(page.json("$.summaryHtml"));
        html.add(page.json("$.disclaimerHtml"));
        html.addAll(page.json("$.sections[*].html"));
        for (String fragment : html) {
            // escaped text may still read "javascript:" or "onerror=", but never as markup
            assertThat(fragment.toLowerCase()).doesNotContain("<script", "<img", "<iframe", "<b ", "href=\"javascript",
                    "href=\"data:", "href=\"//");
        }
        assertThat(page.<String>json("$.summaryHtml")).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt; <strong>bold</strong></p>");
        assertThat(page.<String>json("$.disclaimerHtml")).isEqualTo("<p>&lt;img src=x onerror=alert(1)&gt;</p>");
        assertThat(page.<String>json("$.sections[0].html")).contains("<a rel=\"nofollow\" href=\"\">click</a>")
                .contains("&lt;a href=&quot;javascript:alert(4)&quot;&gt;");
        assertThat(page.<String>json("$.sections[3].html"))
                .contains("<a href=\"https://example.org/a?b=1&amp;c=x&#39;y\">&lt;script&gt;l&lt;/script&gt;</a>");
        // the text fields are given back as typed: data, for the site to escape as it renders them
        assertThat(page.<String>json("$.summary")).isEqualTo("<script>alert(1)</script> **bold**");
    }

    @Test
    void theListShowsPublishedGuidesOnlyFilteredAndPaged() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String marker = "publist" + System.nanoTime();
        Map<String, Object> live = minimal(marker + "-live", "Live");
        live.put("specialties", List.of("neurology"));
        published(editor, live);
        created(editor, minimal(marker + "-draft", "Draft"));

        ApiClient.Response list = new ApiClient(port).get("/api/public/guides?specialty=neurology&locale=en&size=200");

        assertThat(list.status()).isEqualTo(200);
        assertThat(Integer.parseInt(list.header("X-Total-Count").orElseThrow())).isPositive();
        assertThat(list.<List<String>>json("$[*].slug")).contains(marker + "-live").doesNotContain(marker + "-draft");
        assertThat(list.<List<List<String>>>json("$[*].specialties")).allMatch(s -> s.contains("neurology"));
        assertThat(new ApiClient(port).get("/api/public/guides?locale=fr&size=200").<List<String>>json("$[*].slug"))
                .doesNotContain(marker + "-live");
        assertThat(new ApiClient(port).get("/api/public/guides/" + marker + "-draft").status()).isEqualTo(404);
        assertThat(new ApiClient(port).get("/api/public/guides/" + marker + "-live?locale=fr").status()).isEqualTo(404);
    }

    @Test
    void aScheduledPagePublishesItselfWhenItsTimeComes() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String slug = uniqueSlug("scheduled");
        Map<String, Object> guide = created(editor, minimal(slug, "Scheduled"));
        Object id = guide.get("id");
        int version = editor.post("/api/guides/" + id + "/submit", Json.object("version", 0)).json("$.version");
        String when = OffsetDateTime.now().plusHours(1).toString();

        assertThat(editor.post("/api/guides/" + id + "/schedule", Json.object("version", version, "publishAt",
                OffsetDateTime.now().minusMinutes(1).toString())).<List<String>>json("$.errors[*].field"))
                .containsExactly("publishAt");
        ApiClient.Response scheduled = editor.post("/api/guides/" + id + "/schedule",
                Json.object("version", version, "publishAt", when));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        assertThat(scheduled.<String>json("$.publishAt")).isNotNull();
        assertThat(scheduled.<String>json("$.status")).isEqualTo("IN_REVIEW");

        guides.publishDue();
        assertThat(new ApiClient(port).get("/api/public/guides/" + slug).status()).as("not due yet").isEqualTo(404);

        // an hour passes
        jdbc.sql("update guide set publish_at = now() - interval '1 second' where id = ?").param(((Number) id).longValue()).update();
        assertThat(guides.publishDue()).isPositive();

        assertThat(new ApiClient(port).get("/api/public/guides/" + slug).<String>json("$.title")).isEqualTo("Scheduled");
        ApiClient.Response after = editor.get("/api/guides/" + id);
        assertThat(after.<String>json("$.status")).isEqualTo("PUBLISHED");
        assertThat(after.body()).doesNotContain("\"publishAt\"");
        assertThat(events.stream(GuidePublished.class).filter(e -> e.slug().equals(slug))).singleElement()
                .satisfies(e -> assertThat(e.scheduled()).isTrue());
    }

    @Test
    void aScheduledPageThatNoLongerPassesTheRulesIsUnscheduled() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String target = uniqueSlug("target");
        Map<String, Object> targetGuide = published(editor, minimal(target, "Target"));
        Map<String, Object> body = minimal(uniqueSlug("dependent"), "Dependent");
        body.put("relatedGuides", List.of(target));
        Object id = created(editor, body).get("id");
        int version = editor.post("/api/guides/" + id + "/submit", Json.object("version", 0)).json("$.version");
        assertThat(editor.post("/api/guides/" + id + "/schedule", Json.object("version", version, "publishAt",
                OffsetDateTime.now().plusHours(1).toString())).status()).isEqualTo(200);
        editor.post("/api/guides/" + targetGuide.get("id") + "/archive", Json.object("version", targetGuide.get("version")));

        jdbc.sql("update guide set publish_at = now() - interval '1 second' where id = ?").param(((Number) id).longValue()).update();
        guides.publishDue();

        ApiClient.Response after = editor.get("/api/guides/" + id);
        assertThat(after.<String>json("$.status")).isEqualTo("IN_REVIEW");
        assertThat(after.body()).doesNotContain("\"publishAt\"");
    }

    private static int status(ApiClient client, String slug, String etag) {
        HttpRequest.Builder request = client.request("/api/public/guides/" + slug).header("If-None-Match", etag).GET();
        return client.send(request).status();
    }
}
