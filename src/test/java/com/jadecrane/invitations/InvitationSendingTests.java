package com.jadecrane.invitations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.jadecrane.invitations.InvitationSending.Result;
import com.jadecrane.invitations.InvitationTestData.Seat;
import com.jadecrane.mail.StandInMailers;
import com.jadecrane.mail.Suppressions;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.MailSendSchema;
import com.jadecrane.windows.SeatHolds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sending invitations against a local SendGrid stand-in (202, 429 with reset, 5xx then success,
 * time-out, 400, suppression). Every body sent is checked against SendGrid's schema, and the
 * stand-in's requests are counted per invitation id.
 */
@IntegrationTest
class InvitationSendingTests {

    private static final String SEND = "/v3/mail/send";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvitationLedger ledger;

    @Autowired
    InvitationMail mails;

    @Autowired
    SeatHolds seatHolds;

    @Autowired
    Suppressions suppressions;

    @Autowired
    InvitationsProperties properties;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    InvitationTestData data;

    WireMockServer sendGrid;

    @BeforeEach
    void startStandIn() throws Exception {
        data = new InvitationTestData(jdbc);
        sendGrid = new WireMockServer(options().dynamicPort());
        sendGrid.start();
        StandInMailers.warmUp(sendGrid.port());
    }

    @AfterEach
    void checkBodiesAndStop() {
        for (LoggedRequest request : sendGrid.findAll(postRequestedFor(urlEqualTo(SEND)))) {
            assertThat(MailSendSchema.violations(request.getBodyAsString())).as(request.getBodyAsString()).isEmpty();
        }
        sendGrid.stop();
    }

