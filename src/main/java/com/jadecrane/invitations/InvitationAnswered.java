package com.jadecrane.invitations;

/** A person accepted or declined their invitation through its link. */
public record InvitationAnswered(long invitationId, long allocationId, long entryId, String response) {
}
