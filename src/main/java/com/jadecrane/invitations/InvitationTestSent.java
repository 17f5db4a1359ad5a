package com.jadecrane.invitations;

/** Ops sent themselves the invitation email filled with sample data. */
public record InvitationTestSent(String email, String outcome, String sentBy) {
}
