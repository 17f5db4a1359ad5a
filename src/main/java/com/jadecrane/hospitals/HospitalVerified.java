package com.jadecrane.hospitals;

import java.time.LocalDate;

/** A verification was recorded and the profile is VERIFIED until {@code expiresOn}. */
public record HospitalVerified(long hospitalId, String slug, long verificationId, LocalDate verifiedOn,
        LocalDate expiresOn, String recordedBy) {
}
