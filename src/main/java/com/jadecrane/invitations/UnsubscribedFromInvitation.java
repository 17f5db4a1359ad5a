package com.jadecrane.invitations;

/** A person used the unsubscribe link of an invitation; their address is now suppressed. */
public record UnsubscribedFromInvitation(long invitationId, long entryId) {
}
