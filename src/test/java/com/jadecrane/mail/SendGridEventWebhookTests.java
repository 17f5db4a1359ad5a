package com.jadecrane.mail;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.SendGridEventSigner;

import static org.assertj.core.api.Assertions.assertThat;

/** SendGrid's signed events with real ECDSA signatures: genuine, forged, stale, replayed. */
@IntegrationTest
class SendGridEventWebhookTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Suppressions suppressions;

    @Test
    void signedEventsAreFiledOnceAndBouncesSpamAndUnsubscribesSuppressTheAddress() {
        String run = Long.toString(System.nanoTime());
        String body = Json.write(List.of(
                event(run + "-1", "delivered", "delivered-" + run + "@example.org"),
                event(run + "-2", "bounce", "bounced-" + run + "@example.org"),
                event(run + "-3", "spamreport", "spam-" + run + "@example.org"),
                event(run + "-4", "unsubscribe", "gone-" + run + "@example.org")));

        ApiClient.Response first = postSigned(body);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.<Integer>json("$.received")).isEqualTo(4);

        assertThat(suppressions.find("bounced-" + run + "@example.org")).map(Suppressions.Suppression::reason).contains("BOUNCED");
        assertThat(suppressions.find("spam-" + run + "@example.org")).map(Suppressions.Suppression::reason).contains("SPAM_REPORT");
        assertThat(suppressions.find("gone-" + run + "@example.org")).map(Suppressions.Suppression::reason).contains("UNSUBSCRIBED");
        assertThat(suppressions.find("delivered-" + run + "@example.org")).isEmpty();
        assertThat(jdbc.sql("select custom_args->>'invitationId' from mail_event where sg_event_id = ?").param(run + "-1")
                .query(String.class).single()).isEqualTo("77");

        // SendGrid retries: the same events again change nothing
        ApiClient.Response retried = postSigned(body);
        assertThat(retried.<Integer>json("$.received")).isZero();
        assertThat(jdbc.sql("select count(*) from mail_event where sg_event_id like ?").param(run + "-%")
                .query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void unsignedForgedTamperedAndStalePostsAreRefusedAndFileNothing() {
        String run = Long.toString(System.nanoTime());
        String body = Json.write(List.of(event(run + "-x", "unsubscribe", "victim-" + run + "@example.org")));
        String now = SendGridEventSigner.now();
        String stale = Long.toString(Long.parseLong(now) - 3600);

        List<ApiClient.Response> refused = List.of(
                post(body, null, null),
                post(body, now, null),
                post(body, now, SendGridEventSigner.forge(now, body)),
                post(body.replace("victim", "other"), now, SendGridEventSigner.sign(now, body)),
                post(body, stale, SendGridEventSigner.sign(stale, body)),
                post(body, "not-a-time", SendGridEventSigner.sign("not-a-time", body)));

        for (ApiClient.Response response : refused) {
            assertThat(response.status()).as(response.body()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(jdbc.sql("select count(*) from mail_event where sg_event_id = ?").param(run + "-x")
                .query(Integer.class).single()).isZero();
        assertThat(suppressions.find("victim-" + run + "@example.org")).isEmpty();
    }

    @Test
    void aSignedButMalformedPostIsABadRequest() {
        String now = SendGridEventSigner.now();
        String body = "{\"not\": \"an array\"}";

        ApiClient.Response response = post(body, now, SendGridEventSigner.sign(now, body));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<List<String>>json("$.errors[*].field")).containsExactly("body");
    }

    private ApiClient.Response postSigned(String body) {
        String timestamp = SendGridEventSigner.now();
        return post(body, timestamp, SendGridEventSigner.sign(timestamp, body));
    }

    private ApiClient.Response post(String body, String timestamp, String signature) {
        ApiClient client = new ApiClient(port).withoutCsrfHeader();
        HttpRequest.Builder request = client.request("/api/public/sendgrid/events")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Twilio-Email-Event-Webhook-Signature", signature);
        }
        return client.send(request);
    }

    private static Map<String, Object> event(String id, String type, String email) {
        return Map.of("sg_event_id", id, "event", type, "email", email, "timestamp", 1_764_000_000L,
                "sg_message_id", "msg-" + id + ".filter", "invitationId", "77");
    }
}
