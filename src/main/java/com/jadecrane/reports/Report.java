package com.jadecrane.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One row of the report archive, as the API answers it (nulls included: the UI shows them as blanks).
 *
 * @param mailedAt when the run took the mail to the leadership list in hand (null: not mailed)
 * @param mailedRecipients how many recipients it went to; null while (or if) the answer is unknown
 * @param withdrawnAt when its workbook was deleted because it held a person who was erased (status WITHDRAWN)
 * @param withdrawalReason why, in words the list and the download show
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record Report(long id, ReportType type, String status, LocalDate periodStart, LocalDate periodEnd, String requestedBy,
        OffsetDateTime requestedAt, OffsetDateTime completedAt, String fileName, Long sizeBytes, Long rowCount,
        String error, Long jobExecutionId, boolean scheduled, OffsetDateTime mailedAt, Integer mailedRecipients,
        OffsetDateTime withdrawnAt, String withdrawalReason) {

    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";
    static final String COMPLETED = "COMPLETED";
    static final String FAILED = "FAILED";
    static final String WITHDRAWN = "WITHDRAWN";
    static final List<String> STATUSES = List.of(QUEUED, RUNNING, COMPLETED, FAILED, WITHDRAWN);

    ReportPeriod period() {
        return new ReportPeriod(periodStart, periodEnd);
    }
}
