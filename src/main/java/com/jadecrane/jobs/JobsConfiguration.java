package com.jadecrane.jobs;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    /**
     * Spring Batch's {@code JobOperator} launches on this executor: in the background, so the API
     * answers 202 with the execution id at once, unless {@code jadecrane.jobs.async=false}.
     */
    @Bean
    @BatchTaskExecutor
    TaskExecutor batchTaskExecutor(JobsProperties properties) {
        if (!properties.async()) {
            return new SyncTaskExecutor();
        }
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("batch-");
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(4);
        executor.setQueueCapacity(0);
        // not interrupted when the context closes: RunningJobsShutdown stops them at their next commit first
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.initialize();
        return executor;
    }

    @Bean
    JobLaunchRecorder jobLaunchRecorder(JdbcClient jdbc, InstanceIdentity instance, ApplicationEventPublisher events) {
        return new JobLaunchRecorder(jdbc, instance, events);
    }

    /** Every job gets the launch recorder, so no job configuration has to remember it. */
    @Bean
    static BeanPostProcessor jobLaunchRecorderRegistrar(ObjectProvider<JobLaunchRecorder> recorder) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractJob job) {
                    job.registerJobExecutionListener(recorder.getObject());
                }
                return bean;
            }
        };
    }
}
