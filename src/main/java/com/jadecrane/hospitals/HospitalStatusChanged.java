package com.jadecrane.hospitals;

/** An editor moved a profile to another status (start verification, suspend, resume). */
public record HospitalStatusChanged(long hospitalId, String slug, HospitalStatus from, HospitalStatus to,
        String reason, String changedBy) {
}
