package com.jadecrane.hospitals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.Json;

/** Profiles created through the API as an editor would, with unique slugs (the database is shared). */
public final class HospitalFixtures {

    private HospitalFixtures() {
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A complete profile body: every field the API knows, so key-set assertions see them all. */
    static Map<String, Object> profile(String slug, String city, String specialty) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("name", "Test Hospital " + slug);
        body.put("localName", "测试医院");
        body.put("city", city);
        body.put("province", "Test Province");
        body.put("grade", "Grade 3A");
        body.put("website", "https://" + slug + ".example");
        body.put("internationalDesk", Map.of("email", "desk@" + slug + ".example", "phone", "+86 10 0000 0000",
                "wechat", "desk-" + slug, "languages", List.of("en", "zh"), "notes", "INTERNAL desk note"));
        body.put("departments", List.of(Map.of("name", "Thoracic Oncology", "specialties", List.of("oncology", specialty),
                "notes", "INTERNAL department note")));
        body.put("fit", Map.of("outsidePathologyReview", true, "imagingReviewDicom", true, "multidisciplinaryTeam", true,
                "translatedWrittenSummary", true, "summaryLanguages", List.of("en"), "remoteRecordTriage", true,
                "followUpChannel", "EMAIL", "followUpNotes", "INTERNAL follow-up note",
                "recordsRequired", List.of("Pathology report", "Imaging (DICOM)")));
        body.put("redFlagsObserved", List.of("INTERNAL red flag"));
        return body;
    }

    public static ApiClient.Response create(ApiClient editor, String slug) {
        return create(editor, profile(slug, "Shanghai", "lung-cancer"));
    }

    static ApiClient.Response create(ApiClient editor, Map<String, Object> profile) {
        ApiClient.Response created = editor.post("/api/hospitals", Json.write(profile));
        if (created.status() != 201) {
            throw new AssertionError("Could not create hospital: " + created);
        }
        return created;
    }

    static long id(ApiClient.Response hospital) {
        return hospital.<Integer>json("$.id").longValue();
    }

    static int version(ApiClient editor, long id) {
        return editor.get("/api/hospitals/" + id).json("$.version");
    }

    static ApiClient.Response changeStatus(ApiClient editor, long id, String status, String reason) {
        return editor.post("/api/hospitals/" + id + "/status",
                Json.object("status", status, "reason", reason, "version", version(editor, id)));
    }

    static ApiClient.Response recordVerification(ApiClient editor, long id, LocalDate verifiedOn) {
        return editor.post("/api/hospitals/" + id + "/verifications", Json.object("verifiedOn", verifiedOn.toString(),
                "method", "VIDEO_CALL", "verifier", "Test Verifier", "notes", "INTERNAL verification note"));
    }

    /** Created, taken into verification and verified today: what the public API shows. */
    static long verified(ApiClient editor, Map<String, Object> profile) {
        long id = id(create(editor, profile));
        changeStatus(editor, id, "IN_VERIFICATION", null);
        ApiClient.Response verification = recordVerification(editor, id, LocalDate.now());
        if (verification.status() != 201) {
            throw new AssertionError("Could not verify hospital: " + verification);
        }
        return id;
    }

    public static long verified(ApiClient editor, String slug) {
        return verified(editor, profile(slug, "Shanghai", "lung-cancer"));
    }

    /** A multipart/form-data upload of one part named {@code file}, as a browser sends it. */
    static ApiClient.Response upload(ApiClient client, String path, String fileName, String declaredType, byte[] content) {
        String boundary = "----jadecrane" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(client.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    static byte[] smallPdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }
}
