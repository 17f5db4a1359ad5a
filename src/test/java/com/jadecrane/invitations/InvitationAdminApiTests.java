package com.jadecrane.invitations;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.invitations.InvitationTestData.Seat;
import com.jadecrane.invitations.InvitationTokens.LinkTokens;
import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger for ops over real HTTP (the tests send to the outbox: no SendGrid key). */
@IntegrationTest
class InvitationAdminApiTests {

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
    void onlyOpsReadTheLedger() {
        assertThat(new ApiClient(port).get("/api/invitations").status()).isEqualTo(401);
        assertThat(TestUsers.signedIn(port, "EDITOR").get("/api/invitations").status()).isEqualTo(403);
        assertThat(TestUsers.signedIn(port, "LEADERSHIP").post("/api/invitations/1/mark-sent", "{}").status()).isEqualTo(403);
        assertThat(TestUsers.signedIn(port, "OPS").get("/api/invitations").status()).isEqualTo(200);
    }

    @Test
    void theListFiltersByWindowAndStatusAndShowsOneInvitation() {
        Seat seat = data.pendingInvitation();
        unconfirmed(seat);
        ApiClient ops = TestUsers.signedIn(port, "OPS");

        ApiClient.Response list = ops.get("/api/invitations?windowId=" + seat.windowId() + "&status=UNCONFIRMED");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("X-Total-Count")).contains("1");
        assertThat(list.<List<Integer>>json("$[*].id")).containsExactly((int) seat.invitationId());
        assertThat(ops.get("/api/invitations?windowId=" + seat.windowId() + "&status=SENT").header("X-Total-Count")).contains("0");
        assertThat(ops.get("/api/invitations?sort=nope,asc").status()).isEqualTo(400);

        ApiClient.Response one = ops.get("/api/invitations/" + seat.invitationId());
        assertThat((String) one.json("$.email")).isEqualTo(seat.email());
        assertThat((Boolean) one.json("$.resendable")).isTrue();
        assertThat(ops.get("/api/invitations/987654321").status()).isEqualTo(404);
    }

    /** What the waitlist entry's page shows: every invitation of that person, newest first, and nobody else's. */
    @Test
    void onePersonsEmailHistoryIsTheListFilteredByTheirEntry() {
        Seat first = data.pendingInvitation();
        data.pendingInvitation();
        jdbc.sql("update window_allocation set status = 'DECLINED', released_at = now() where id = ?")
                .param(first.allocationId()).update();
        ledger.cancelPendingOfReleasedSeats(first.allocationId());
        long secondSeat = jdbc.sql("insert into window_allocation (entry_id, window_id, allocated_by) values (?, ?, 'test') returning id")
                .params(first.entryId(), first.windowId()).query(Long.class).single();
        long second = jdbc.sql("""
                insert into invitation (allocation_id, entry_id, status, sendgrid_message_id, sent_at, delivery)
                values (?, ?, 'SENT', 'msg-history', now(), 'delivered') returning id""")
                .params(secondSeat, first.entryId()).query(Long.class).single();

        ApiClient.Response history = TestUsers.signedIn(port, "OPS")
                .get("/api/invitations?entryId=" + first.entryId() + "&sort=id,desc");

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.header("X-Total-Count")).contains("2");
        assertThat(history.<List<Integer>>json("$[*].id")).containsExactly((int) second, (int) first.invitationId());
        assertThat(history.<List<String>>json("$[*].status")).containsExactly("SENT", "CANCELLED");
        assertThat((String) history.json("$[0].sendgridMessageId")).isEqualTo("msg-history");
        assertThat((String) history.json("$[0].delivery")).isEqualTo("delivered");
        assertThat((String) history.json("$[0].sentAt")).isNotNull();
        assertThat((String) history.json("$[1].failureReason")).contains("declined");
    }

    @Test
    void anUnconfirmedInvitationCanBeResentOnceAndASentOneNot() {
        Seat seat = data.pendingInvitation();
        unconfirmed(seat);
        ApiClient ops = TestUsers.signedIn(port, "OPS");

        ApiClient.Response resent = ops.post("/api/invitations/" + seat.invitationId() + "/resend", "");

        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat((String) resent.json("$.status")).isEqualTo("SENT");
        assertThat((Integer) resent.json("$.attempts")).isEqualTo(2);
        assertThat(data.outboxMails(seat.invitationId())).isEqualTo(1);
        assertThat(ops.post("/api/invitations/" + seat.invitationId() + "/resend", "").status()).isEqualTo(409);
        assertThat(data.outboxMails(seat.invitationId())).isEqualTo(1);
        assertThat(audited("InvitationResent", seat.invitationId())).isTrue();
    }

    @Test
    void anUnconfirmedInvitationCanBeMarkedSentWhichStartsItsDeadline() {
        Seat seat = data.pendingInvitation();
        unconfirmed(seat);
        ApiClient ops = TestUsers.signedIn(port, "OPS");

        ApiClient.Response marked = ops.post("/api/invitations/" + seat.invitationId() + "/mark-sent",
                Json.object("note", "the person phoned about it"));

        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat((String) marked.json("$.status")).isEqualTo("SENT");
        assertThat(data.holdExpiresAt(seat.allocationId())).isNotNull();
        assertThat(data.outboxMails(seat.invitationId())).isZero();
        assertThat(ops.post("/api/invitations/" + seat.invitationId() + "/mark-sent", "{}").status()).isEqualTo(409);
        assertThat(audited("InvitationMarkedSent", seat.invitationId())).isTrue();
    }

    @Test
    void thePreviewAndATestSendUseTheRepoTemplate() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        String me = "ops-" + UUID.randomUUID() + "@example.org";

        ApiClient.Response preview = ops.get("/api/invitations/preview");
        assertThat(preview.status()).isEqualTo(200);
        assertThat((String) preview.json("$.html")).contains("Ana Silva").contains("China time");
        assertThat((String) preview.json("$.text")).contains("Accept the seat:");

        ApiClient.Response sent = ops.post("/api/invitations/test-send", Json.object("email", me));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat((String) sent.json("$.outcome")).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select count(*) from mail_outbox where to_email = ?").param(me).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(ops.post("/api/invitations/test-send", Json.object("email", "not an address")).status()).isEqualTo(400);
    }

    private void unconfirmed(Seat seat) {
        ledger.claim(seat.invitationId(), List.of("PENDING"), LinkTokens.fresh(), Instant.now().plus(5, ChronoUnit.DAYS),
                Instant.now().plus(90, ChronoUnit.DAYS));
        ledger.unconfirmed(seat.invitationId(), "read timed out");
    }

    private boolean audited(String event, long invitationId) {
        return jdbc.sql("select count(*) from audit_event where action = ? and cast(details as text) like ?")
                .params(event, "%" + invitationId + "%").query(Integer.class).single() > 0;
    }
}
