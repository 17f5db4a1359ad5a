package com.jadecrane.invitations;

import java.time.Instant;

/** SendGrid took the invitation email of this seat (or it went to the outbox). */
public record InvitationSent(long invitationId, long allocationId, long entryId, Instant sentAt) {
}
