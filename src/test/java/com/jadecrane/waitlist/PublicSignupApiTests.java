package com.jadecrane.waitlist;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;

import static com.jadecrane.waitlist.WaitlistTestData.post;
import static com.jadecrane.waitlist.WaitlistTestData.signup;
import static com.jadecrane.waitlist.WaitlistTestData.unique;
import static com.jadecrane.waitlist.WaitlistTestData.with;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PublicSignupApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void acceptsASignupAndStoresItAsItCameWithItsIdentityKeyAndConsents() {
        String email = " Ana.Silva+" + unique() + "@GMAIL.com";
        ApiClient.Response response = new ApiClient(port).send(new ApiClient(port).request("/api/public/waitlist")
                .header("Content-Type", "application/json").header("User-Agent", "guide-page-test/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(signup(email, "Ana  Silva")))));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"received\"}");
        Map<String, Object> row = jdbc.sql("select * from waitlist_signup where email = ?").param(email).query().singleRow();
        assertThat(row.get("identity_key")).isEqualTo("anasilva@gmail.com");
        assertThat(row.get("name_key")).isEqualTo("ana silva");
        assertThat(row.get("state")).isEqualTo("NEW");
        assertThat(row.get("consent_data_processing")).isEqualTo(true);
        assertThat(row.get("consent_cross_border")).isEqualTo(true);
        assertThat(row.get("consent_marketing")).isEqualTo(false);
        assertThat(row.get("consent_text_version")).isEqualTo("2026-11");
        assertThat(row.get("consent_accepted_at")).isNotNull();
        assertThat(row.get("user_agent")).isEqualTo("guide-page-test/1.0");
        assertThat((String) row.get("client_ip_hash")).hasSize(64).doesNotContain("127.0.0.1");
        assertThat(row.get("message")).isEqualTo("My father needs a second opinion.");
    }

    @Test
    void answersTheSameWhetherOrNotThePersonIsAlreadyOnTheList() {
        Map<String, Object> body = signup("known-" + unique() + "@example.org", "Known Person");
        ApiClient.Response first = post(port, body);
        ApiClient.Response again = post(port, body);

        assertThat(again.status()).isEqualTo(first.status()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("email", "email", null),
                Arguments.of("email", "email", "not-an-email"),
                Arguments.of("email", "email", "two@@example.org"),
                Arguments.of("email", "email", "spaces in@example.org"),
                Arguments.of("email", "email", "x".repeat(250) + "@example.org"),
                Arguments.of("fullName", "fullName", "   "),
                Arguments.of("fullName", "fullName", "n".repeat(201)),
                Arguments.of("country", "country", "XX"),
                Arguments.of("country", "country", "Portugal"),
                Arguments.of("country", "country", null),
                Arguments.of("preferredLanguage", "preferredLanguage", "english please"),
                Arguments.of("preferredLanguage", "preferredLanguage", "en_US"),
                Arguments.of("preferredLanguage", "preferredLanguage", null),
                Arguments.of("timeZone", "timeZone", "Mars/Olympus"),
                Arguments.of("timeZone", "timeZone", "+02:00"),
                Arguments.of("timeZone", "timeZone", null),
                Arguments.of("specialty", "specialty", "astrology"),
                Arguments.of("specialty", "specialty", null),
                Arguments.of("sourcePage", "sourcePage", "Not A Slug!"),
                Arguments.of("sourcePage", "sourcePage", null),
                Arguments.of("message", "message", "m".repeat(2001)),
                Arguments.of("consent.dataProcessing", "consent", Map.of("dataProcessing", false, "crossBorderTransfer", true)),
                Arguments.of("consent.crossBorderTransfer", "consent", Map.of("dataProcessing", true, "crossBorderTransfer", false)));
    }

    @ParameterizedTest(name = "{0} = {2}")
    @MethodSource("badFields")
    void refusesEachBadFieldByNameAndStoresNothing(String problemField, String bodyField, Object value) {
        String marker = unique();
        Map<String, Object> body = with(signup("bad-" + marker + "@example.org", "Bad " + marker), bodyField, value);
        long before = signupsMarked(marker);

        ApiClient.Response response = post(port, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<List<String>>json("$.errors[*].field")).containsExactly(problemField);
        assertThat(signupsMarked(marker)).isEqualTo(before).isZero();
    }

    @Test
    void missingConsentsAreNamedAndNothingIsStored() {
        String marker = unique();
        Map<String, Object> body = signup("noconsent-" + marker + "@example.org", "No Consent " + marker);
        body.remove("consent");

        ApiClient.Response response = post(port, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<List<String>>json("$.errors[*].field"))
                .containsExactly("consent.dataProcessing", "consent.crossBorderTransfer");
        assertThat(signupsMarked(marker)).isZero();
    }

    @Test
    void acceptsRegionalLanguageTagsAndIgnoresUnknownFields() {
        String marker = unique();
        ApiClient.Response response = post(port, with(signup("tags-" + marker + "@example.org", "Tags " + marker),
                "preferredLanguage", "pt-BR", "timeZone", "America/Sao_Paulo", "country", "BR", "utmCampaign", "autumn"));

        assertThat(response.status()).isEqualTo(202);
        assertThat(signupsMarked(marker)).isEqualTo(1);
    }

    @Test
    void aFilledHoneypotGetsTheSameAnswerButNothingIsStored() {
        String marker = unique();
        ApiClient.Response response = post(port, with(signup("bot-" + marker + "@example.org", "Bot " + marker),
                "website", "http://spam.example"));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"received\"}");
        assertThat(signupsMarked(marker)).isZero();
        assertThat(post(port, with(signup("bot-" + marker + "@example.org", "Bot " + marker), "website", "x",
                "country", "XX")).status()).as("a bot learns nothing from validation either").isEqualTo(202);
    }

    @Test
    void aBodyOver16KibGets413WithOrWithoutContentLength() {
        String marker = unique();
        String big = Json.write(with(signup("big-" + marker + "@example.org", "Big " + marker), "padding", "p".repeat(17_000)));
        ApiClient client = new ApiClient(port);

        ApiClient.Response declared = client.send(client.request("/api/public/waitlist")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(big)));
        ApiClient.Response chunked = client.send(client.request("/api/public/waitlist")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith("application/problem+json");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(signupsMarked(marker)).isZero();
    }

    @Test
    void corsAllowsOnlyThePublicSiteOrigin() {
        ApiClient client = new ApiClient(port).withoutCsrfHeader();
        ApiClient.Response allowed = client.send(client.request("/api/public/waitlist")
                .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        ApiClient.Response refused = client.send(client.request("/api/public/waitlist")
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEmpty();
    }

    private long signupsMarked(String marker) {
        return jdbc.sql("select count(*) from waitlist_signup where email like ? or full_name like ?")
                .params("%" + marker + "%", "%" + marker + "%").query(Long.class).single();
    }
}
