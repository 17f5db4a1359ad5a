package com.jadecrane.hospitals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One recorded verification of a profile, with the evidence files uploaded for it. */
record Verification(
        long id,
        long hospitalId,
        LocalDate verifiedOn,
        LocalDate expiresOn,
        VerificationMethod method,
        String verifier,
        String notes,
        String recordedBy,
        OffsetDateTime recordedAt,
        List<Evidence> evidence) {

    /** An evidence file's description; its bytes are only sent by the download endpoint. */
    record Evidence(long id, long verificationId, String fileName, String contentType, long sizeBytes, String sha256,
            String uploadedBy, OffsetDateTime uploadedAt) {
    }
}
