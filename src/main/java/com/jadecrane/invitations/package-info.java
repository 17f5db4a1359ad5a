/**
 * Invitation emails: one per seat allocation, sent exactly once by {@code invitationEmailJob}
 * (a ledger row is SENDING, committed, before SendGrid is called; an interrupted send becomes
 * UNCONFIRMED, never sent twice), with single-use accept, decline and unsubscribe links, the
 * delivery events SendGrid reports, and ops' resolution of what stayed unconfirmed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Invitations")
package com.jadecrane.invitations;
