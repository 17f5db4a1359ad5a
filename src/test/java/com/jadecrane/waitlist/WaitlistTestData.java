package com.jadecrane.waitlist;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.Json;

/** Public sign-up bodies and a poster for the waitlist tests (each test uses its own unique emails). */
final class WaitlistTestData {

    private WaitlistTestData() {
    }

    /** A short marker unique to one test, for emails and names nobody else uses. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> signup(String email, String fullName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("fullName", fullName);
        body.put("country", "PT");
        body.put("preferredLanguage", "en");
        body.put("timeZone", "Europe/Lisbon");
        body.put("specialty", "oncology");
        body.put("sourcePage", "cancer-second-opinion-china");
        body.put("message", "My father needs a second opinion.");
        body.put("consent", Map.of("dataProcessing", true, "crossBorderTransfer", true, "marketing", false));
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, Object... keysAndValues) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            copy.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return copy;
    }

    static ApiClient.Response post(int port, Map<String, Object> body) {
        return new ApiClient(port).post("/api/public/waitlist", Json.write(body));
    }

    static void signUp(int port, Map<String, Object> body) {
        ApiClient.Response response = post(port, body);
        if (response.status() != 202) {
            throw new AssertionError("Sign-up refused: " + response);
        }
    }
}
