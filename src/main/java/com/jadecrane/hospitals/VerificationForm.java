package com.jadecrane.hospitals;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A verification as recorded by an editor. {@code expiresOn} defaults to twelve months after
 * {@code verifiedOn}; {@code version}, when sent, must be the profile's current one.
 */
record VerificationForm(
        @NotNull LocalDate verifiedOn,
        @NotNull VerificationMethod method,
        @NotBlank @Size(max = 120) String verifier,
        @Size(max = 4000) String notes,
        LocalDate expiresOn,
        Long version) {
}
