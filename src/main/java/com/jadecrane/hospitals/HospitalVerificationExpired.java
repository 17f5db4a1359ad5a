package com.jadecrane.hospitals;

import java.time.LocalDate;

/** The expiry job found the latest verification lapsed and moved the profile to EXPIRED. */
public record HospitalVerificationExpired(long hospitalId, String slug, LocalDate expiredOn, LocalDate runDate) {
}
