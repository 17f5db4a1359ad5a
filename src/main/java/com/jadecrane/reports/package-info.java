/**
 * Reports and the leadership dashboard: the figures (funnel, breakdowns, window utilization,
 * invitation delivery, content and hospital inventory) computed once in {@link com.jadecrane.reports.ReportFigures}
 * for both the {@code WAITLIST_FUNNEL} workbook and {@code GET /api/dashboard}; the personal-data
 * {@code WAITLIST_DETAIL} export (OPS and ADMIN, audited); the report archive and
 * {@code reportExportJob} that fills it on demand and weekly, mailing the weekly funnel to the
 * leadership list. Read-only over the other modules' tables (plain SQL aggregates), so it depends on
 * no module's Java API but the jobs launcher, the mailer and the waitlist's {@code PersonalDataHolder}
 * (erasing a person withdraws the detail workbooks that hold them: {@link com.jadecrane.reports.ReportPersonalData}).
 * Events: {@link com.jadecrane.reports.ReportRequested}, {@link com.jadecrane.reports.WaitlistDetailDownloaded}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports and dashboard")
package com.jadecrane.reports;
