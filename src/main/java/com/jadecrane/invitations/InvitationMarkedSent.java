package com.jadecrane.invitations;

/** Ops decided an UNCONFIRMED invitation did reach SendGrid (e.g. the person replied). */
public record InvitationMarkedSent(long invitationId, String note, String markedBy) {
}
