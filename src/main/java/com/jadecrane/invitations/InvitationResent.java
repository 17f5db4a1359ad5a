package com.jadecrane.invitations;

/** Ops sent an UNCONFIRMED or transiently FAILED invitation again; {@code result} is how it went. */
public record InvitationResent(long invitationId, String result, String resentBy) {
}
