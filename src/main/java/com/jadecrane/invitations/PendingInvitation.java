package com.jadecrane.invitations;

import java.time.Instant;

/**
 * What an invitation email needs: the ledger row, the person and the window of their seat.
 *
 * @param holdExpiresAt the seat's reply deadline when a send already started it (a resend keeps it)
 */
record PendingInvitation(long id, long allocationId, long entryId, String email, String fullName, String timeZone,
        Instant windowStartsAt, String windowTimeZone, String specialty, String hospital, Instant holdExpiresAt) {
}
