package com.jadecrane.hospitals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static com.jadecrane.hospitals.HospitalFixtures.changeStatus;
import static com.jadecrane.hospitals.HospitalFixtures.create;
import static com.jadecrane.hospitals.HospitalFixtures.id;
import static com.jadecrane.hospitals.HospitalFixtures.recordVerification;
import static com.jadecrane.hospitals.HospitalFixtures.uniqueSlug;
import static com.jadecrane.hospitals.HospitalFixtures.upload;
import static com.jadecrane.hospitals.HospitalFixtures.verified;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HospitalVerificationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyRecordingAVerificationMakesAProfileVerified() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        long id = id(create(editor, uniqueSlug("machine")));

        ApiClient.Response byHand = changeStatus(editor, id, "VERIFIED", null);
        assertThat(byHand.status()).isEqualTo(400);
        assertThat(byHand.<List<String>>json("$.errors[*].field")).containsExactly("status");
        assertThat(changeStatus(editor, id, "EXPIRED", null).status()).isEqualTo(400);
        assertThat(recordVerification(editor, id, LocalDate.now()).status()).as("not started").isEqualTo(409);
        assertThat(editor.get("/api/hospitals/" + id).<String>json("$.status")).isEqualTo("UNVERIFIED");
        assertThat(editor.get("/api/hospitals/" + id + "/verifications").body()).isEqualTo("[]");

        assertThat(changeStatus(editor, id, "IN_VERIFICATION", null).<String>json("$.status")).isEqualTo("IN_VERIFICATION");
        LocalDate verifiedOn = LocalDate.now().minusDays(3);
        ApiClient.Response verification = recordVerification(editor, id, verifiedOn);

        assertThat(verification.status()).isEqualTo(201);
        assertThat(verification.<String>json("$.expiresOn")).isEqualTo(verifiedOn.plusMonths(12).toString());
        ApiClient.Response hospital = editor.get("/api/hospitals/" + id);
        assertThat(hospital.<String>json("$.status")).isEqualTo("VERIFIED");
        assertThat(hospital.<String>json("$.latestVerification.verifiedOn")).isEqualTo(verifiedOn.toString());
        assertThat(hospital.<Integer>json("$.latestVerification.id")).isEqualTo(verification.<Integer>json("$.id"));
        assertThat(hospital.<String>json("$.latestVerification.method")).isEqualTo("VIDEO_CALL");
    }

    @Test
    void theDatabaseRefusesAVerifiedProfileWithoutAVerification() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        long id = id(create(editor, uniqueSlug("db-guard")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                jdbc.sql("update hospital set status = 'VERIFIED' where id = ?").param(id).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void verificationDatesAreChecked() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        long id = id(create(editor, uniqueSlug("dates")));
        changeStatus(editor, id, "IN_VERIFICATION", null);
        String path = "/api/hospitals/" + id + "/verifications";

        ApiClient.Response future = recordVerification(editor, id, LocalDate.now().plusDays(1));
        ApiClient.Response backwards = editor.post(path, Json.object("verifiedOn", LocalDate.now().toString(),
                "method", "SITE_VISIT", "verifier", "V", "expiresOn", LocalDate.now().minusDays(1).toString()));
        ApiClient.Response lapsed = editor.post(path, Json.object("verifiedOn", "2020-01-01",
                "method", "SITE_VISIT", "verifier", "V"));
        ApiClient.Response missing = editor.post(path, Json.object("method", "CARRIER_PIGEON"));

        assertThat(future.<List<String>>json("$.errors[*].field")).containsExactly("verifiedOn");
        assertThat(backwards.<List<String>>json("$.errors[*].field")).containsExactly("expiresOn");
        assertThat(lapsed.<List<String>>json("$.errors[*].field")).containsExactly("expiresOn");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.<List<String>>json("$.errors[*].field")).contains("method");
        assertThat(editor.get(path).body()).isEqualTo("[]");

        ApiClient.Response custom = editor.post(path, Json.object("verifiedOn", LocalDate.now().toString(),
                "method", "SITE_VISIT", "verifier", "V", "expiresOn", LocalDate.now().plusMonths(6).toString()));
        assertThat(custom.<String>json("$.expiresOn")).isEqualTo(LocalDate.now().plusMonths(6).toString());
    }

    @Test
    void historyIsKeptLatestFirst() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        long id = id(create(editor, uniqueSlug("history")));
        changeStatus(editor, id, "IN_VERIFICATION", null);
        recordVerification(editor, id, LocalDate.now().minusDays(10));
        recordVerification(editor, id, LocalDate.now());

        ApiClient.Response history = editor.get("/api/hospitals/" + id + "/verifications");

        assertThat(history.<List<String>>json("$[*].verifiedOn")).containsExactly(LocalDate.now().toString(),
                LocalDate.now().minusDays(10).toString());
        assertThat(history.<String>json("$[0].recordedBy")).startsWith("editor-");
        assertThat(recordVerification(editor, id, LocalDate.now().minusDays(20)).<List<String>>json("$.errors[*].field"))
                .containsExactly("verifiedOn");
    }

    @Test
    void suspendingNeedsAReasonAndResumingGoesBackToVerification() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        long id = verified(editor, uniqueSlug("suspend"));

        assertThat(changeStatus(editor, id, "SUSPENDED", " ").<List<String>>json("$.errors[*].field"))
                .containsExactly("reason");
        ApiClient.Response suspended = changeStatus(editor, id, "SUSPENDED", "Desk stopped answering");
        assertThat(suspended.<String>json("$.status")).isEqualTo("SUSPENDED");
        assertThat(suspended.<String>json("$.statusReason")).isEqualTo("Desk stopped answering");
        assertThat(recordVerification(editor, id, LocalDate.now()).status()).isEqualTo(409);
        assertThat(changeStatus(editor, id, "SUSPENDED", "again").status()).isEqualTo(409);

        assertThat(changeStatus(editor, id, "IN_VERIFICATION", null).<String>json("$.status")).isEqualTo("IN_VERIFICATION");
        assertThat(recordVerification(editor, id, LocalDate.now()).status()).isEqualTo(201);
        assertThat(editor.get("/api/hospitals/" + id).<String>json("$.status")).isEqualTo("VERIFIED");
    }

    @Test
    void aStaleStatusChangeGets409() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        long id = id(create(editor, uniqueSlug("stale-status")));
        changeStatus(editor, id, "IN_VERIFICATION", null);

        ApiClient.Response stale = editor.post("/api/hospitals/" + id + "/status",
                Json.object("status", "SUSPENDED", "reason", "x", "version", 0));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.<Integer>json("$.currentVersion")).isEqualTo(1);
        assertThat(editor.get("/api/hospitals/" + id).<String>json("$.status")).isEqualTo("IN_VERIFICATION");
        ApiClient.Response staleVerification = editor.post("/api/hospitals/" + id + "/verifications",
                Json.object("verifiedOn", LocalDate.now().toString(), "method", "PHONE", "verifier", "V", "version", 0));
        assertThat(staleVerification.status()).isEqualTo(409);
    }

    @Test
    void evidenceIsStoredWithItsChecksumAndDownloadedAsAnAttachment() throws Exception {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        long id = verified(editor, uniqueSlug("evidence"));
        long verificationId = editor.get("/api/hospitals/" + id + "/verifications").<Integer>json("$[0].id");
        String path = "/api/hospitals/" + id + "/verifications/" + verificationId + "/evidence";
        byte[] pdf = HospitalFixtures.smallPdf();

        ApiClient.Response uploaded = upload(editor, path, "../../Site visit <report>.pdf", "application/octet-stream", pdf);

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.<String>json("$.fileName")).isEqualTo("Site_visit_report_.pdf");
        assertThat(uploaded.<String>json("$.contentType")).isEqualTo("application/pdf");
        assertThat(uploaded.<Integer>json("$.sizeBytes")).isEqualTo(pdf.length);
        assertThat(uploaded.<String>json("$.sha256"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(uploaded.<String>json("$.uploadedBy")).startsWith("editor-");
        assertThat(editor.get("/api/hospitals/" + id + "/verifications").<List<String>>json("$[0].evidence[*].fileName"))
                .containsExactly("Site_visit_report_.pdf");

        ApiClient.Response download = editor.get(path + "/" + uploaded.<Integer>json("$.id"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(pdf);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains("Site_visit_report_.pdf");
        assertThat(download.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(editor.get(path + "/999999999").status()).isEqualTo(404);
    }

    @Test
    void evidenceOfTheWrongTypeIsRefusedAndNothingIsStored() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        long id = verified(editor, uniqueSlug("wrong-type"));
        long verificationId = editor.get("/api/hospitals/" + id + "/verifications").<Integer>json("$[0].id");
        String path = "/api/hospitals/" + id + "/verifications/" + verificationId + "/evidence";

        ApiClient.Response html = upload(editor, path, "report.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        ApiClient.Response empty = upload(editor, path, "empty.pdf", "application/pdf", new byte[0]);
        ApiClient.Response noFile = editor.post(path, "{}");

        assertThat(html.status()).isEqualTo(415);
        assertThat(html.contentType()).startsWith("application/problem+json");
        assertThat(html.<List<String>>json("$.errors[*].field")).containsExactly("file");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.<List<String>>json("$.errors[*].field")).containsExactly("file");
        assertThat(noFile.status()).isEqualTo(415);
        assertThat(evidenceCount(verificationId)).isZero();
    }

    @Test
    void evidenceOverTheSizeLimitGets413AndNothingIsStored() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        long id = verified(editor, uniqueSlug("too-big"));
        long verificationId = editor.get("/api/hospitals/" + id + "/verifications").<Integer>json("$[0].id");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(HospitalFixtures.smallPdf(), 0, big, 0, HospitalFixtures.smallPdf().length);

        ApiClient.Response response = upload(editor, "/api/hospitals/" + id + "/verifications/" + verificationId
                + "/evidence", "big.pdf", "application/pdf", big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(evidenceCount(verificationId)).isZero();
    }

    @Test
    void evidenceTypesAreJudgedByTheirFirstBytes() {
        assertThat(EvidenceFile.detectType(HospitalFixtures.smallPdf())).contains("application/pdf");
        assertThat(EvidenceFile.detectType(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0 }))
                .contains("image/png");
        assertThat(EvidenceFile.detectType(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0 }))
                .contains("image/jpeg");
        assertThat(EvidenceFile.detectType("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)))
                .contains("image/webp");
        assertThat(EvidenceFile.detectType("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(EvidenceFile.sanitize("C:\\scans\\photo.JPG", "image/jpeg")).isEqualTo("photo.jpg");
        assertThat(EvidenceFile.sanitize("\"; filename=evil.html", "application/pdf")).isEqualTo("filename_evil.pdf");
        assertThat(EvidenceFile.sanitize("...", "image/png")).isEqualTo("evidence.png");
    }

    private long evidenceCount(long verificationId) {
        return jdbc.sql("select count(*) from hospital_verification_evidence where verification_id = ?")
                .param(verificationId).query(Long.class).single();
    }
}
