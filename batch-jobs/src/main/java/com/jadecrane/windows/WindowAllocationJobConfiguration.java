package com.jadecrane.windows;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.jadecrane.jobs.DeclaredParameters;
import com.jadecrane.jobs.FlowJobs;
import com.jadecrane.jobs.JobParameterSpec;

/**
 * {@code windowAllocationJob}: first frees lapsed holds ({@code releaseSeatsStep}), then gives
 * seats to the waitlist in queue order ({@code allocateSeatsStep}): each canonical, active entry
 * without a seat gets one in the earliest OPEN window that serves one of its specialties, speaks its
 * language or offers an interpreter, starts at least the minimum notice after the run, and lies
 * between 08:00 and 21:00 in the person's own zone; everyone else gets a reason. Parameters: see
 * {@link AllocationSettings}. Idempotent (seated entries are not read again), restartable from the
 * last committed chunk (the reader's queue position), and {@code dryRun=true} only records what it
 * would do. No incrementer: launchers pass an identifying parameter of their own ({@code launchedAt}).
 * The steps form {@code windowAllocationFlow}, which the nightly run reuses. {@code runAt} and
 * {@code minimumNoticeHours} are for ADMIN only: the first moves which holds lapse and which windows
 * are offered, the second offers windows sooner than the configured notice.
 */
@Configuration(proxyBeanMethods = false)
class WindowAllocationJobConfiguration {

    static final String JOB_NAME = "windowAllocationJob";

    @Bean
    Job windowAllocationJob(JobRepository jobRepository, Flow windowAllocationFlow) {
        return FlowJobs.of(JOB_NAME, jobRepository, windowAllocationFlow);
    }

    @Bean
    DeclaredParameters windowAllocationJobParameters() {
        return DeclaredParameters.of(JOB_NAME, JobParameterSpec.dryRun(),
                JobParameterSpec.integer("chunkSize", 1, 1_000_000, Integer.toString(AllocationSettings.DEFAULT_CHUNK_SIZE),
                        "entries allocated per transaction"),
                JobParameterSpec.integer("minimumNoticeHours", 0, 24 * 366, "jadecrane.windows.minimum-notice",
                        "offers only windows starting at least this many hours after the run").onlyAdmin(),
                JobParameterSpec.instant("runAt", 24, 24, "the launch time",
                        "the moment the run decides as of (holds lapsed by then are released)").onlyAdmin());
    }

    @Bean
    Flow windowAllocationFlow(Step releaseSeatsStep, Step allocateSeatsStep) {
        return new FlowBuilder<Flow>("windowAllocationFlow")
                .start(releaseSeatsStep)
                .next(allocateSeatsStep)
                .build();
    }

    @Bean
    Step releaseSeatsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, SeatRelease seatRelease) {
        return new StepBuilder("releaseSeatsStep", jobRepository)
                .tasklet(seatRelease, transactionManager)
                .build();
    }

    @Bean
    Step allocateSeatsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet allocationChunkTasklet, AllocationQueueReader allocationQueueReader,
            SeatAllocationWriter seatAllocationWriter) {
        return new StepBuilder("allocateSeatsStep", jobRepository)
                .tasklet(allocationChunkTasklet, transactionManager)
                .stream(allocationQueueReader)
                .stream(seatAllocationWriter)
                .listener(seatAllocationWriter)
                .build();
    }

    /**
     * One chunk (transaction) of {@code chunkSize} entries, the parameter of the run, per call. Typed
     * as the interface: the step scope's proxy then implements it rather than subclassing a record.
     */
    @Bean
    @StepScope
    Tasklet allocationChunkTasklet(AllocationQueueReader allocationQueueReader,
            SeatAllocationWriter seatAllocationWriter, @Value("#{stepExecution}") StepExecution stepExecution,
            WindowsProperties properties) {
        return new AllocationChunkTasklet(allocationQueueReader, seatAllocationWriter,
                AllocationSettings.of(stepExecution.getJobExecution(), properties).chunkSize());
    }

    @Bean
    @StepScope
    SeatRelease seatRelease(JdbcClient jdbc, @Value("#{stepExecution}") StepExecution stepExecution,
            WindowsProperties properties) {
        return new SeatRelease(jdbc, AllocationSettings.of(stepExecution.getJobExecution(), properties), properties);
    }

    @Bean(name = AllocationQueueReader.NAME)
    @StepScope
    AllocationQueueReader allocationQueueReader(DataSource dataSource, @Value("#{stepExecution}") StepExecution stepExecution,
            WindowsProperties properties) {
        return new AllocationQueueReader(dataSource, AllocationSettings.of(stepExecution.getJobExecution(), properties).runAt());
    }

    @Bean(name = SeatAllocationWriter.NAME)
    @StepScope
    SeatAllocationWriter seatAllocationWriter(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events, @Value("#{stepExecution}") StepExecution stepExecution, WindowsProperties properties) {
        return new SeatAllocationWriter(jdbc, dataSource, transactionManager, events,
                AllocationSettings.of(stepExecution.getJobExecution(), properties));
    }
}
