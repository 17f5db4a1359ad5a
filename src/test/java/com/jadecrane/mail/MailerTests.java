package com.jadecrane.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.MailSendSchema;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mailer against a local stand-in that answers like SendGrid's v3 API (202, 429 with reset,
 * 5xx, 400, slow answers, dropped connections). Every body sent is checked against SendGrid's schema.
 */
@IntegrationTest
class MailerTests {

    private WireMockServer sendGrid;

    @Autowired
    Suppressions suppressions;

    @BeforeEach
    void startStandIn() throws Exception {
        sendGrid = new WireMockServer(options().dynamicPort());
        sendGrid.start();
        StandInMailers.warmUp(sendGrid.port());
    }

    @AfterEach
    void checkBodiesAndStop() {
        for (LoggedRequest request : sendGrid.findAll(postRequestedFor(urlEqualTo("/v3/mail/send")))) {
            assertThat(MailSendSchema.violations(request.getBodyAsString())).as(request.getBodyAsString()).isEmpty();
        }
        sendGrid.stop();
    }

    @Test
    void acceptedMailCarriesSendGridsMessageIdAndEverythingThePersonNeeds() throws Exception {
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "msg-123")));

        DeliveryOutcome outcome = mailer(3).send(mail("ana@example.org"));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Accepted("msg-123"));
        LoggedRequest request = sendGrid.findAll(postRequestedFor(urlEqualTo("/v3/mail/send"))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer SG.test-key");
        String body = request.getBodyAsString();
        assertThat(body).contains("\"invitationId\":\"42\"").contains("List-Unsubscribe-Post")
                .contains("\"categories\":[\"invitation\"]").contains("text/plain").contains("text/html");
        assertThat(body.indexOf("text/plain")).isLessThan(body.indexOf("text/html"));
    }

    /** One request for everyone, the file once, as SendGrid's v3 attachments (base64, type, file name, disposition). */
    @Test
    void attachmentsGoOnceWithTheSharedContent() throws Exception {
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "attached")));
        byte[] pdf = "%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII);
        List<OutgoingMail.Attachment> files = List.of(new OutgoingMail.Attachment("summary.pdf", "application/pdf", pdf));

        List<DeliveryOutcome> outcomes = mailer(1).sendTogether(List.of(mail("ana@example.org").withAttachments(files),
                mail("bo@example.org").withAttachments(List.of(new OutgoingMail.Attachment("summary.pdf", "application/pdf",
                        pdf.clone())))));

        assertThat(outcomes).containsOnly(new DeliveryOutcome.Accepted("attached"));
        List<LoggedRequest> requests = sendGrid.findAll(postRequestedFor(urlEqualTo("/v3/mail/send")));
        assertThat(requests).as("equal files are shared content").hasSize(1);
        String body = requests.get(0).getBodyAsString();
        assertThat(JsonPath.<List<Object>>read(body, "$.attachments")).hasSize(1);
        assertThat(JsonPath.<String>read(body, "$.attachments[0].filename")).isEqualTo("summary.pdf");
        assertThat(JsonPath.<String>read(body, "$.attachments[0].type")).isEqualTo("application/pdf");
        assertThat(JsonPath.<String>read(body, "$.attachments[0].disposition")).isEqualTo("attachment");
        assertThat(Base64.getDecoder().decode(JsonPath.<String>read(body, "$.attachments[0].content"))).isEqualTo(pdf);
        assertThatThrownBy(() -> mailer(1).sendTogether(List.of(mail("ana@example.org"),
                mail("bo@example.org").withAttachments(files)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rateLimitedMailWaitsForTheResetThenGoesThrough() throws Exception {
        long reset = Instant.now().plusSeconds(1).getEpochSecond();
        sendGrid.stubFor(post("/v3/mail/send").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("X-RateLimit-Reset", Long.toString(reset)))
                .willSetStateTo("reset"));
        sendGrid.stubFor(post("/v3/mail/send").inScenario("limit").whenScenarioStateIs("reset")
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "after-reset")));

        Instant start = Instant.now();
        DeliveryOutcome outcome = mailer(3).send(mail("ana@example.org"));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Accepted("after-reset"));
        assertThat(Instant.now()).as("waited until X-RateLimit-Reset").isAfterOrEqualTo(Instant.ofEpochSecond(reset));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        sendGrid.verify(2, postRequestedFor(urlEqualTo("/v3/mail/send")));
    }

    @Test
    void serverErrorsAreRetriedUntilAccepted() throws Exception {
        sendGrid.stubFor(post("/v3/mail/send").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("once"));
        sendGrid.stubFor(post("/v3/mail/send").inScenario("flaky").whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("twice"));
        sendGrid.stubFor(post("/v3/mail/send").inScenario("flaky").whenScenarioStateIs("twice")
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "third-time")));

        assertThat(mailer(5).send(mail("ana@example.org"))).isEqualTo(new DeliveryOutcome.Accepted("third-time"));
        sendGrid.verify(3, postRequestedFor(urlEqualTo("/v3/mail/send")));
    }

    @Test
    void aBadRequestIsPermanentAndNotRetried() throws Exception {
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(400)
                .withBody("{\"errors\":[{\"message\":\"Does not contain a valid address.\",\"field\":\"personalizations.0.to.0.email\"}]}")));

        DeliveryOutcome outcome = mailer(5).send(mail("ana@example.org"));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Rejected.class);
        assertThat(((DeliveryOutcome.Rejected) outcome).status()).isEqualTo(400);
        assertThat(((DeliveryOutcome.Rejected) outcome).reason()).contains("valid address");
        sendGrid.verify(1, postRequestedFor(urlEqualTo("/v3/mail/send")));
    }

    @Test
    void mailsSharingTheirContentGoInOneRequestWithoutTheSuppressedOnes() throws Exception {
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "together")));
        String gone = "gone-" + System.nanoTime() + "@example.org";
        suppressions.suppress(gone, Suppressions.Reason.UNSUBSCRIBED, null, "test");

        List<DeliveryOutcome> outcomes = mailer(3).sendTogether(List.of(mail("ana@example.org"), mail(gone), mail("bo@example.org")));

        assertThat(outcomes).containsExactly(new DeliveryOutcome.Accepted("together"), new DeliveryOutcome.Suppressed("UNSUBSCRIBED"),
                new DeliveryOutcome.Accepted("together"));
        sendGrid.verify(1, postRequestedFor(urlEqualTo("/v3/mail/send")));
        String body = sendGrid.findAll(postRequestedFor(urlEqualTo("/v3/mail/send"))).get(0).getBodyAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.personalizations[*].to[0].email")).containsExactly("ana@example.org",
                "bo@example.org");
    }

    /** A refused request took nothing: its mails are tried one by one, so one bad address fails alone. */
    @Test
    void aRequestRefusedForGoodIsSplitSoOnlyTheBadAddressFails() throws Exception {
        sendGrid.stubFor(post("/v3/mail/send").withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo("bad@example.org")))
                .willReturn(aResponse().withStatus(400).withBody("{\"errors\":[{\"message\":\"Does not contain a valid address.\"}]}")));
        sendGrid.stubFor(post("/v3/mail/send").withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo("ana@example.org")))
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "alone")));
        // the newest stub that matches answers: a request with two personalizations is refused
        sendGrid.stubFor(post("/v3/mail/send").withRequestBody(matchingJsonPath("$.personalizations[1]"))
                .willReturn(aResponse().withStatus(400).withBody("{\"errors\":[{\"message\":\"invalid\"}]}")));

        List<DeliveryOutcome> outcomes = mailer(3).sendTogether(List.of(mail("ana@example.org"), mail("bad@example.org")));

        assertThat(outcomes.get(0)).isEqualTo(new DeliveryOutcome.Accepted("alone"));
        assertThat(outcomes.get(1)).isInstanceOf(DeliveryOutcome.Rejected.class);
        sendGrid.verify(3, postRequestedFor(urlEqualTo("/v3/mail/send")));
    }

    @Test
    void aRequestLeftWithoutAnswerIsUnconfirmedAndNeverRepeated() throws Exception {
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202).withFixedDelay(3_000)));

        DeliveryOutcome slow = mailer(5).send(mail("ana@example.org"));

        assertThat(slow).isInstanceOf(DeliveryOutcome.Unconfirmed.class);
        sendGrid.verify(1, postRequestedFor(urlEqualTo("/v3/mail/send")));

        sendGrid.resetAll();
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(mailer(5).send(mail("ana@example.org"))).isInstanceOf(DeliveryOutcome.Unconfirmed.class);
        sendGrid.verify(1, postRequestedFor(urlEqualTo("/v3/mail/send")));
    }

    @Test
    void whenSendGridCannotBeReachedNothingIsSentAndItCanBeTriedLater() throws Exception {
        int port = sendGrid.port();
        Mailer mailer = mailer(2);
        sendGrid.stop();

        DeliveryOutcome outcome = mailer.send(mail("ana@example.org"));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.NotSent.class);
        sendGrid = new WireMockServer(options().port(port));
        sendGrid.start();
    }

    @Test
    void suppressedAddressesAreNeverSent() throws Exception {
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202)));
        String address = "Unsubscribed." + System.nanoTime() + "@Example.org";
        suppressions.suppress(address, Suppressions.Reason.UNSUBSCRIBED, "test", "test");

        DeliveryOutcome outcome = mailer(3).send(mail(address.toLowerCase()));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Suppressed("UNSUBSCRIBED"));
        sendGrid.verify(0, postRequestedFor(urlEqualTo("/v3/mail/send")));
    }

    @Test
    void dynamicTemplatesSendTheTemplateIdAndItsData() throws Exception {
        sendGrid.stubFor(post("/v3/mail/send").withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                .matchingJsonPath("$.template_id", equalTo("d-1234567890")))
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "templated")));

        DeliveryOutcome outcome = mailer(1).send(new OutgoingMail("ana@example.org", "Ana", "Your window", null, null,
                List.of("invitation"), Map.of("invitationId", "7"), Map.of(), "d-1234567890",
                Map.of("name", "Ana", "windowStart", "2026-12-01 09:00")));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Accepted("templated"));
    }

    private Mailer mailer(int maxAttempts) {
        MailProperties properties = new MailProperties("invitations@jadecrane.example", "Jade Crane",
                new MailProperties.Sendgrid("SG.test-key", "http://127.0.0.1:" + sendGrid.port(), Duration.ofSeconds(1),
                        Duration.ofMillis(1_500)),
                50, maxAttempts, Duration.ofSeconds(2));
        return new Mailer(new SendGridTransport(properties), suppressions, properties);
    }

    private static OutgoingMail mail(String to) {
        return OutgoingMail.rendered(to, "Ana Silva", "Your consultation window", "Hello Ana",
                "<p>Hello Ana</p>", List.of("invitation"), Map.of("invitationId", "42"),
                Map.of("List-Unsubscribe", "<https://example.org/u/abc>", "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click"));
    }
}
