package com.jadecrane.invitations;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.invitations.InvitationSending.Result;
import com.jadecrane.invitations.InvitationTestData.Seat;
import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.SendGridEventSigner;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data-subject requests of a person who got a seat and was mailed an invitation (through the
 * outbox: the tests have no SendGrid key) that then bounced: the export holds their seat, invitation
 * and mail, and erasure leaves neither their address nor their name in the mail and invitation tables.
 */
@IntegrationTest
class PersonalDataErasureTests {

    /** The tables outside the waitlist that held the person, each searched in every column. */
    private static final List<String> HOLDING_TABLES = List.of("mail_outbox", "mail_event", "invitation",
            "window_allocation");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvitationLedger ledger;

    @Autowired
    InvitationSending sending;

    InvitationTestData data;

    @BeforeEach
    void setUp() {
        data = new InvitationTestData(jdbc);
    }

    @Test
    void theExportHoldsThePersonsSeatInvitationAndMail() throws Exception {
        Seat seat = invitedAndBounced();

        ApiClient.Response export = TestUsers.signedIn(port, "OPS").get("/api/waitlist/" + seat.entryId() + "/export");

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.<Integer>json("$.id")).isEqualTo((int) seat.entryId());
        assertThat(export.<List<Object>>json("$.signups")).hasSize(1);
        assertThat(export.<List<Integer>>json("$.allocations[*].id")).containsExactly((int) seat.allocationId());
        assertThat(export.<List<Integer>>json("$.allocations[*].windowId")).containsExactly((int) seat.windowId());
        assertThat(export.<List<Integer>>json("$.invitations[*].id")).containsExactly((int) seat.invitationId());
        assertThat(export.<List<String>>json("$.invitations[*].status")).containsExactly("FAILED");
        assertThat(export.<List<String>>json("$.emails.outbox[*].toEmail")).containsExactly(seat.email());
        assertThat(export.<List<String>>json("$.emails.outbox[*].textBody")).singleElement().asString().contains(seat.name());
        assertThat(export.<List<String>>json("$.emails.deliveryEvents[*].event")).containsExactlyInAnyOrder("delivered", "bounce");
        assertThat(export.<List<String>>json("$.emails.suppressions[*].email")).containsExactly(seat.email());
    }

    @Test
    void erasureLeavesNoAddressOrNameInTheMailInvitationAndSeatTablesAndFreesTheSeat() throws Exception {
        Seat seat = invitedAndBounced();
        jdbc.sql("update window_allocation set reason = ? where id = ?").params(seat.name() + " phoned about it", seat.allocationId())
                .update();
        for (String table : HOLDING_TABLES) {
            assertThat(rowsMentioning(table, seat.email()) + rowsMentioning(table, seat.name()))
                    .as("before the erasure, %s holds the person", table).isPositive();
        }
        int seatsTaken = seatsTaken(seat);

        ApiClient.Response erased = TestUsers.signedIn(port, "OPS").post("/api/waitlist/" + seat.entryId() + "/erase", "{}");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        for (String table : HOLDING_TABLES) {
            assertThat(rowsMentioning(table, seat.email())).as("%s rows with the address", table).isZero();
            assertThat(rowsMentioning(table, seat.name())).as("%s rows with the name", table).isZero();
        }
        assertThat(data.allocationStatus(seat.allocationId())).isEqualTo("RELEASED");
        assertThat(seatsTaken(seat)).isEqualTo(seatsTaken - 1);
        assertThat(jdbc.sql("select count(*) from mail_event where custom_args ->> 'invitationId' = ?")
                .param(Long.toString(seat.invitationId())).query(Integer.class).single())
                .as("the events stay, without the address").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from mail_suppression where email = ?").param(seat.email())
                .query(Integer.class).single()).as("the address is still never mailed again").isOne();
    }

    @Test
    void anInvitationNotYetSentIsCancelledByTheErasure() {
        Seat seat = data.pendingInvitation();

        assertThat(TestUsers.signedIn(port, "OPS").post("/api/waitlist/" + seat.entryId() + "/erase", "{}").status())
                .isEqualTo(200);

        assertThat(data.status(seat.invitationId())).isEqualTo("CANCELLED");
        assertThat(data.allocationStatus(seat.allocationId())).isEqualTo("RELEASED");
    }

    /** Sent to the outbox, delivered, then bounced with a reason that quotes the address (as real ones do). */
    private Seat invitedAndBounced() throws InterruptedException {
        Seat seat = data.pendingInvitation();
        assertThat(sending.send(ledger.recipient(seat.invitationId()).orElseThrow(), List.of("PENDING"))).isEqualTo(Result.SENT);
        assertThat(data.outboxMails(seat.invitationId())).isOne();
        assertThat(SendGridEventSigner.postSigned(port, InvitationTestData.deliveryEvent("delivered", seat, null)).status())
                .isEqualTo(200);
        assertThat(SendGridEventSigner.postSigned(port, InvitationTestData.deliveryEvent("bounce", seat,
                "550 5.1.1 <" + seat.email() + ">: mailbox unavailable")).status()).isEqualTo(200);
        return seat;
    }

    /** Rows of the table whose text (every column, as PostgreSQL prints the row) contains the value. */
    private int rowsMentioning(String table, String value) {
        return jdbc.sql("select count(*) from " + table + " t where strpos(lower(t::text), lower(?)) > 0").param(value)
                .query(Integer.class).single();
    }

    private int seatsTaken(Seat seat) {
        return jdbc.sql("select seats_taken from consultation_window where id = ?").param(seat.windowId())
                .query(Integer.class).single();
    }
}
