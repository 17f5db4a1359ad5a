package com.jadecrane.invitations;

import java.time.OffsetDateTime;

/** One invitation as ops see it: the ledger row, the person and the window of the seat. */
record InvitationView(long id, long allocationId, long entryId, long windowId, String email, String fullName,
        OffsetDateTime windowStartsAt, String specialty, String allocationStatus, String status, int attempts,
        String sendgridMessageId, OffsetDateTime sendingStartedAt, OffsetDateTime sentAt, String failureReason,
        boolean failureTransient, String delivery, OffsetDateTime deliveredAt, OffsetDateTime bouncedAt,
        OffsetDateTime openedAt, OffsetDateTime spamReportedAt, OffsetDateTime unsubscribedAt, String response,
        OffsetDateTime respondedAt, OffsetDateTime replyDeadline, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        boolean resendable) {
}
