package com.jadecrane.reports;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.jadecrane.jobs.DeclaredParameters;
import com.jadecrane.jobs.JobParameterSpec;

/**
 * {@code reportExportJob}: produces the archived report named by the job parameter
 * {@code reportId} (launched by {@code POST /api/reports}); a run without it (the weekly schedule,
 * {@code jadecrane.jobs.schedules.reportExportJob}) files a WAITLIST_FUNNEL report of the last full
 * week itself, marked scheduled.
 * <ol>
 * <li>{@code resolveReportStep} decides which report and keeps its id in the job's context, so a
 * restart produces the same one.</li>
 * <li>{@code writeReportStep} claims the report (QUEUED, or FAILED on a restart), writes its workbook
 * and marks it COMPLETED. One tasklet rather than chunks: an xlsx file is a zip that cannot be
 * appended to after a crash, so a restart writes it anew (the rows stream through, the memory
 * does not grow). A report already taken by another run is left alone.</li>
 * <li>{@code mailReportStep} mails a scheduled funnel to the leadership list ({@code jadecrane.reports.mail-to}),
 * once: the mail is claimed in the archive before it is sent, so a restart or a second run does not
 * send it again ({@link ReportMailing}). On-demand reports and the detail export are never mailed.</li>
 * </ol>
 * A run that fails marks its report FAILED with the reason; restarting it from the ops console
 * produces the same report.
 */
@Configuration(proxyBeanMethods = false)
class ReportExportJobConfiguration {

    static final String JOB_NAME = "reportExportJob";
    static final String RESOLVE_STEP = "resolveReportStep";
    static final String WRITE_STEP = "writeReportStep";
    static final String MAIL_STEP = "mailReportStep";
    static final String SCHEDULER = "scheduler";

    @Bean
    Job reportExportJob(JobRepository jobRepository, Step resolveReportStep, Step writeReportStep, Step mailReportStep,
            ReportArchive archive) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(resolveReportStep)
                .next(writeReportStep)
                .next(mailReportStep)
                .listener(new FailedReportMarking(archive))
                .build();
    }

    /** Whoever may ask for a report (LEADERSHIP too) launches this job with its id; see {@link ReportRequests}. */
    @Bean
    DeclaredParameters reportExportJobParameters() {
        return DeclaredParameters.of(JOB_NAME, JobParameterSpec.integer(ReportRequests.REPORT_ID, 1, Long.MAX_VALUE,
                "a new funnel of last week", "the requested report to produce"));
    }

    @Bean
    Step resolveReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet resolveReportTasklet) {
        return taskletStep(RESOLVE_STEP, resolveReportTasklet, jobRepository, transactionManager);
    }

    @Bean
    Step writeReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet writeReportTasklet) {
        return taskletStep(WRITE_STEP, writeReportTasklet, jobRepository, transactionManager);
    }

    @Bean
    Step mailReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet mailReportTasklet) {
        return taskletStep(MAIL_STEP, mailReportTasklet, jobRepository, transactionManager);
    }

    private static Step taskletStep(String name, Tasklet tasklet, JobRepository jobRepository,
            PlatformTransactionManager transactionManager) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet resolveReportTasklet(ReportArchive archive, ReportRequests requests, ApplicationEventPublisher events,
            @Value("#{jobParameters['" + ReportRequests.REPORT_ID + "']}") String reportId) {
        return (contribution, chunkContext) -> {
            long id;
            if (reportId == null || reportId.isBlank()) {
                ReportPeriod lastWeek = requests.lastFullWeek();
                id = archive.create(ReportType.WAITLIST_FUNNEL, lastWeek, SCHEDULER, true);
                events.publishEvent(new ReportRequested(id, ReportType.WAITLIST_FUNNEL.name(), lastWeek.start(),
                        lastWeek.end(), SCHEDULER, true));
            }
            else {
                id = archive.get(Long.parseLong(reportId)).id();
            }
            chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                    .putLong(ReportRequests.REPORT_ID, id);
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription("report " + id));
            return RepeatStatus.FINISHED;
        };
    }

    /** Runs in the step's transaction, which the detail export's database cursor needs. */
    @Bean
    @StepScope
    Tasklet writeReportTasklet(ReportArchive archive, ReportProduction production,
            @Value("#{jobExecutionContext['" + ReportRequests.REPORT_ID + "']}") Long reportId) {
        return (contribution, chunkContext) -> {
            long jobExecutionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
            if (!archive.claim(reportId, jobExecutionId)) {
                contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription("report " + reportId + " is "
                        + archive.get(reportId).status() + " already; nothing to do"));
                return RepeatStatus.FINISHED;
            }
            long rows = production.produce(reportId);
            contribution.incrementWriteCount(rows);
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription("report " + reportId + ": " + rows + " rows"));
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    @StepScope
    Tasklet mailReportTasklet(ReportMailing mailing,
            @Value("#{jobExecutionContext['" + ReportRequests.REPORT_ID + "']}") Long reportId) {
        return (contribution, chunkContext) -> {
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(mailing.mail(reportId)));
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * A run that did not complete leaves its report FAILED with a reason for the UI. Leadership reads
     * it too, so it names the kind of failure and the execution, never the exception's message
     * (file paths, SQL): ops read that in the console, where they also restart the run.
     */
    static final class FailedReportMarking implements JobExecutionListener {

        private final ReportArchive archive;

        FailedReportMarking(ReportArchive archive) {
            this.archive = archive;
        }

        @Override
        public void afterJob(JobExecution execution) {
            if (execution.getStatus() == BatchStatus.COMPLETED
                    || !execution.getExecutionContext().containsKey(ReportRequests.REPORT_ID)) {
                return;
            }
            String reason = execution.getAllFailureExceptions().stream().findFirst()
                    .map(failure -> "The export failed (" + failure.getClass().getSimpleName() + ")")
                    .orElse("The export ended " + execution.getStatus())
                    + "; the details are in job execution " + execution.getId() + " in the ops console";
            archive.failed(execution.getExecutionContext().getLong(ReportRequests.REPORT_ID), execution.getId(), reason);
        }
    }
}
