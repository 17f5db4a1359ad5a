package com.jadecrane.hospitals;

import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.jadecrane.jobs.DeclaredParameters;
import com.jadecrane.jobs.JobParameterSpec;

/**
 * {@code hospitalVerificationExpiryJob}: meant to run nightly (once the scheduler exists) and by
 * hand from the ops console.
 * <ol>
 * <li>{@code expireLapsedVerificationsStep} moves VERIFIED profiles whose latest verification
 * expired before {@code runDate} to EXPIRED, so the public site stops showing them.</li>
 * <li>{@code listDueForReverificationStep} records which VERIFIED profiles lapse within
 * {@code dueWithinDays} (30) of {@code runDate} in {@code hospital_reverification_due}, and says how
 * many in the step's exit description, for the ops console and later reports.</li>
 * </ol>
 * Parameters: {@code runDate} (LocalDate, default today), {@code dueWithinDays} (default 30).
 * {@code runDate} is for ADMIN only and never after today: a later date expires now profiles that
 * are still valid, which OPS may not do to a hospital directly.
 * No incrementer: Batch 6's JobOperator would replace the caller's parameters with the next run id,
 * and {@code runDate} is what identifies a run. Running it again for the same date (with another
 * identifying parameter) changes nothing: expired profiles no longer match step 1 and step 2
 * replaces that date's list.
 */
@Configuration(proxyBeanMethods = false)
class HospitalVerificationExpiryJobConfiguration {

    static final String JOB_NAME = "hospitalVerificationExpiryJob";
    static final String EXPIRE_STEP = "expireLapsedVerificationsStep";
    static final String DUE_STEP = "listDueForReverificationStep";
    static final int DEFAULT_DUE_WITHIN_DAYS = 30;
    private static final int CHUNK_SIZE = 100;

    @Bean
    Job hospitalVerificationExpiryJob(JobRepository jobRepository, Step expireLapsedVerificationsStep,
            Step listDueForReverificationStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(expireLapsedVerificationsStep)
                .next(listDueForReverificationStep)
                .build();
    }

    @Bean
    DeclaredParameters hospitalVerificationExpiryJobParameters() {
        return DeclaredParameters.of(JOB_NAME,
                JobParameterSpec.date("runDate", 366, 0, "today",
                        "verifications that lapsed before this date expire").onlyAdmin(),
                JobParameterSpec.integer("dueWithinDays", 1, 366, Integer.toString(DEFAULT_DUE_WITHIN_DAYS),
                        "lists the profiles that lapse within this many days of the run date"));
    }

    @Bean
    Step expireLapsedVerificationsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcPagingItemReader<LapsedVerification> lapsedVerificationsReader,
            HospitalExpiryWriter hospitalExpiryWriter) {
        return new StepBuilder(EXPIRE_STEP, jobRepository)
                .<LapsedVerification, LapsedVerification>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(lapsedVerificationsReader)
                .writer(hospitalExpiryWriter)
                .build();
    }

    /**
     * Keyset paging by id: rows already expired drop out of the query, and a restart resumes after
     * the last id committed instead of skipping a count of rows that no longer match.
     */
    @Bean
    @StepScope
    JdbcPagingItemReader<LapsedVerification> lapsedVerificationsReader(DataSource dataSource,
            @Value("#{jobParameters['runDate']}") LocalDate runDate) throws Exception {
        return new JdbcPagingItemReaderBuilder<LapsedVerification>()
                .name("lapsedVerificationsReader")
                .dataSource(dataSource)
                .selectClause("select h.id, h.slug, v.expires_on")
                .fromClause("from hospital h join hospital_verification v on v.id = h.latest_verification_id")
                .whereClause("where h.status = 'VERIFIED' and v.expires_on < :runDate")
                .parameterValues(Map.of("runDate", orToday(runDate)))
                .sortKeys(Map.of("id", Order.ASCENDING))
                .pageSize(CHUNK_SIZE)
                .rowMapper((rs, row) -> new LapsedVerification(rs.getLong("id"), rs.getString("slug"),
                        rs.getObject("expires_on", LocalDate.class)))
                .build();
    }

    @Bean
    @StepScope
    HospitalExpiryWriter hospitalExpiryWriter(JdbcClient jdbc, ApplicationEventPublisher events,
            @Value("#{jobParameters['runDate']}") LocalDate runDate) {
        return new HospitalExpiryWriter(jdbc, events, orToday(runDate));
    }

    /**
     * A set-based tasklet: the list is one snapshot per run date (delete and insert in one
     * transaction), which a chunked copy would only make slower and harder to re-run.
     */
    @Bean
    Step listDueForReverificationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet dueForReverificationTasklet) {
        return new StepBuilder(DUE_STEP, jobRepository)
                .tasklet(dueForReverificationTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    Tasklet dueForReverificationTasklet(JdbcClient jdbc, @Value("#{jobParameters['runDate']}") LocalDate runDate,
            @Value("#{jobParameters['dueWithinDays']}") Long dueWithinDays) {
        LocalDate date = orToday(runDate);
        LocalDate dueBy = date.plusDays(dueWithinDays == null ? DEFAULT_DUE_WITHIN_DAYS : dueWithinDays);
        return (contribution, chunkContext) -> {
            jdbc.sql("delete from hospital_reverification_due where run_date = ?").param(date).update();
            int due = jdbc.sql("""
                    insert into hospital_reverification_due (run_date, hospital_id, expires_on)
                    select :runDate, h.id, v.expires_on
                    from hospital h join hospital_verification v on v.id = h.latest_verification_id
                    where h.status = 'VERIFIED' and v.expires_on between :runDate and :dueBy
                    """)
                    .param("runDate", date).param("dueBy", dueBy).update();
            contribution.incrementWriteCount(due);
            chunkContext.getStepContext().getStepExecution().getExecutionContext().putInt("dueCount", due);
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(
                    due + " profile(s) due for re-verification by " + dueBy));
            return RepeatStatus.FINISHED;
        };
    }

    private static LocalDate orToday(LocalDate runDate) {
        return runDate != null ? runDate : LocalDate.now();
    }

    record LapsedVerification(long hospitalId, String slug, LocalDate expiresOn) {
    }

    /**
     * Expires each profile only if it is still VERIFIED and lapsed, so a re-verification meanwhile
     * wins. Not final: the step scope proxies it by subclassing.
     */
    static class HospitalExpiryWriter implements ItemWriter<LapsedVerification> {

        private final JdbcClient jdbc;
        private final ApplicationEventPublisher events;
        private final LocalDate runDate;

        HospitalExpiryWriter(JdbcClient jdbc, ApplicationEventPublisher events, LocalDate runDate) {
            this.jdbc = jdbc;
            this.events = events;
            this.runDate = runDate;
        }

        @Override
        public void write(Chunk<? extends LapsedVerification> chunk) {
            for (LapsedVerification lapsed : chunk) {
                int expired = jdbc.sql("""
                        update hospital h set status = 'EXPIRED', status_reason = :reason, status_changed_at = now(),
                            version = version + 1, updated_by = 'system', updated_at = now()
                        from hospital_verification v
                        where h.id = :id and h.status = 'VERIFIED' and v.id = h.latest_verification_id
                          and v.expires_on < :runDate
                        """)
                        .param("reason", "Verification lapsed on " + lapsed.expiresOn())
                        .param("id", lapsed.hospitalId()).param("runDate", runDate).update();
                if (expired == 1) {
                    events.publishEvent(new HospitalVerificationExpired(lapsed.hospitalId(), lapsed.slug(),
                            lapsed.expiresOn(), runDate));
                }
            }
        }
    }
}
