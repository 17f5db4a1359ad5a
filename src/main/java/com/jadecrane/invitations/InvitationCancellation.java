package com.jadecrane.invitations;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.jadecrane.windows.AllocationOverridden;
import com.jadecrane.windows.SeatReleased;

/**
 * A seat released before its invitation went out (declined, released because the person cannot be
 * invited, released by ops) cancels the PENDING invitation at once, in the releasing transaction, so
 * it never sits PENDING. Releases made in bulk by the windows job are swept by the queue step of
 * {@code invitationEmailJob}.
 */
@Component
class InvitationCancellation {

    private final InvitationLedger ledger;

    InvitationCancellation(InvitationLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void on(SeatReleased released) {
        ledger.cancelPendingOfReleasedSeats(released.allocationId());
    }

    /** An allocation by hand has no invitation yet: only a release by hand can cancel one. */
    @EventListener
    void on(AllocationOverridden overridden) {
        ledger.cancelPendingOfReleasedSeats(overridden.allocationId());
    }
}
