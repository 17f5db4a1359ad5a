/**
 * The waitlist: public sign-ups (append-only, with an identity key computed at intake), one entry per
 * person after the de-duplication job, reversible merges, possible duplicates for a person to decide,
 * and the data-subject requests (export, erasure). Events: {@link com.jadecrane.waitlist.WaitlistSignupReceived},
 * {@link com.jadecrane.waitlist.WaitlistEntryMerged}, {@link com.jadecrane.waitlist.WaitlistMergeUndone},
 * {@link com.jadecrane.waitlist.PersonalDataExported}, {@link com.jadecrane.waitlist.PersonalDataErased}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Waitlist")
package com.jadecrane.waitlist;
