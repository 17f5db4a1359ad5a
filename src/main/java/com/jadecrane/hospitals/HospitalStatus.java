package com.jadecrane.hospitals;

/**
 * Where a profile stands: UNVERIFIED -> IN_VERIFICATION -> VERIFIED -> EXPIRED, or SUSPENDED from
 * any of them (and back to IN_VERIFICATION). Only VERIFIED profiles are public.
 */
public enum HospitalStatus {
    UNVERIFIED, IN_VERIFICATION, VERIFIED, EXPIRED, SUSPENDED
}