    @Test
    void anAcceptedInvitationIsSentOnceWithItsLinksAndStartsTheReplyDeadline() throws Exception {
        sendGrid.stubFor(post(SEND).willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "msg-accepted")));
        Seat seat = data.pendingInvitation();

        assertThat(sending(3).send(recipient(seat), List.of("PENDING"))).isEqualTo(Result.SENT);

        assertThat(data.status(seat.invitationId())).isEqualTo("SENT");
        assertThat(jdbc.sql("select sendgrid_message_id from invitation where id = ?").param(seat.invitationId())
                .query(String.class).single()).isEqualTo("msg-accepted");
        Instant deadline = data.holdExpiresAt(seat.allocationId());
        assertThat(deadline).as("the reply deadline started").isNotNull()
                .isBetween(Instant.now().plus(Duration.ofDays(5)).minusSeconds(120), Instant.now().plus(Duration.ofDays(5)));
        String body = onlyRequestFor(seat.invitationId()).getBodyAsString();
        assertThat(body).contains(seat.name()).contains("Specialty " + seat.specialty().substring(7))
                .contains("(Europe/Lisbon)").contains("(China)").contains("/invitations/").contains("/unsubscribe/");
        assertThat((List<String>) JsonPath.read(body, "$.categories")).containsExactly("invitation");
        assertThat((String) JsonPath.read(body, "$.personalizations[0].headers['List-Unsubscribe']"))
                .matches("<http://localhost:\\d+/api/public/unsubscribe/[A-Za-z0-9_-]{43}>, <mailto:.+>");
        assertThat((String) JsonPath.read(body, "$.personalizations[0].headers['List-Unsubscribe-Post']")).isEqualTo("List-Unsubscribe=One-Click");

        assertThat(sending(3).send(recipient(seat), List.of("PENDING"))).as("claimed once only").isEqualTo(Result.SKIPPED);
        sendGrid.verify(1, postRequestedFor(urlEqualTo(SEND)));
    }

    @Test
    void onlyTheHashesOfTheLinkTokensAreStored() throws Exception {
        sendGrid.stubFor(post(SEND).willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "msg-hash")));
        Seat seat = data.pendingInvitation();
        sending(1).send(recipient(seat), List.of("PENDING"));

        String body = onlyRequestFor(seat.invitationId()).getBodyAsString();
        String token = body.replaceAll("(?s).*?/invitations/([A-Za-z0-9_-]{43}).*", "$1");
        byte[] stored = jdbc.sql("select accept_token_hash from invitation where id = ?").param(seat.invitationId())
                .query(byte[].class).single();
        assertThat(stored).isEqualTo(InvitationTokens.hash(token)).hasSize(32);
    }

    @Test
    void aRateLimitedInvitationWaitsForTheResetAndIsSentOnce() throws Exception {
        long reset = Instant.now().plusSeconds(1).getEpochSecond();
        sendGrid.stubFor(post(SEND).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("X-RateLimit-Reset", Long.toString(reset)))
                .willSetStateTo("reset"));
        sendGrid.stubFor(post(SEND).inScenario("limit").whenScenarioStateIs("reset")
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "after-reset")));
        Seat seat = data.pendingInvitation();

        assertThat(sending(3).send(recipient(seat), List.of("PENDING"))).isEqualTo(Result.SENT);
        assertThat(Instant.now()).isAfterOrEqualTo(Instant.ofEpochSecond(reset));
        assertThat(data.status(seat.invitationId())).isEqualTo("SENT");
    }

    @Test
    void aServerErrorThenSuccessIsSent() throws Exception {
        sendGrid.stubFor(post(SEND).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        sendGrid.stubFor(post(SEND).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "second-time")));
        Seat seat = data.pendingInvitation();

        assertThat(sending(3).send(recipient(seat), List.of("PENDING"))).isEqualTo(Result.SENT);
        assertThat(jdbc.sql("select sendgrid_message_id from invitation where id = ?").param(seat.invitationId())
                .query(String.class).single()).isEqualTo("second-time");
    }

    @Test
    void aTimeOutLeavesTheInvitationUnconfirmedWithoutAHold() throws Exception {
        sendGrid.stubFor(post(SEND).willReturn(aResponse().withStatus(202).withFixedDelay(3_000)));
        Seat seat = data.pendingInvitation();

        assertThat(sending(3).send(recipient(seat), List.of("PENDING"))).isEqualTo(Result.UNCONFIRMED);

        assertThat(data.status(seat.invitationId())).isEqualTo("UNCONFIRMED");
        assertThat(data.holdExpiresAt(seat.allocationId())).isNull();
        assertThat(data.allocationStatus(seat.allocationId())).as("kept until someone decides").isEqualTo("HELD");
        sendGrid.verify(1, postRequestedFor(urlEqualTo(SEND)));
    }

    @Test
    void aBadRequestFailsForGoodWithTheReason() throws Exception {
        sendGrid.stubFor(post(SEND).willReturn(aResponse().withStatus(400)
                .withBody("{\"errors\":[{\"message\":\"Does not contain a valid address.\"}]}")));
        Seat seat = data.pendingInvitation();

        assertThat(sending(3).send(recipient(seat), List.of("PENDING"))).isEqualTo(Result.FAILED);

        assertThat(data.status(seat.invitationId())).isEqualTo("FAILED");
        assertThat(jdbc.sql("select failure_reason from invitation where id = ?").param(seat.invitationId())
                .query(String.class).single()).startsWith("400").contains("valid address");
        sendGrid.verify(1, postRequestedFor(urlEqualTo(SEND)));
        assertThat(data.allocationStatus(seat.allocationId())).as("the seat goes to the next person").isEqualTo("RELEASED");
    }

    @Test
    void aSuppressedAddressIsNeverSent() throws Exception {
        sendGrid.stubFor(post(SEND).willReturn(aResponse().withStatus(202)));
        Seat seat = data.pendingInvitation();
        suppressions.suppress(seat.email(), Suppressions.Reason.BOUNCED, "test", "test");

        assertThat(sending(3).send(recipient(seat), List.of("PENDING"))).isEqualTo(Result.SUPPRESSED);

        assertThat(data.status(seat.invitationId())).isEqualTo("SUPPRESSED");
        sendGrid.verify(0, postRequestedFor(urlEqualTo(SEND)));
        assertThat(data.allocationStatus(seat.allocationId())).as("the seat goes to the next person").isEqualTo("RELEASED");
    }

    @Test
    void whenSendGridCannotBeReachedTheInvitationWaitsForTheNextRun() throws Exception {
        Seat seat = data.pendingInvitation();
        InvitationSending sending = sending(1);
        sendGrid.stop();

        assertThat(sending.send(recipient(seat), List.of("PENDING"))).isEqualTo(Result.NOT_SENT);

        assertThat(data.status(seat.invitationId())).isEqualTo("PENDING");
        sendGrid.start();
    }

    @Test
    void manyInvitationsAtOnceAreEachSentExactlyOnce() throws Exception {
        sendGrid.stubFor(post(SEND).willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "bulk")));
        List<Seat> seats = List.of(data.pendingInvitation(), data.pendingInvitation(), data.pendingInvitation(),
                data.pendingInvitation(), data.pendingInvitation(), data.pendingInvitation());
        List<PendingInvitation> twice = new java.util.ArrayList<>();
        for (Seat seat : seats) {
            twice.add(recipient(seat));
            twice.add(recipient(seat));
        }

        Map<Result, Integer> results = sending(1).sendPending(twice);

        assertThat(results).containsEntry(Result.SENT, 6).containsEntry(Result.SKIPPED, 6);
        for (Seat seat : seats) {
            onlyRequestFor(seat.invitationId());
        }
        sendGrid.verify(1, postRequestedFor(urlEqualTo(SEND)));
        String body = onlyRequestFor(seats.get(0).invitationId()).getBodyAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.personalizations[*].to[0].email"))
                .containsExactlyElementsOf(seats.stream().map(Seat::email).toList());
        assertThat(JsonPath.<List<String>>read(body, "$.personalizations[*].substitutions['-t.name-']"))
                .containsExactlyElementsOf(seats.stream().map(Seat::name).toList());
        assertThat(JsonPath.<List<String>>read(body, "$.content[*].value")).allSatisfy(content -> assertThat(content)
                .contains(".name-").doesNotContain(seats.get(0).name()));
    }

    @Test
    void aConfiguredSendGridTemplateReplacesTheRepoTemplates() throws Exception {
        sendGrid.stubFor(post(SEND).withRequestBody(matchingJsonPath("$.template_id"))
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "templated")));
        Seat seat = data.pendingInvitation();
        InvitationsProperties withTemplate = new InvitationsProperties("d-0123456789abcdef", 2, 10, 1000,
                Duration.ofDays(90), "unsubscribe@jadecrane.example");
        InvitationMail templated = new InvitationMail(withTemplate, "https://jadecrane.example");
        InvitationSending sending = new InvitationSending(ledger, templated,
                StandInMailers.sendGridAt(sendGrid.port(), suppressions, 1), seatHolds, withTemplate, events, transactions);

        assertThat(sending.send(recipient(seat), List.of("PENDING"))).isEqualTo(Result.SENT);

        String body = onlyRequestFor(seat.invitationId()).getBodyAsString();
        assertThat(body).doesNotContain("text/html");
        assertThat((String) JsonPath.read(body, "$.personalizations[0].dynamic_template_data.name")).isEqualTo(seat.name());
        assertThat((String) JsonPath.read(body, "$.personalizations[0].dynamic_template_data.acceptUrl"))
                .startsWith("https://jadecrane.example/invitations/");
        sending.destroy();
    }

    private InvitationSending sending(int maxAttempts) {
        return new InvitationSending(ledger, mails, StandInMailers.sendGridAt(sendGrid.port(), suppressions, maxAttempts),
                seatHolds, properties, events, transactions);
    }

    private PendingInvitation recipient(Seat seat) {
        return ledger.recipient(seat.invitationId()).orElseThrow();
    }

    /** The one request the stand-in received for this invitation, with it in one personalization (fails on none or two). */
    private LoggedRequest onlyRequestFor(long invitationId) {
        String id = Long.toString(invitationId);
        List<LoggedRequest> requests = sendGrid.findAll(postRequestedFor(urlEqualTo(SEND))).stream()
                .filter(r -> JsonPath.<List<String>>read(r.getBodyAsString(), "$.personalizations[*].custom_args.invitationId").contains(id))
                .toList();
        assertThat(requests).hasSize(1);
        assertThat(JsonPath.<List<String>>read(requests.get(0).getBodyAsString(), "$.personalizations[*].custom_args.invitationId"))
                .filteredOn(id::equals).hasSize(1);
        return requests.get(0);
    }
}
