package com.jadecrane.content;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.jadecrane.hospitals.HospitalFixtures;
import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static com.jadecrane.content.GuideFixtures.created;
import static com.jadecrane.content.GuideFixtures.minimal;
import static com.jadecrane.content.GuideFixtures.published;
import static com.jadecrane.content.GuideFixtures.sample;
import static com.jadecrane.content.GuideFixtures.uniqueSlug;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin API of guide pages over real HTTP: model, validation, workflow, locking, revisions, roles. */
@IntegrationTest
class GuideApiTests {

    @LocalServerPort
    int port;

    @Test
    void theSamplePageRoundTripsFieldByField() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String slug = uniqueSlug("sample");

        long id = ((Number) created(editor, sample(slug)).get("id")).longValue();
        ApiClient.Response guide = editor.get("/api/guides/" + id);

        assertThat(guide.<String>json("$.slug")).isEqualTo(slug);
        assertThat(guide.<String>json("$.locale")).isEqualTo("en");
        assertThat(guide.<String>json("$.status")).isEqualTo("DRAFT");
        assertThat(guide.<Integer>json("$.version")).isZero();
        assertThat(guide.<String>json("$.title")).isEqualTo("Best hospital for a cancer second opinion in China");
        assertThat(guide.<String>json("$.summary")).startsWith("The best hospital for a cancer second opinion in China")
                .contains("patient\u2019s cancer type").endsWith("after the opinion is delivered.");
        assertThat(guide.<List<String>>json("$.sections[*].type"))
                .containsExactly("BULLETS", "BULLETS", "TEXT", "LINKS", "BULLETS", "FAQ");
        assertThat(guide.<List<String>>json("$.sections[*].heading")).containsExactly("What Good Fit Looks Like",
                "Questions To Ask Before Requesting Review", "Why Rankings Are Not Enough", "Related Resources",
                "Red Flags", "FAQ");
        assertThat(guide.<List<String>>json("$.sections[0].items")).hasSize(5)
                .startsWith("Strong department alignment with the specific cancer type")
                .endsWith("A realistic path for follow-up questions after the opinion");
        assertThat(guide.<List<String>>json("$.sections[1].items")).hasSize(6)
                .endsWith("What parts of the process can happen remotely before travel?");
        assertThat(guide.<String>json("$.sections[2].body")).startsWith("National reputation may matter")
                .endsWith("with a stronger review process.");
        assertThat(guide.<List<String>>json("$.sections[3].links[*].label")).containsExactly(
                "Best Cancer Hospitals in China for Foreigners", "Oncology Second Opinion in China for Foreigners",
                "Foreign Patient Records Prep Sheet for China Care", "How We Verify Chinese Hospitals and Doctors");
        assertThat(guide.<List<String>>json("$.sections[3].links[*].href")).allMatch(href -> href.startsWith("/guides/"));
        assertThat(guide.<List<String>>json("$.sections[4].items")).hasSize(5)
                .contains("Pressure to travel before remote record triage is complete");
        assertThat(guide.<List<String>>json("$.sections[5].faqs[*].question")).containsExactly(
                "What makes a hospital a good fit for a cancer second opinion in China?",
                "Do hospital rankings alone decide where to go?",
                "What should foreigners prepare before requesting review?");
        assertThat(guide.<String>json("$.sections[5].faqs[1].answer")).startsWith("No. Rankings can be a starting point");
        assertThat(guide.<String>json("$.disclaimer")).isEqualTo("This page is general information for planning and "
                + "logistics. It is not medical advice, diagnosis, or treatment guidance. Always consult qualified "
                + "clinicians before making healthcare decisions.");
        assertThat(guide.<String>json("$.cta.text")).startsWith("Trying to organize a cancer second-opinion request")
                .contains("Join the Jade Crane waitlist to request a private consultation window.");
        assertThat(guide.<String>json("$.cta.buttonLabel")).isEqualTo("Join the waitlist");
        assertThat(guide.<String>json("$.cta.specialty")).isEqualTo("oncology");
        assertThat(guide.<List<String>>json("$.specialties")).containsExactly("oncology");
        assertThat(guide.<String>json("$.seoTitle")).isNotBlank();
        assertThat(guide.<String>json("$.seoDescription")).isNotBlank();
        assertThat(guide.<String>json("$.medicalReview.reviewer")).isEqualTo("Dr. Test Reviewer");
        assertThat(guide.<String>json("$.medicalReview.reviewedOn")).isEqualTo("2026-11-01");
        assertThat(guide.<String>json("$.medicalReview.nextReviewDue")).isEqualTo("2027-05-01");
        assertThat(guide.<Integer>json("$.currentRevision")).isEqualTo(1);
        assertThat(guide.<Boolean>json("$.hasUnpublishedChanges")).isTrue();
    }

    @Test
    void publishingRefusesAndNamesEveryMissingThing() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String draftSlug = uniqueSlug("draft-target");
        created(editor, minimal(draftSlug, "Still a draft"));
        String liveSlug = uniqueSlug("live-target");
        published(editor, minimal(liveSlug, "Live"));
        Map<String, Object> body = minimal(uniqueSlug("incomplete"), "Incomplete page");
        body.remove("disclaimer");
        body.remove("medicalReview");
        body.put("relatedGuides", List.of(liveSlug, "no-such-guide-anywhere"));
        body.put("sections", List.of(Map.of("type", "LINKS", "heading", "Related Resources", "links", List.of(
                Map.of("label", "Draft", "href", "/guides/" + draftSlug),
                Map.of("label", "Live", "href", "/guides/" + liveSlug),
                Map.of("label", "Elsewhere", "href", "https://example.org/page")))));
        Map<String, Object> guide = created(editor, body);
        Object id = guide.get("id");

        ApiClient.Response fromDraft = editor.post("/api/guides/" + id + "/publish", Json.object("version", 0));
        assertThat(fromDraft.status()).as("a draft must go through review first").isEqualTo(409);

        int version = editor.post("/api/guides/" + id + "/submit", Json.object("version", 0)).json("$.version");
        ApiClient.Response refused = editor.post("/api/guides/" + id + "/publish", Json.object("version", version));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactlyInAnyOrder("disclaimer",
                "medicalReview", "relatedGuides[1]", "sections[0].links[0].href");
        assertThat(refused.<List<String>>json("$.errors[?(@.field == 'relatedGuides[1]')].message"))
                .singleElement().asString().contains("no-such-guide-anywhere");
        assertThat(editor.get("/api/guides/" + id).<String>json("$.status")).isEqualTo("IN_REVIEW");
        assertThat(new ApiClient(port).get("/api/public/guides/" + body.get("slug")).status()).isEqualTo(404);
    }

    @Test
    void aPublishedPageNamesOnlyCurrentlyVerifiedHospitals() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String verifiedHospital = HospitalFixtures.uniqueSlug("verified-hospital");
        HospitalFixtures.verified(editor, verifiedHospital);
        String unverifiedHospital = HospitalFixtures.uniqueSlug("unverified-hospital");
        HospitalFixtures.create(editor, unverifiedHospital);
        Map<String, Object> body = minimal(uniqueSlug("names-hospitals"), "Names hospitals");
        body.put("relatedHospitals", List.of(verifiedHospital, unverifiedHospital, "no-such-hospital"));
        Map<String, Object> guide = created(editor, body);
        Object id = guide.get("id");
        int version = editor.post("/api/guides/" + id + "/submit", Json.object("version", 0)).json("$.version");

        ApiClient.Response refused = editor.post("/api/guides/" + id + "/publish", Json.object("version", version));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.<List<String>>json("$.errors[*].field"))
                .containsExactlyInAnyOrder("relatedHospitals[1]", "relatedHospitals[2]");
        assertThat(refused.<List<String>>json("$.errors[?(@.field == 'relatedHospitals[1]')].message"))
                .singleElement().asString().contains(unverifiedHospital);

        body.put("relatedHospitals", List.of(verifiedHospital));
        body.put("version", version);
        int saved = editor.put("/api/guides/" + id, Json.write(body)).json("$.version");
        assertThat(editor.post("/api/guides/" + id + "/publish", Json.object("version", saved)).status()).isEqualTo(200);
        assertThat(new ApiClient(port).get("/api/public/guides/" + body.get("slug"))
                .<List<String>>json("$.relatedHospitals")).containsExactly(verifiedHospital);
    }

    @Test
    void aPublishedPageKeepsItsPublicRevisionUntilTheDraftIsPublished() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String slug = uniqueSlug("separation");
        Map<String, Object> guide = published(editor, minimal(slug, "First title"));
        Object id = guide.get("id");
        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.get("/api/public/guides/" + slug).<String>json("$.title")).isEqualTo("First title");

        Map<String, Object> change = minimal(slug, "Second title");
        change.put("version", guide.get("version"));
        ApiClient.Response saved = editor.put("/api/guides/" + id, Json.write(change));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.<String>json("$.status")).isEqualTo("PUBLISHED");
        assertThat(saved.<Boolean>json("$.hasUnpublishedChanges")).isTrue();
        assertThat(saved.<Integer>json("$.publishedRevision")).isEqualTo(1);
        assertThat(saved.<Integer>json("$.currentRevision")).isEqualTo(2);
        assertThat(anonymous.get("/api/public/guides/" + slug).<String>json("$.title")).isEqualTo("First title");

        ApiClient.Response republished = editor.post("/api/guides/" + id + "/publish",
                Json.object("version", saved.<Integer>json("$.version")));

        assertThat(republished.<Boolean>json("$.hasUnpublishedChanges")).isFalse();
        ApiClient.Response live = anonymous.get("/api/public/guides/" + slug + "?locale=en");
        assertThat(live.<String>json("$.title")).isEqualTo("Second title");
        assertThat(live.<Integer>json("$.revision")).isEqualTo(2);

        editor.post("/api/guides/" + id + "/archive", Json.object("version", republished.<Integer>json("$.version")));
        assertThat(anonymous.get("/api/public/guides/" + slug).status()).isEqualTo(404);
        assertThat(anonymous.get("/api/public/guides?size=200").body()).doesNotContain(slug);
    }

    @Test
    void aStaleSaveGets409WithTheCurrentVersionAndOverwritesNothing() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String slug = uniqueSlug("stale");
        Object id = created(editor, minimal(slug, "Original")).get("id");
        Map<String, Object> first = minimal(slug, "First editor");
        first.put("version", 0);
        assertThat(editor.put("/api/guides/" + id, Json.write(first)).status()).isEqualTo(200);

        Map<String, Object> second = minimal(slug, "Second editor");
        second.put("version", 0);
        ApiClient.Response stale = editor.put("/api/guides/" + id, Json.write(second));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.<Integer>json("$.currentVersion")).isEqualTo(1);
        ApiClient.Response current = editor.get("/api/guides/" + id);
        assertThat(current.<String>json("$.title")).isEqualTo("First editor");
        assertThat(current.<Integer>json("$.currentRevision")).isEqualTo(2);
        assertThat(editor.post("/api/guides/" + id + "/submit", Json.object("version", 0)).status()).isEqualTo(409);
        second.remove("version");
        assertThat(editor.put("/api/guides/" + id, Json.write(second)).<List<String>>json("$.errors[*].field"))
                .containsExactly("version");
    }

    @Test
    void everySaveKeepsARevisionThatCanBeComparedAndRestored() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String slug = uniqueSlug("revisions");
        Object id = created(editor, minimal(slug, "Title one")).get("id");
        Map<String, Object> change = minimal(slug, "Title two");
        change.put("version", 0);
        change.put("sections", List.of(Map.of("type", "TEXT", "heading", "Overview", "body", "Changed text."),
                Map.of("type", "BULLETS", "heading", "Red Flags", "items", List.of("One"))));
        int version = editor.put("/api/guides/" + id, Json.write(change)).json("$.version");

        ApiClient.Response revisions = editor.get("/api/guides/" + id + "/revisions");
        assertThat(revisions.<List<Integer>>json("$[*].revision")).containsExactly(2, 1);
        assertThat(revisions.<List<String>>json("$[*].savedBy")).allMatch(who -> who.startsWith("editor-"));
        assertThat(revisions.<List<String>>json("$[*].savedAt")).allMatch(at -> at != null);
        assertThat(editor.get("/api/guides/" + id + "/revisions/1").<String>json("$.content.title")).isEqualTo("Title one");

        ApiClient.Response diff = editor.get("/api/guides/" + id + "/revisions/diff?from=1&to=2");
        assertThat(diff.<List<String>>json("$.changes[*].path")).containsExactly("title", "sections[0]", "sections[1]");
        assertThat(diff.<List<String>>json("$.changes[*].change")).containsExactly("CHANGED", "CHANGED", "ADDED");
        assertThat(diff.<String>json("$.changes[0].before")).isEqualTo("Title one");
        assertThat(diff.<String>json("$.changes[0].after")).isEqualTo("Title two");
        assertThat(diff.<String>json("$.changes[1].after.body")).isEqualTo("Changed text.");

        assertThat(editor.post("/api/guides/" + id + "/revisions/1/restore", Json.object("version", 0)).status())
                .isEqualTo(409);
        ApiClient.Response restored = editor.post("/api/guides/" + id + "/revisions/1/restore",
                Json.object("version", version));

        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.<String>json("$.title")).isEqualTo("Title one");
        assertThat(restored.<List<Object>>json("$.sections")).hasSize(1);
        assertThat(restored.<Integer>json("$.currentRevision")).isEqualTo(3);
        ApiClient.Response history = editor.get("/api/guides/" + id + "/revisions");
        assertThat(history.<List<Integer>>json("$[*].revision")).containsExactly(3, 2, 1);
        assertThat(history.<String>json("$[0].note")).isEqualTo("restored from revision 1");
        assertThat(editor.get("/api/guides/" + id + "/revisions/diff?from=1&to=3").<List<Object>>json("$.changes")).isEmpty();
        assertThat(editor.get("/api/guides/" + id + "/revisions/9").status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndNothingIsSaved() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        Map<String, Object> body = minimal("Not A Slug", "");
        body.put("locale", "english");
        body.put("specialties", List.of("oncology", "astrology"));
        body.put("cta", Map.of("text", "Join", "buttonLabel", "Join", "specialty", "no-such-specialty"));
        body.put("sections", List.of(Map.of("type", "TEXT", "heading", "", "body", "x"),
                Map.of("type", "BULLETS", "heading", "Empty", "items", List.of()),
                Map.of("type", "LINKS", "heading", "Links", "links", List.of(Map.of("label", "x", "href", "ftp://x.org")))));

        ApiClient.Response refused = editor.post("/api/guides", Json.write(body));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactlyInAnyOrder("slug", "locale", "title",
                "specialties[1]", "cta.specialty", "sections[0].heading", "sections[1].items",
                "sections[2].links[0].href");
        assertThat(editor.get("/api/guides?q=Not%20A%20Slug").body()).isEqualTo("[]");

        Map<String, Object> wrongType = minimal(uniqueSlug("type"), "Wrong section type");
        wrongType.put("sections", List.of(Map.of("type", "VIDEO", "heading", "x")));
        assertThat(editor.post("/api/guides", Json.write(wrongType)).<List<String>>json("$.errors[*].field"))
                .containsExactly("sections[0]");
        assertThat(editor.post("/api/guides", "[1, 2]").status()).isEqualTo(400);
    }

    @Test
    void slugsAreUniquePerLocaleAndTranslationsAreLinked() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String slug = uniqueSlug("translated");
        Object english = created(editor, minimal(slug, "English")).get("id");

        ApiClient.Response duplicate = editor.post("/api/guides", Json.write(minimal(slug, "Again")));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.<List<String>>json("$.errors[*].field")).containsExactly("slug");

        Map<String, Object> chinese = minimal(slug, "Chinese");
        chinese.put("locale", "zh-Hans");
        chinese.put("translationOf", english);
        Object chineseId = created(editor, chinese).get("id");

        ApiClient.Response englishView = editor.get("/api/guides/" + english);
        assertThat(englishView.<List<String>>json("$.translations[*].locale")).containsExactly("zh-Hans");
        assertThat(editor.get("/api/guides/" + chineseId).<List<Integer>>json("$.translations[*].id"))
                .containsExactly(((Number) english).intValue());
        Map<String, Object> secondChinese = minimal(uniqueSlug("translated"), "Another Chinese");
        secondChinese.put("locale", "zh-Hans");
        secondChinese.put("translationOf", english);
        assertThat(editor.post("/api/guides", Json.write(secondChinese)).<List<String>>json("$.errors[*].field"))
                .containsExactly("translationOf");
    }

    @Test
    void missingGuidesAnswer404() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        assertThat(editor.get("/api/guides/987654321").status()).isEqualTo(404);
        assertThat(editor.get("/api/guides/987654321/revisions").status()).isEqualTo(404);
        assertThat(editor.post("/api/guides/987654321/publish", Json.object("version", 0)).status()).isEqualTo(404);
        Map<String, Object> change = minimal("gone", "Gone");
        change.put("version", 0);
        assertThat(editor.put("/api/guides/987654321", Json.write(change)).status()).isEqualTo(404);
        ApiClient.Response unknown = new ApiClient(port).get("/api/public/guides/no-such-guide-" + System.nanoTime());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theListSearchesFiltersSortsAndPages() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String marker = "listmark" + System.nanoTime();
        Map<String, Object> dueSoon = minimal(marker + "-a", "Alpha " + marker);
        dueSoon.put("medicalReview", Map.of("reviewer", "Dr. R", "reviewedOn", "2026-01-01",
                "nextReviewDue", java.time.LocalDate.now().plusDays(10).toString()));
        created(editor, dueSoon);
        Map<String, Object> cardiology = minimal(marker + "-b", "Beta " + marker);
        cardiology.put("specialties", List.of("cardiology"));
        published(editor, cardiology);
        Map<String, Object> spanish = minimal(marker + "-c", "Gamma " + marker);
        spanish.put("locale", "es");
        created(editor, spanish);

        ApiClient.Response all = editor.get("/api/guides?q=" + marker + "&sort=title,desc&size=2&page=0");
        assertThat(all.header("X-Total-Count")).contains("3");
        assertThat(all.<List<String>>json("$[*].slug")).containsExactly(marker + "-c", marker + "-b");
        assertThat(editor.get("/api/guides?q=" + marker + "&sort=title,desc&size=2&page=1").<List<String>>json("$[*].slug"))
                .containsExactly(marker + "-a");
        assertThat(slugs(editor, "q=" + marker + "&status=PUBLISHED")).containsExactly(marker + "-b");
        assertThat(slugs(editor, "q=" + marker + "&locale=es")).containsExactly(marker + "-c");
        assertThat(slugs(editor, "q=" + marker + "&specialty=cardiology")).containsExactly(marker + "-b");
        assertThat(slugs(editor, "q=" + marker + "&reviewDueSoon=true")).containsExactly(marker + "-a");
        assertThat(slugs(editor, "q=" + marker + "&reviewDueBefore=2027-06-01")).hasSize(3);
        assertThat(slugs(editor, "q=" + marker.toUpperCase() + "-B")).containsExactly(marker + "-b");
        assertThat(editor.get("/api/guides?sort=content,asc").status()).isEqualTo(400);
        assertThat(editor.get("/api/guides?status=LOST").status()).isEqualTo(400);
    }

    @Test
    void opsAndLeadershipReadButCannotWriteAndAnonymousGets401() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String slug = uniqueSlug("roles");
        Object id = created(editor, minimal(slug, "Roles")).get("id");
        String version = Json.object("version", 0);
        Map<String, Object> change = minimal(slug, "Changed");
        change.put("version", 0);

        for (String role : new String[] { "OPS", "LEADERSHIP" }) {
            ApiClient reader = TestUsers.signedIn(port, role);
            assertThat(reader.get("/api/guides").status()).as(role).isEqualTo(200);
            assertThat(reader.get("/api/guides/" + id).status()).as(role).isEqualTo(200);
            assertThat(reader.get("/api/guides/" + id + "/revisions").status()).as(role).isEqualTo(200);
            assertThat(reader.get("/api/guides/" + id + "/revisions/1").status()).as(role).isEqualTo(200);
            assertThat(reader.get("/api/guides/" + id + "/revisions/diff?from=1&to=1").status()).as(role).isEqualTo(200);
            assertThat(reader.post("/api/guides", Json.write(minimal(uniqueSlug("no"), "No"))).status()).as(role).isEqualTo(403);
            assertThat(reader.put("/api/guides/" + id, Json.write(change)).status()).as(role).isEqualTo(403);
            for (String action : new String[] { "submit", "publish", "archive", "schedule", "revisions/1/restore" }) {
                assertThat(reader.post("/api/guides/" + id + "/" + action, version).status()).as(role + " " + action)
                        .isEqualTo(403);
            }
        }
        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.get("/api/guides").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/guides/" + id).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/guides", Json.write(minimal(uniqueSlug("no"), "No"))).status()).isIn(401, 403);
        assertThat(editor.get("/api/guides/" + id).<String>json("$.title")).isEqualTo("Roles");
        assertThat(TestUsers.admin(port).put("/api/guides/" + id, Json.write(change)).status()).isEqualTo(200);
    }

    private static List<String> slugs(ApiClient client, String query) {
        ApiClient.Response response = client.get("/api/guides?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json("$[*].slug");
    }
}
