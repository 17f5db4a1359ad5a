package com.jadecrane.mail;

/** Ops allowed an address again. */
public record SuppressionRemoved(String email, String reason, String removedBy) {
}
