package com.jadecrane.invitations;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.invitations.InvitationTestData.Seat;
import com.jadecrane.invitations.InvitationTokens.LinkTokens;
import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.SendGridEventSigner;

import static org.assertj.core.api.Assertions.assertThat;

/** SendGrid's signed delivery events, posted over real HTTP, update the invitation ledger. */
@IntegrationTest
class InvitationDeliveryEventTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvitationLedger ledger;

    InvitationTestData data;

    @BeforeEach
    void setUp() {
        data = new InvitationTestData(jdbc);
    }

    @Test
    void aDeliveredEventResolvesAnUnconfirmedInvitationAndStartsItsDeadline() {
        Seat seat = data.pendingInvitation();
        ledger.claim(seat.invitationId(), List.of("PENDING"), LinkTokens.fresh(), Instant.now().plus(5, ChronoUnit.DAYS),
                Instant.now().plus(90, ChronoUnit.DAYS));
        ledger.unconfirmed(seat.invitationId(), "read timed out");

        assertThat(postSigned(InvitationTestData.deliveryEvent("delivered", seat, null)).status()).isEqualTo(200);

        assertThat(data.status(seat.invitationId())).isEqualTo("SENT");
        assertThat(column(seat, "delivered_at")).isNotNull();
        assertThat(column(seat, "sendgrid_message_id")).isEqualTo("msg-" + seat.invitationId());
        assertThat(data.holdExpiresAt(seat.allocationId())).isNotNull();
    }

    @Test
    void aBounceFailsASentInvitationWithTheReason() {
        Seat seat = sentInvitation();

        postSigned(InvitationTestData.deliveryEvent("bounce", seat, "550 5.1.1 mailbox unavailable"));

        assertThat(data.status(seat.invitationId())).isEqualTo("FAILED");
        assertThat(column(seat, "failure_reason")).isEqualTo("bounce: 550 5.1.1 mailbox unavailable");
        assertThat(column(seat, "bounced_at")).isNotNull();
    }

    @Test
    void opensAndSpamReportsAreRecorded() {
        Seat seat = sentInvitation();

        postSigned(InvitationTestData.deliveryEvent("open", seat, null));
        postSigned(InvitationTestData.deliveryEvent("spamreport", seat, null));

        assertThat(data.status(seat.invitationId())).isEqualTo("SENT");
        assertThat(column(seat, "opened_at")).isNotNull();
        assertThat(column(seat, "spam_reported_at")).isNotNull();
        assertThat(column(seat, "delivery")).isEqualTo("spamreport");
    }

    private Seat sentInvitation() {
        Seat seat = data.pendingInvitation();
        ledger.claim(seat.invitationId(), List.of("PENDING"), LinkTokens.fresh(), Instant.now().plus(5, ChronoUnit.DAYS),
                Instant.now().plus(90, ChronoUnit.DAYS));
        ledger.sent(seat.invitationId(), "msg-" + seat.invitationId(), Instant.now());
        return seat;
    }

    private String column(Seat seat, String column) {
        return jdbc.sql("select cast(" + column + " as text) from invitation where id = ?").param(seat.invitationId())
                .query(String.class).optional().orElse(null);
    }

    private ApiClient.Response postSigned(String body) {
        return SendGridEventSigner.postSigned(port, body);
    }
}
