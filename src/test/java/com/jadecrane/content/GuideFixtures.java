package com.jadecrane.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.Json;

import static org.assertj.core.api.Assertions.assertThat;

/** Guide bodies for the tests: the sample page's full structure, and small valid pages. */
final class GuideFixtures {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private GuideFixtures() {
    }

    static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The sample page (../shared/samples) as the API takes it, under a fresh slug, with a medical review. */
    static Map<String, Object> sample(String slug) {
        try (InputStream in = GuideFixtures.class.getClassLoader().getResourceAsStream(DemoGuides.SAMPLE)) {
            Map<String, Object> body = MAPPER.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {
            });
            body.put("slug", slug);
            body.put("medicalReview", review());
            return body;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The smallest page that may be published. */
    static Map<String, Object> minimal(String slug, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("locale", "en");
        body.put("title", title);
        body.put("summary", "A short answer.");
        body.put("sections", new ArrayList<>(List.of(Map.of("type", "TEXT", "heading", "Overview", "body", "Some text."))));
        body.put("disclaimer", "General information, not medical advice.");
        body.put("specialties", List.of("oncology"));
        body.put("medicalReview", review());
        return body;
    }

    static Map<String, Object> review() {
        return Map.of("reviewer", "Dr. Test Reviewer", "reviewedOn", "2026-11-01", "nextReviewDue", "2027-05-01");
    }

    static Map<String, Object> created(ApiClient client, Map<String, Object> body) {
        ApiClient.Response response = client.post("/api/guides", Json.write(body));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return MAPPER.readValue(response.body(), new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    /** Creates, submits for review and publishes; returns the guide as the admin API shows it afterwards. */
    static Map<String, Object> published(ApiClient client, Map<String, Object> body) {
        Map<String, Object> guide = created(client, body);
        Object id = guide.get("id");
        ApiClient.Response submitted = client.post("/api/guides/" + id + "/submit", Json.object("version", guide.get("version")));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        ApiClient.Response published = client.post("/api/guides/" + id + "/publish",
                Json.object("version", submitted.<Integer>json("$.version")));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return MAPPER.readValue(published.body(), new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    static Map<String, Object> read(ApiClient.Response response) {
        return MAPPER.readValue(response.body(), new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }
}
