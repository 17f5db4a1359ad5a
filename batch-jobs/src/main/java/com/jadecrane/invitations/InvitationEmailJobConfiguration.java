package com.jadecrane.invitations;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.jadecrane.jobs.DeclaredParameters;
import com.jadecrane.jobs.DryRun;
import com.jadecrane.jobs.FlowJobs;
import com.jadecrane.jobs.JobParameterSpec;
import com.jadecrane.jobs.StepProgress;
import com.jadecrane.system.DurableCommits;

/**
 * {@code invitationEmailJob}: one invitation email per seat allocation, exactly once.
 * <ol>
 * <li>{@code markInterruptedSendsStep}, at the start of every run and restart: rows a crashed run
 * left SENDING become UNCONFIRMED (SendGrid may have them; never sent again automatically).</li>
 * <li>{@code queueInvitationsStep}: PENDING invitations whose seat was released meanwhile (by the
 * windows job's bulk releases, which announce nothing) become CANCELLED; then one set-based insert
 * of a PENDING invitation, in queue order, for every HELD allocation that has none.</li>
 * <li>{@code sendInvitationsStep}: the PENDING rows in queue order, a chunk at a time claimed
 * (SENDING, committed) before the Mailer is called, sent in requests of up to 1,000
 * personalizations, and then SENT, FAILED, UNCONFIRMED or SUPPRESSED; what
 * SendGrid could not take for now stays PENDING for the next run. A sent invitation starts its
 * seat's reply deadline.</li>
 * </ol>
 * Parameters (text): {@code dryRun} ("true": sends and changes nothing, the exit description of
 * {@code queueInvitationsStep} says how many would be sent). The steps form {@code invitationEmailFlow},
 * which the nightly run reuses.
 */
@Configuration(proxyBeanMethods = false)
class InvitationEmailJobConfiguration {

    static final String JOB_NAME = "invitationEmailJob";
    static final String MARK_INTERRUPTED_STEP = "markInterruptedSendsStep";
    static final String QUEUE_STEP = "queueInvitationsStep";
    static final String SEND_STEP = "sendInvitationsStep";
    private static final Logger log = LoggerFactory.getLogger(InvitationEmailJobConfiguration.class);

    @Bean
    Job invitationEmailJob(JobRepository jobRepository, Flow invitationEmailFlow) {
        return FlowJobs.of(JOB_NAME, jobRepository, invitationEmailFlow);
    }

    @Bean
    DeclaredParameters invitationEmailJobParameters() {
        return DeclaredParameters.of(JOB_NAME, JobParameterSpec.dryRun());
    }

    @Bean
    Flow invitationEmailFlow(Step markInterruptedSendsStep, Step queueInvitationsStep, Step sendInvitationsStep) {
        JobExecutionDecider dryRunOrSend = DryRun.decider();
        return new FlowBuilder<Flow>("invitationEmailFlow")
                .start(markInterruptedSendsStep)
                .next(queueInvitationsStep)
                .next(dryRunOrSend).on(DryRun.STATUS).end()
                .from(dryRunOrSend).on("*").to(sendInvitationsStep)
                .build();
    }

    /** Runs again on a restart: a restart follows a run that may have died mid-send. */
    @Bean
    Step markInterruptedSendsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet markInterruptedSendsTasklet) {
        return new StepBuilder(MARK_INTERRUPTED_STEP, jobRepository)
                .tasklet(markInterruptedSendsTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    Tasklet markInterruptedSendsTasklet(InvitationLedger ledger, @Value("#{jobParameters['dryRun']}") String dryRun) {
        return (contribution, chunkContext) -> {
            long interrupted = DryRun.requested(dryRun) ? ledger.interruptedSends() : ledger.markInterruptedSendsUnconfirmed();
            contribution.incrementWriteCount(DryRun.requested(dryRun) ? 0 : interrupted);
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(interrupted
                    + (DryRun.requested(dryRun) ? " interrupted send(s) would become UNCONFIRMED" : " interrupted send(s) now UNCONFIRMED")));
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step queueInvitationsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet queueInvitationsTasklet) {
        return new StepBuilder(QUEUE_STEP, jobRepository)
                .tasklet(queueInvitationsTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    Tasklet queueInvitationsTasklet(InvitationLedger ledger, @Value("#{jobParameters['dryRun']}") String dryRun) {
        return (contribution, chunkContext) -> {
            if (DryRun.requested(dryRun)) {
                long wouldSend = ledger.wouldSend();
                chunkContext.getStepContext().getStepExecution().getExecutionContext().putLong("wouldSend", wouldSend);
                contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(
                        "dry run: " + wouldSend + " invitation(s) would be sent"));
                return RepeatStatus.FINISHED;
            }
            int cancelled = ledger.cancelPendingOfReleasedSeats(null);
            int queued = ledger.queueHeldAllocations();
            contribution.incrementWriteCount(cancelled + queued);
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(queued + " new invitation(s) queued, "
                    + cancelled + " pending invitation(s) cancelled (seat released before sending)"));
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step sendInvitationsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcPagingItemReader<PendingInvitation> pendingInvitationsReader,
            ItemWriter<PendingInvitation> invitationMailWriter, StepExecutionListener beforeSendingInvitations,
            InvitationsProperties properties) {
        return new StepBuilder(SEND_STEP, jobRepository)
                .<PendingInvitation, PendingInvitation>chunk(properties.chunkSize(), transactionManager)
                .reader(pendingInvitationsReader)
                .writer(invitationMailWriter)
                .listener(beforeSendingInvitations)
                .build();
    }

    /**
     * Keyset paging by id (ids follow the queue): sent rows leave the query, and a restart resumes
     * after the last id committed.
     */
    @Bean
    @StepScope
    JdbcPagingItemReader<PendingInvitation> pendingInvitationsReader(DataSource dataSource,
            InvitationsProperties properties) throws Exception {
        return new JdbcPagingItemReaderBuilder<PendingInvitation>()
                .name("pendingInvitationsReader")
                .dataSource(dataSource)
                .selectClause("select *")
                .fromClause(InvitationLedger.WITH_RECIPIENT)
                .whereClause("status = 'PENDING' and allocation_status = 'HELD' and email is not null")
                .sortKeys(Map.of("id", Order.ASCENDING))
                .rowMapper(InvitationLedger.RECIPIENT)
                .pageSize(properties.chunkSize())
                .build();
    }

    /**
     * The chunk is claimed and recorded in transactions of its own, not in the chunk's: a claim
     * must be committed before its mail leaves.
     */
    @Bean
    ItemWriter<PendingInvitation> invitationMailWriter(InvitationSending sending) {
        return chunk -> {
            List<PendingInvitation> invitations = List.copyOf(chunk.getItems());
            Map<InvitationSending.Result, Integer> results = sending.sendPending(invitations);
            log.info("Invitations sent in this chunk: {}", results);
        };
    }

    /**
     * Before the step sends anything (and at each restart): the claims must be durable, since a claim
     * lost in a crash is mailed again, so a database that may lose commits fails the step here; then
     * the total for the progress bar.
     */
    @Bean
    StepExecutionListener beforeSendingInvitations(InvitationLedger ledger, DurableCommits durableCommits) {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                durableCommits.require("sending invitations");
                StepProgress.expectTotal(stepExecution, ledger.pendingToSend());
            }
        };
    }
}
