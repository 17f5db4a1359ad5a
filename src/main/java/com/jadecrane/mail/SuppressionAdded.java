package com.jadecrane.mail;

/** An address was put on the suppression list. */
public record SuppressionAdded(String email, String reason, String source) {
}
