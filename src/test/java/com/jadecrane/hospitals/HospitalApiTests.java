package com.jadecrane.hospitals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static com.jadecrane.hospitals.HospitalFixtures.create;
import static com.jadecrane.hospitals.HospitalFixtures.id;
import static com.jadecrane.hospitals.HospitalFixtures.profile;
import static com.jadecrane.hospitals.HospitalFixtures.uniqueSlug;
import static com.jadecrane.hospitals.HospitalFixtures.verified;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HospitalApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void editorWritesOpsAndLeadershipOnlyRead() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        long id = verified(editor, uniqueSlug("roles"));
        long verificationId = editor.get("/api/hospitals/" + id + "/verifications").<Integer>json("$[0].id");
        String verifications = "/api/hospitals/" + id + "/verifications";
        long evidenceId = HospitalFixtures.upload(editor, verifications + "/" + verificationId + "/evidence", "a.pdf",
                "application/pdf", HospitalFixtures.smallPdf()).<Integer>json("$.id");
        String download = verifications + "/" + verificationId + "/evidence/" + evidenceId;
        String newProfile = Json.write(profile(uniqueSlug("refused"), "Beijing", "lung-cancer"));
        String status = Json.object("status", "SUSPENDED", "reason", "test", "version", 0);
        String verification = Json.object("verifiedOn", LocalDate.now().toString(), "method", "PHONE", "verifier", "X");

        for (String role : new String[] { "OPS", "LEADERSHIP" }) {
            ApiClient reader = TestUsers.signedIn(port, role);
            assertThat(reader.get("/api/hospitals").status()).as(role + " list").isEqualTo(200);
            assertThat(reader.get("/api/hospitals/" + id).status()).as(role + " get").isEqualTo(200);
            assertThat(reader.get("/api/hospitals/due-for-reverification").status()).as(role + " due").isEqualTo(200);
            assertThat(reader.get(verifications).status()).as(role + " history").isEqualTo(200);
            assertThat(reader.post("/api/hospitals", newProfile).status()).as(role + " create").isEqualTo(403);
            assertThat(reader.put("/api/hospitals/" + id, newProfile).status()).as(role + " update").isEqualTo(403);
            assertThat(reader.post("/api/hospitals/" + id + "/status", status).status()).as(role + " status").isEqualTo(403);
            assertThat(reader.post(verifications, verification).status()).as(role + " verify").isEqualTo(403);
            assertThat(HospitalFixtures.upload(reader, verifications + "/" + verificationId + "/evidence", "a.pdf",
                    "application/pdf", HospitalFixtures.smallPdf()).status()).as(role + " upload").isEqualTo(403);
        }
        assertThat(TestUsers.signedIn(port, "OPS").get(download).status()).isEqualTo(200);
        assertThat(TestUsers.signedIn(port, "LEADERSHIP").get(download).status()).isEqualTo(403);
        assertThat(TestUsers.admin(port).get(download).status()).isEqualTo(200);
        assertThat(editor.get(download).status()).isEqualTo(200);

        ApiClient anonymous = new ApiClient(port);
        for (String path : new String[] { "/api/hospitals", "/api/hospitals/" + id, verifications, download,
                "/api/hospitals/due-for-reverification" }) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(anonymous.post("/api/hospitals", newProfile).status()).isIn(401, 403);
        assertThat(jdbc.sql("select count(*) from hospital where slug like 'refused-%'").query(Long.class).single())
                .isZero();

        ApiClient admin = TestUsers.admin(port);
        assertThat(admin.post("/api/hospitals", Json.write(profile(uniqueSlug("admin"), "Beijing", "lung-cancer")))
                .status()).isEqualTo(201);
    }

    @Test
    void createdProfileStartsUnverifiedWithSpecialtiesFromItsDepartments() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String slug = uniqueSlug("create");

        ApiClient.Response created = create(editor, profile(slug, "Shanghai", "lung-cancer"));

        assertThat(created.<String>json("$.status")).isEqualTo("UNVERIFIED");
        assertThat(created.<Integer>json("$.version")).isZero();
        assertThat(created.<List<String>>json("$.specialties")).containsExactly("lung-cancer", "oncology");
        assertThat(created.<Boolean>json("$.fit.imagingReviewDicom")).isTrue();
        assertThat(created.<String>json("$.fit.followUpChannel")).isEqualTo("EMAIL");
        assertThat(created.<List<String>>json("$.redFlagsObserved")).containsExactly("INTERNAL red flag");
        assertThat(created.<String>json("$.departments[0].notes")).isEqualTo("INTERNAL department note");
        assertThat(created.body()).doesNotContain("latestVerification");
        assertThat(editor.get("/api/hospitals/" + id(created)).<String>json("$.localName")).isEqualTo("测试医院");
    }

    @Test
    void badInputNamesEachFieldAndSavesNothing() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String slug = uniqueSlug("bad");
        Map<String, Object> bad = profile(slug, "Shanghai", "no-such-specialty");
        bad.put("slug", "Not A Slug!");
        bad.put("website", "javascript:alert(1)");

        ApiClient.Response response = editor.post("/api/hospitals", Json.write(bad));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<List<String>>json("$.errors[*].field")).contains("slug");

        bad.put("slug", slug);
        bad.put("fit", Map.of("translatedWrittenSummary", true));
        response = editor.post("/api/hospitals", Json.write(bad));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<List<String>>json("$.errors[*].field")).containsExactlyInAnyOrder("website",
                "departments[0].specialties[1]", "fit.summaryLanguages");
        assertThat(editor.get("/api/hospitals?q=" + slug).header("X-Total-Count")).contains("0");
    }

    @Test
    void slugsAreUnique() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String slug = uniqueSlug("unique");
        create(editor, slug);

        ApiClient.Response again = editor.post("/api/hospitals", Json.write(profile(slug, "Beijing", "lung-cancer")));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.<List<String>>json("$.errors[*].field")).containsExactly("slug");
    }

    @Test
    void aStaleSaveGets409AndOverwritesNothing() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String slug = uniqueSlug("stale");
        long id = id(create(editor, slug));
        Map<String, Object> first = profile(slug, "Hangzhou", "lung-cancer");
        first.put("version", 0);
        assertThat(editor.put("/api/hospitals/" + id, Json.write(first)).status()).isEqualTo(200);

        Map<String, Object> second = profile(slug, "Nanjing", "lung-cancer");
        second.put("version", 0);
        ApiClient.Response stale = editor.put("/api/hospitals/" + id, Json.write(second));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.<Integer>json("$.currentVersion")).isEqualTo(1);
        assertThat(editor.get("/api/hospitals/" + id).<String>json("$.city")).isEqualTo("Hangzhou");
        second.remove("version");
        assertThat(editor.put("/api/hospitals/" + id, Json.write(second)).<List<String>>json("$.errors[*].field"))
                .containsExactly("version");
    }

    @Test
    void aPutNeverChangesTheStatus() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String slug = uniqueSlug("put-status");
        long id = id(create(editor, slug));
        Map<String, Object> body = profile(slug, "Shanghai", "lung-cancer");
        body.put("version", 0);
        body.put("status", "VERIFIED");

        ApiClient.Response saved = editor.put("/api/hospitals/" + id, Json.write(body));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.<String>json("$.status")).isEqualTo("UNVERIFIED");
    }

    @Test
    void listSearchesFiltersSortsAndPages() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String marker = uniqueSlug("lister");
        String city = "City" + marker.substring(marker.length() - 8);
        verified(editor, profile(marker + "-a", city, "liver-cancer"));
        create(editor, profile(marker + "-b", city, "lung-cancer"));
        create(editor, profile(marker + "-c", "Elsewhere", "liver-cancer"));

        ApiClient.Response all = editor.get("/api/hospitals?q=" + marker + "&sort=slug,desc&size=2");
        assertThat(all.header("X-Total-Count")).contains("3");
        assertThat(all.<List<String>>json("$[*].slug")).containsExactly(marker + "-c", marker + "-b");
        assertThat(editor.get("/api/hospitals?q=" + marker + "&city=" + city.toLowerCase())
                .<List<String>>json("$[*].slug")).containsExactlyInAnyOrder(marker + "-a", marker + "-b");
        assertThat(editor.get("/api/hospitals?q=" + marker + "&specialty=liver-cancer")
                .<List<String>>json("$[*].slug")).containsExactlyInAnyOrder(marker + "-a", marker + "-c");
        assertThat(editor.get("/api/hospitals?q=" + marker + "&status=VERIFIED")
                .<List<String>>json("$[*].slug")).containsExactly(marker + "-a");
        assertThat(editor.get("/api/hospitals?sort=redFlagsObserved,asc").status()).isEqualTo(400);
        assertThat(editor.get("/api/hospitals?status=NOPE").status()).isEqualTo(400);
    }

    @Test
    void dueForReverificationListsVerifiedProfilesLapsingSoonSoonestFirst() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String marker = uniqueSlug("due");
        long soon = verified(editor, marker + "-soon");
        long sooner = verified(editor, marker + "-sooner");
        long later = verified(editor, marker + "-later");
        expireOn(soon, LocalDate.now().plusDays(20));
        expireOn(sooner, LocalDate.now().plusDays(3));
        expireOn(later, LocalDate.now().plusDays(90));

        List<String> due = editor.get("/api/hospitals/due-for-reverification?days=30&size=200").json("$[*].slug");
        assertThat(due.stream().filter(s -> s.startsWith(marker)).toList())
                .containsExactly(marker + "-sooner", marker + "-soon");
        assertThat(editor.get("/api/hospitals?q=" + marker + "&expiringWithinDays=30").<List<String>>json("$[*].slug"))
                .containsExactlyInAnyOrder(marker + "-sooner", marker + "-soon");
        assertThat(editor.get("/api/hospitals/due-for-reverification?days=-1").status()).isEqualTo(400);
    }

    private void expireOn(long hospitalId, LocalDate expiresOn) {
        jdbc.sql("""
                update hospital_verification set expires_on = ?
                where id = (select latest_verification_id from hospital where id = ?)
                """).params(expiresOn, hospitalId).update();
    }
}
