package com.jadecrane.invitations;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.invitations.InvitationTestData.Seat;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.windows.SeatHolds;

import static org.assertj.core.api.Assertions.assertThat;

/** A seat released before its invitation went out cancels the invitation at once, with the reason. */
@IntegrationTest
class InvitationCancellationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SeatHolds seatHolds;

    InvitationTestData data;

    @BeforeEach
    void setUp() {
        data = new InvitationTestData(jdbc);
    }

    @Test
    void aSeatDeclinedBeforeTheMailWentOutCancelsItsPendingInvitation() {
        Seat seat = data.pendingInvitation();

        seatHolds.decline(seat.allocationId());

        assertThat(data.status(seat.invitationId())).isEqualTo("CANCELLED");
        assertThat(reason(seat)).isEqualTo("the seat was declined before the invitation was sent");
    }

    @Test
    void aSeatReleasedBeforeTheMailWentOutCancelsItsPendingInvitationWithTheReleaseReason() {
        Seat seat = data.pendingInvitation();

        seatHolds.release(seat.allocationId(), "window moved", "ops");

        assertThat(data.status(seat.invitationId())).isEqualTo("CANCELLED");
        assertThat(reason(seat)).isEqualTo("the seat was released before the invitation was sent (window moved)");
    }

    @Test
    void aSentInvitationStaysSentWhenItsSeatIsDeclined() {
        Seat seat = data.pendingInvitation();
        jdbc.sql("update invitation set status = 'SENT', sent_at = now() where id = ?").param(seat.invitationId()).update();

        seatHolds.decline(seat.allocationId());

        assertThat(data.status(seat.invitationId())).isEqualTo("SENT");
    }

    private String reason(Seat seat) {
        return jdbc.sql("select failure_reason from invitation where id = ?").param(seat.invitationId()).query(String.class)
                .single();
    }
}
