package com.jadecrane.hospitals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A profile as the admin API shows it, with its status and latest verification. */
record Hospital(
        long id,
        long version,
        String slug,
        String name,
        String localName,
        String city,
        String province,
        String grade,
        String website,
        InternationalDesk internationalDesk,
        List<Department> departments,
        List<String> specialties,
        FitCriteria fit,
        List<String> redFlagsObserved,
        HospitalStatus status,
        String statusReason,
        OffsetDateTime statusChangedAt,
        LatestVerification latestVerification,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt) {

    record LatestVerification(long id, LocalDate verifiedOn, LocalDate expiresOn, VerificationMethod method,
            String verifier) {
    }
}
