package com.jadecrane.reports;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import com.jadecrane.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code reportExportJob} on the shared test database: a failed run restarted, the weekly run. */
@IntegrationTest
class ReportExportJobTests {

    @Autowired
    JobOperator jobOperator;

    @Autowired
    Job reportExportJob;

    @Autowired
    ReportArchive archive;

    @Autowired
    JdbcClient jdbc;

    Path blocker;

    @AfterEach
    void removeBlocker() throws Exception {
        if (blocker != null) {
            FileSystemUtils.deleteRecursively(blocker);
        }
    }

    /**
     * The run fails after writing the workbook, as it moves it into the archive (a folder stands
     * where the file goes): the report is FAILED with the reason and no half file is left. Once
     * the way is clear, the restart of the same execution writes it whole and completes it, also
     * when the report was left RUNNING by a process that died.
     */
    @Test
    void aFailedRunRestartedCompletesTheSameReport() throws Exception {
        ReportTestData data = new ReportTestData(jdbc).seed();
        long id = archive.create(ReportType.WAITLIST_DETAIL, data.period, "report-test", false);
        blocker = archive.file(id);
        // a workbook an earlier test run left under this id (each run's fresh database counts ids from 1)
        Files.deleteIfExists(blocker);
        Files.createDirectories(blocker.resolve("in-the-way"));

        JobExecution failed = jobOperator.start(reportExportJob, parameters(id));

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        Report afterFailure = archive.get(id);
        assertThat(afterFailure.status()).isEqualTo(Report.FAILED);
        assertThat(afterFailure.error()).as("no server path for the UI").startsWith("The export failed (")
                .contains("job execution " + failed.getId()).doesNotContain(blocker.toString());
        assertThat(afterFailure.jobExecutionId()).isEqualTo(failed.getId());
        assertThat(Files.exists(blocker.resolveSibling(id + ".xlsx.part"))).as("no half file left").isFalse();

        // as if the process had died before saying so: the report still says RUNNING, its run does not
        jdbc.sql("update report set status = 'RUNNING', error = null where id = ?").param(id).update();
        removeBlocker();
        JobExecution restarted = jobOperator.restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        Report completed = archive.get(id);
        assertThat(completed.status()).isEqualTo(Report.COMPLETED);
        assertThat(completed.error()).isNull();
        assertThat(completed.jobExecutionId()).isEqualTo(restarted.getId());
        assertThat(completed.rowCount()).isEqualTo(5);
        assertThat(completed.sizeBytes()).isEqualTo(Files.size(archive.file(id)));
        try (InputStream in = Files.newInputStream(archive.file(id)); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheet(WaitlistDetailExport.SHEET).getLastRowNum()).isEqualTo(5);
        }

        JobExecution again = jobOperator.start(reportExportJob, parameters(id));
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(archive.get(id).jobExecutionId()).as("a second launch leaves a completed report alone")
                .isEqualTo(restarted.getId());
    }

    /**
     * The schedule launches the job without a report: it files last week's funnel itself. With no
     * leadership list configured (the default, as in these tests) it mails nothing.
     */
    @Test
    void aScheduledRunFilesLastWeeksFunnel() throws Exception {
        JobExecution execution = jobOperator.start(reportExportJob, scheduledRun());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Report report = archive.get(execution.getExecutionContext().getLong(ReportRequests.REPORT_ID));
        assertThat(report.type()).isEqualTo(ReportType.WAITLIST_FUNNEL);
        assertThat(report.scheduled()).isTrue();
        assertThat(report.requestedBy()).isEqualTo("scheduler");
        assertThat(report.status()).isEqualTo(Report.COMPLETED);
        assertThat(report.periodStart().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(report.periodEnd()).isEqualTo(report.periodStart().plusDays(6));
        assertThat(report.periodEnd()).isBefore(LocalDate.now(ReportTestData.ZONE));
        assertThat(Files.size(archive.file(report.id()))).isEqualTo(report.sizeBytes());
        assertThat(execution.getStepExecutions()).filteredOn(step -> step.getStepName().equals("mailReportStep"))
                .singleElement().extracting(step -> step.getExitStatus().getExitDescription()).asString()
                .startsWith("no leadership list");
        assertThat(report.mailedAt()).isNull();
        assertThat(jdbc.sql("select count(*) from mail_outbox where custom_args ->> 'reportId' = ?")
                .param(Long.toString(report.id())).query(Integer.class).single()).isZero();
    }

    /** A new run of this report. */
    static org.springframework.batch.core.job.parameters.JobParameters parameters(long reportId) {
        return new JobParametersBuilder().addString(ReportRequests.REPORT_ID, Long.toString(reportId))
                .addString("launchedAt", "test-" + System.nanoTime()).toJobParameters();
    }

    /** A new run as the schedule launches it: without a report. */
    static org.springframework.batch.core.job.parameters.JobParameters scheduledRun() {
        return new JobParametersBuilder().addString("launchedAt", "scheduled-" + System.nanoTime()).toJobParameters();
    }
}
