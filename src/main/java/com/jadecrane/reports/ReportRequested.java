package com.jadecrane.reports;

import java.time.LocalDate;

/** Someone (or the weekly schedule) asked for a report. */
public record ReportRequested(long reportId, String type, LocalDate periodStart, LocalDate periodEnd,
        String requestedBy, boolean scheduled) {
}
