package com.jadecrane.reports;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.jadecrane.jobs.JobRuns;
import com.jadecrane.system.ConflictException;

/**
 * Files a report in the archive and launches {@code reportExportJob} for it through the jobs
 * module (the same launcher as the ops console: recorded, never two runs at once). A report asked
 * for while another one is being produced stays QUEUED, and the poller below launches it once the
 * job is free (on whichever instance gets there first; the job claims a report only once).
 */
@Service
class ReportRequests {

    private static final Logger log = LoggerFactory.getLogger(ReportRequests.class);
    static final String REPORT_ID = "reportId";

    private final ReportArchive archive;
    private final JobRuns jobRuns;
    private final ApplicationEventPublisher events;
    private final ReportsProperties properties;
    private final Clock clock = Clock.systemUTC();

    ReportRequests(ReportArchive archive, JobRuns jobRuns, ApplicationEventPublisher events, ReportsProperties properties) {
        this.archive = archive;
        this.jobRuns = jobRuns;
        this.events = events;
        this.properties = properties;
    }

    ReportPeriod lastFullWeek() {
        return ReportPeriod.lastFullWeek(clock, properties.zone());
    }

    long request(ReportType type, ReportPeriod period, String username) {
        long id = archive.create(type, period, username, false);
        events.publishEvent(new ReportRequested(id, type.name(), period.start(), period.end(), username, false));
        launch(id, username);
        return id;
    }

    /** Queued reports whose launch met a busy job, a few seconds after they were asked for. */
    @Scheduled(fixedDelayString = "${jadecrane.reports.queue-poll:15s}", initialDelayString = "${jadecrane.reports.queue-poll:15s}")
    void launchWaiting() {
        for (long id : archive.waiting(OffsetDateTime.now(clock).minusSeconds(10))) {
            if (!launch(id, archive.get(id).requestedBy())) {
                return;
            }
        }
    }

    private boolean launch(long reportId, String requestedBy) {
        try {
            jobRuns.start(ReportExportJobConfiguration.JOB_NAME, Map.of(REPORT_ID, Long.toString(reportId)), requestedBy);
            return true;
        }
        catch (ConflictException busy) {
            log.info("Report {} stays queued: {}", reportId, busy.getMessage());
            return false;
        }
    }
}
