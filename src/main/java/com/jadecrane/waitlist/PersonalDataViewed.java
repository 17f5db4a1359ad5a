package com.jadecrane.waitlist;

/** Somebody opened one waitlist person's record (name, email, messages). */
public record PersonalDataViewed(long entryId, String viewedBy) {
}
