package com.jadecrane.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;

/**
 * Reads executions straight from Spring Batch's tables: one query for a filtered page instead of
 * walking job instances through the repository API.
 */
@Repository
class ExecutionQueries {

    static final Map<String, String> SORTABLE = Map.of("executionId", "e.job_execution_id", "jobName", "i.job_name",
            "status", "e.status", "startTime", "e.start_time", "endTime", "e.end_time");

    private static final String SELECT = """
            select e.job_execution_id, e.job_instance_id, i.job_name, e.status, e.exit_code, e.exit_message,
                   e.create_time, e.start_time, e.end_time, l.launched_by, l.recovered_at, l.failure_kind
            from batch_job_execution e
            join batch_job_instance i on i.job_instance_id = e.job_instance_id
            left join job_execution_launch l on l.job_execution_id = e.job_execution_id
            """;

    private final JdbcClient jdbc;
    private final JobRepository jobRepository;
    private final ExecutionThreads threads;

    ExecutionQueries(JdbcClient jdbc, JobRepository jobRepository, ExecutionThreads threads) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.threads = threads;
    }

    Page<ExecutionView> find(String jobName, String status, LocalDate from, LocalDate to, PageQuery page) {
        String where = """
                 where (cast(:job as text) is null or i.job_name = :job)
                   and (cast(:status as text) is null or e.status = :status)
                   and (cast(:from as date) is null or e.create_time >= cast(:from as date))
                   and (cast(:to as date) is null or e.create_time < cast(:to as date) + 1)
                """;
        List<ExecutionView> executions = jdbc.sql(SELECT + where + " order by " + page.orderBy() + " limit :limit offset :offset")
                .param("job", jobName).param("status", status).param("from", from).param("to", to)
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> execution(rs, Map.of(), List.of()))
                .list();
        long total = jdbc.sql("select count(*) from batch_job_execution e join batch_job_instance i"
                        + " on i.job_instance_id = e.job_instance_id" + where)
                .param("job", jobName).param("status", status).param("from", from).param("to", to)
                .query(Long.class).single();
        return new Page<>(executions, total);
    }

    Optional<ExecutionView> get(long executionId) {
        boolean exists = jdbc.sql("select exists(select 1 from batch_job_execution where job_execution_id = ?)")
                .param(executionId).query(Boolean.class).single();
        if (!exists) {
            return Optional.empty();
        }
        List<ExecutionView.StepView> steps = steps(executionId);
        Map<String, String> parameters = parameters(executionId);
        boolean threadStillRunning = threads.stillRunning(executionId);
        return jdbc.sql(SELECT + " where e.job_execution_id = ?").param(executionId)
                .query((rs, n) -> execution(rs, parameters, steps))
                .optional()
                .map(view -> threadStillRunning && !view.isRunning() ? view.stillStopping() : view);
    }

    /** The latest execution of a job, for the catalogue. */
    Optional<ExecutionView> latest(String jobName) {
        return jdbc.sql(SELECT + " where i.job_name = ? order by e.job_execution_id desc limit 1").param(jobName)
                .query((rs, n) -> execution(rs, Map.of(), List.of())).optional();
    }

    /** Steps through the repository API, which decodes their execution contexts (progress totals). */
    private List<ExecutionView.StepView> steps(long executionId) {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        if (execution == null) {
            return List.of();
        }
        return execution.getStepExecutions().stream()
                .sorted(java.util.Comparator.comparingLong(StepExecution::getId))
                .map(step -> new ExecutionView.StepView(step.getId(), step.getStepName(), step.getStatus().name(),
                        step.getReadCount(), step.getWriteCount(), step.getSkipCount(), step.getFilterCount(),
                        step.getCommitCount(), step.getRollbackCount(), step.getExitStatus().getExitCode(),
                        step.getExitStatus().getExitDescription(), time(step.getStartTime()), time(step.getEndTime()),
                        duration(step.getStartTime(), step.getEndTime()),
                        step.getExecutionContext().containsKey(StepProgress.TOTAL_KEY)
                                ? step.getExecutionContext().getLong(StepProgress.TOTAL_KEY) : null))
                .toList();
    }

    private Map<String, String> parameters(long executionId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        jdbc.sql("select parameter_name, parameter_value from batch_job_execution_params where job_execution_id = ?"
                        + " order by parameter_name")
                .param(executionId)
                .query(rs -> {
                    parameters.put(rs.getString(1), rs.getString(2));
                });
        return parameters;
    }

    /** Exit messages as staff may read them: a failure's kind and the execution, not its stack trace. */
    private static ExecutionView execution(ResultSet rs, Map<String, String> parameters,
            List<ExecutionView.StepView> steps) throws SQLException {
        long id = rs.getLong("job_execution_id");
        String kind = rs.getString("failure_kind");
        List<ExecutionView.StepView> shown = steps.stream()
                .map(step -> step.withExitMessage(FailureKind.forStaff(step.exitCode(), step.exitMessage(), kind, id)))
                .toList();
        return new ExecutionView(id, rs.getLong("job_instance_id"), rs.getString("job_name"),
                rs.getString("status"), rs.getString("exit_code"),
                FailureKind.forStaff(rs.getString("exit_code"), rs.getString("exit_message"), kind, id),
                time(rs, "create_time"), time(rs, "start_time"), time(rs, "end_time"),
                duration(rs, "start_time", "end_time"), parameters, rs.getString("launched_by"),
                rs.getObject("recovered_at", OffsetDateTime.class), progress(shown), shown);
    }

    private static ExecutionView.Progress progress(List<ExecutionView.StepView> steps) {
        long done = 0;
        long total = 0;
        boolean anyTotal = false;
        for (ExecutionView.StepView step : steps) {
            if (step.total() != null) {
                anyTotal = true;
                total += step.total();
                // a completed step is done even if it read fewer items than it first expected
                done += "COMPLETED".equals(step.status()) ? step.total() : Math.min(step.readCount(), step.total());
            }
        }
        if (!anyTotal) {
            return new ExecutionView.Progress(steps.stream().mapToLong(ExecutionView.StepView::readCount).sum(), null, null);
        }
        int percent = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        return new ExecutionView.Progress(done, total, percent);
    }

    /** Spring Batch writes local timestamps in the JVM's zone. */
    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toLocalDateTime().atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private static OffsetDateTime time(LocalDateTime local) {
        return local == null ? null : local.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private static Long duration(ResultSet rs, String start, String end) throws SQLException {
        Timestamp started = rs.getTimestamp(start);
        Timestamp ended = rs.getTimestamp(end);
        return duration(started == null ? null : started.toLocalDateTime(), ended == null ? null : ended.toLocalDateTime());
    }

    /** Up to now for what still runs. */
    private static Long duration(LocalDateTime started, LocalDateTime ended) {
        if (started == null) {
            return null;
        }
        return Duration.between(started, ended == null ? LocalDateTime.now() : ended).toMillis();
    }
}
