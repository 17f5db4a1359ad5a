package com.jadecrane.reports;

/** A personal-data export (every sign-up of a period with contact data) left the back-office. */
public record WaitlistDetailDownloaded(long reportId, long rowCount, String username) {
}
