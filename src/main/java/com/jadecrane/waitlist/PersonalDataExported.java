package com.jadecrane.waitlist;

/** Someone downloaded all data held about one waitlist person (a data-subject access request). */
public record PersonalDataExported(long entryId, String exportedBy) {
}
