package com.jadecrane.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.jadecrane.jobs.JobRuns;
import com.jadecrane.reports.ReportFigures.Count;
import com.jadecrane.reports.ReportFigures.Funnel;
import com.jadecrane.reports.ReportFigures.GuideDue;
import com.jadecrane.reports.ReportFigures.HospitalDue;
import com.jadecrane.reports.ReportFigures.WeeklySignups;
import com.jadecrane.reports.ReportFigures.WeeklyUtilization;

/** The leadership dashboard: the funnel workbook's figures at a glance, aggregates only. */
@RestController
class DashboardController {

    static final String NIGHTLY_JOB = "nightlyInvitationJob";
    static final int SIGNUP_WEEKS = 26;
    static final int UTILIZATION_WEEKS_BACK = 4;
    static final int UTILIZATION_WEEKS_AHEAD = 8;

    private final ReportFigures figures;
    private final JobRuns jobRuns;
    private final Clock clock = Clock.systemUTC();

    DashboardController(ReportFigures figures, JobRuns jobRuns) {
        this.figures = figures;
        this.jobRuns = jobRuns;
    }

    @GetMapping("/api/dashboard")
    @PreAuthorize("hasAnyRole('LEADERSHIP', 'OPS')")
    Dashboard dashboard() {
        LocalDate today = LocalDate.now(clock.withZone(figures.zone()));
        LocalDate thisWeek = ReportPeriod.weekStart(today);
        LocalDate dueBy = today.plusDays(FunnelWorkbook.DUE_WITHIN_DAYS);
        return new Dashboard(OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), figures.funnelAllTime(),
                figures.signupsByWeek(thisWeek.minusWeeks(SIGNUP_WEEKS - 1L), SIGNUP_WEEKS),
                figures.windowUtilizationByWeek(thisWeek.minusWeeks(UTILIZATION_WEEKS_BACK),
                        UTILIZATION_WEEKS_BACK + 1 + UTILIZATION_WEEKS_AHEAD),
                figures.invitationsByStatus(ReportPeriod.BEGINNING, ReportPeriod.END_OF_TIME),
                figures.guidesDueForReview(dueBy), figures.hospitalsDueForReverification(dueBy),
                jobRuns.latest(NIGHTLY_JOB).orElse(null));
    }

    /** {@code nightlyRun} is null (not left out) when the nightly job never ran. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Dashboard(OffsetDateTime generatedAt, Funnel funnel, List<WeeklySignups> signupsByWeek,
            List<WeeklyUtilization> windowUtilizationByWeek, List<Count> deliveryHealth, List<GuideDue> guidesDueForReview,
            List<HospitalDue> hospitalsDueForReverification, JobRuns.LatestRun nightlyRun) {
    }
}
