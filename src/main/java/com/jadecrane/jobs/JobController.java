package com.jadecrane.jobs;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.jadecrane.security.CurrentUser;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.ResourceNotFoundException;

/** The jobs API of ../shared/API.md, for OPS (and ADMIN). */
@RestController
@RequestMapping("/api/jobs")
@PreAuthorize("hasRole('OPS')")
class JobController {

    private final JobCatalogue catalogue;
    private final JobLaunches launches;
    private final JobSchedules schedules;
    private final ExecutionQueries executions;

    JobController(JobCatalogue catalogue, JobLaunches launches, JobSchedules schedules, ExecutionQueries executions) {
        this.catalogue = catalogue;
        this.launches = launches;
        this.schedules = schedules;
        this.executions = executions;
    }

    @GetMapping
    ResponseEntity<List<JobCatalogue.JobSummary>> jobs() {
        List<JobCatalogue.JobSummary> jobs = catalogue.jobs();
        return ResponseEntity.ok().header("X-Total-Count", Integer.toString(jobs.size())).body(jobs);
    }

    @GetMapping("/{jobName}")
    JobCatalogue.JobSummary job(@PathVariable String jobName) {
        if (!launches.jobNames().contains(jobName)) {
            throw new ResourceNotFoundException("Job", jobName);
        }
        return catalogue.summary(jobName);
    }

    @PostMapping("/{jobName}/executions")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Launched launch(@PathVariable String jobName, @Valid @RequestBody(required = false) LaunchRequest request) {
        Map<String, String> parameters = request == null || request.parameters() == null ? Map.of() : request.parameters();
        JobExecution execution = launches.start(jobName, parameters, CurrentUser.username());
        return new Launched(execution.getId());
    }

    @PostMapping("/{jobName}/schedule/pause")
    JobCatalogue.JobSummary pause(@PathVariable String jobName) {
        schedules.setPaused(jobName, true);
        return catalogue.summary(jobName);
    }

    @PostMapping("/{jobName}/schedule/resume")
    JobCatalogue.JobSummary resume(@PathVariable String jobName) {
        schedules.setPaused(jobName, false);
        return catalogue.summary(jobName);
    }

    @GetMapping("/executions")
    ResponseEntity<List<ExecutionView>> executions(@RequestParam(required = false) String jobName,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort) {
        PageQuery query = PageQuery.of(page, size, sort, ExecutionQueries.SORTABLE, "e.job_execution_id desc",
                "e.job_execution_id desc");
        return executions.find(blankToNull(jobName), blankToNull(status), from, to, query).toResponse();
    }

    @GetMapping("/executions/{id}")
    ExecutionView execution(@PathVariable long id) {
        return executions.get(id).orElseThrow(() -> new ResourceNotFoundException("Job execution", id));
    }

    @PostMapping("/executions/{id}/stop")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void stop(@PathVariable long id) {
        launches.stop(id);
    }

    @PostMapping("/executions/{id}/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Launched restart(@PathVariable long id) {
        return new Launched(launches.restart(id).getId());
    }

    @PostMapping("/executions/{id}/abandon")
    ExecutionView abandon(@PathVariable long id) {
        launches.abandon(id);
        return execution(id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    record LaunchRequest(@Size(max = 20) Map<String, @Size(max = 200) String> parameters) {
    }

    record Launched(long executionId) {
    }
}
