package com.jadecrane.specialties;

/** A specialty such as {@code oncology}; inactive ones stay valid for old data but take no new sign-ups. */
public record Specialty(String code, String name, boolean active, int sortOrder) {
}
