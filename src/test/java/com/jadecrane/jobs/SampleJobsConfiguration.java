package com.jadecrane.jobs;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Test-only jobs for the operations machinery: {@code sampleCountingJob} counts 1..N into a table
 * (slowly if asked, failing once at an item if asked) and {@code alwaysFailingJob} fails. The
 * counting job takes one parameter it only records ({@code label}); the failing one takes none.
 */
@Configuration(proxyBeanMethods = false)
class SampleJobsConfiguration {

    static final int ITEMS = 30;
    /** Item at which the next run fails once (0: none). */
    static final AtomicInteger FAIL_ONCE_AT = new AtomicInteger();
    /** Pause per item in milliseconds, so a run can be watched and stopped. */
    static final AtomicInteger DELAY_MILLIS = new AtomicInteger();

    @Bean
    DeclaredParameters sampleCountingJobParameters() {
        return DeclaredParameters.of("sampleCountingJob",
                JobParameterSpec.integer("label", 0, 1000, "none", "a number the run only records"));
    }

    @Bean
    Job sampleCountingJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcClient jdbc) {
        jdbc.sql("create table if not exists test_counted_item (item int not null)").update();
        return new JobBuilder("sampleCountingJob", jobRepository)
                .start(new StepBuilder("countingStep", jobRepository).<Integer, Integer>chunk(5, transactionManager)
                        .reader(new CountingReader())
                        .processor(slowAndFailingOnce())
                        .writer(countedItemWriter(jdbc))
                        .listener(new StepExecutionListener() {
                            @Override
                            public void beforeStep(StepExecution stepExecution) {
                                StepProgress.expectTotal(stepExecution, ITEMS);
                            }
                        })
                        .build())
                .build();
    }

    @Bean
    Job alwaysFailingJob(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        return new JobBuilder("alwaysFailingJob", jobRepository)
                .start(new StepBuilder("failingStep", jobRepository).tasklet((contribution, context) -> {
                    if (context != null) {
                        throw new IllegalStateException("this job always fails");
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager).build())
                .build();
    }

    private static ItemProcessor<Integer, Integer> slowAndFailingOnce() {
        return item -> {
            if (DELAY_MILLIS.get() > 0) {
                Thread.sleep(DELAY_MILLIS.get());
            }
            if (FAIL_ONCE_AT.compareAndSet(item, 0)) {
                throw new IllegalStateException("failing once at item " + item);
            }
            return item;
        };
    }

    private static ItemWriter<Integer> countedItemWriter(JdbcClient jdbc) {
        return chunk -> {
            for (Integer item : chunk) {
                jdbc.sql("insert into test_counted_item (item) values (?)").param(item).update();
            }
        };
    }

    /** Named and restartable: its position is kept in the step's execution context. */
    private static final class CountingReader extends AbstractItemCountingItemStreamItemReader<Integer> {

        private int next;

        CountingReader() {
            setName("countingReader");
            setMaxItemCount(ITEMS);
        }

        @Override
        protected Integer doRead() {
            return ++next;
        }

        @Override
        protected void doOpen() {
            next = 0;
        }

        @Override
        protected void doClose() {
        }

        @Override
        protected void jumpToItem(int itemIndex) {
            next = itemIndex;
        }
    }
}
