package com.jadecrane.waitlist;

/** One waitlist person's personal data was anonymized (a data-subject erasure request). */
public record PersonalDataErased(long entryId, int signupsErased, String erasedBy) {
}
