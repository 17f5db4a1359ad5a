package com.jadecrane.waitlist;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.jadecrane.jobs.DeclaredParameters;
import com.jadecrane.jobs.JobParameterSpec;
import com.jadecrane.jobs.StepProgress;

/**
 * {@code waitlistRetentionJob}: people whose last sign-up is older than the retention period
 * ({@code jadecrane.waitlist.retention-period}, default 24 months) are anonymized exactly as a
 * data-subject erasure does it: the counts reports need (country, specialty, source page, dates)
 * stay. Pages through candidates by entry id, so a restart resumes after the last committed chunk;
 * an erased person is no longer a candidate, so a second run changes nothing. {@code runDate} (the
 * day the retention period counts back from, default today in UTC) is for ADMIN only and never
 * after today: a later date erases people whose period has not ended. The erasures are audited
 * under the name of whoever launched the run.
 */
@Configuration(proxyBeanMethods = false)
class WaitlistRetentionJobConfiguration {

    static final String JOB_NAME = "waitlistRetentionJob";
    /** People not yet anonymized with no sign-up since the cutoff (merged-away entries go with their person). */
    private static final String INACTIVE = """
            e.status <> 'ERASED' and e.merged_into is null
            and not exists (select 1 from waitlist_signup s where s.entry_id = e.id and s.received_at >= :cutoff)""";

    @Bean
    Job waitlistRetentionJob(JobRepository jobRepository, Step anonymizeInactivePeopleStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(anonymizeInactivePeopleStep).build();
    }

    @Bean
    DeclaredParameters waitlistRetentionJobParameters() {
        return DeclaredParameters.of(JOB_NAME, JobParameterSpec.date("runDate", 3660, 0, "today (UTC)",
                "people with no sign-up in the retention period before this date are anonymized").onlyAdmin());
    }

    @Bean
    Step anonymizeInactivePeopleStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcPagingItemReader<Long> inactivePeopleReader, ItemWriter<Long> retentionErasureWriter,
            StepExecutionListener retentionProgress) {
        return new StepBuilder("anonymizeInactivePeopleStep", jobRepository)
                .<Long, Long>chunk(200, transactionManager)
                .reader(inactivePeopleReader)
                .writer(retentionErasureWriter)
                .listener(retentionProgress)
                .build();
    }

    @Bean
    @StepScope
    JdbcPagingItemReader<Long> inactivePeopleReader(DataSource dataSource,
            @Value("#{jobParameters['runDate']}") String runDate,
            @Value("${jadecrane.waitlist.retention-period:P24M}") Period retention) throws Exception {
        return new JdbcPagingItemReaderBuilder<Long>()
                .name("inactivePeopleReader")
                .dataSource(dataSource)
                .selectClause("select e.id")
                .fromClause("waitlist_entry e")
                .whereClause(INACTIVE)
                .parameterValues(Map.of("cutoff", cutoff(runDate, retention)))
                .sortKeys(Map.of("id", Order.ASCENDING))
                .rowMapper((rs, n) -> rs.getLong(1))
                .pageSize(200)
                .build();
    }

    @Bean
    ItemWriter<Long> retentionErasureWriter(WaitlistAdministration administration) {
        // each person as an erasure request would be handled, in the chunk's transaction
        return entries -> entries.forEach(entryId -> administration.erase(entryId, "retention"));
    }

    @Bean
    @StepScope
    StepExecutionListener retentionProgress(JdbcClient jdbc, @Value("#{jobParameters['runDate']}") String runDate,
            @Value("${jadecrane.waitlist.retention-period:P24M}") Period retention) {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                StepProgress.expectTotal(stepExecution, jdbc.sql("select count(*) from waitlist_entry e where " + INACTIVE)
                        .param("cutoff", cutoff(runDate, retention)).query(Long.class).single());
            }
        };
    }

    /** The start of the day {@code retention} before the run date (today unless given). */
    private static java.time.OffsetDateTime cutoff(String runDate, Period retention) {
        LocalDate day = runDate == null || runDate.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(runDate);
        return day.minus(retention).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
