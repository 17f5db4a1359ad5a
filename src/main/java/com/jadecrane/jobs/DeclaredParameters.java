package com.jadecrane.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters one job takes, registered as a bean next to the job in its configuration (one
 * bean per job). The launcher refuses every other name, and every value outside its declaration,
 * before the job starts. A job without a declaration takes no parameters. Declaring
 * {@link JobParameterSpec#dryRun()} is what makes a job dry-run capable.
 */
public record DeclaredParameters(String jobName, List<JobParameterSpec> parameters) {

    public DeclaredParameters {
        parameters = List.copyOf(parameters);
        parameters.forEach(p -> {
            if (p.name().equals(JobLaunches.LAUNCHED_AT) || p.name().equals(JobLaunchRecorder.LAUNCHED_BY)) {
                throw new IllegalArgumentException(p.name() + " is set by the launcher, not by a job's caller");
            }
        });
    }

    public static DeclaredParameters of(String jobName, JobParameterSpec... parameters) {
        return new DeclaredParameters(jobName, List.of(parameters));
    }

    /** What a job made of others takes: every parameter of its parts (the first part's, where two share a name). */
    public static DeclaredParameters composed(String jobName, DeclaredParameters... parts) {
        Map<String, JobParameterSpec> union = new LinkedHashMap<>();
        for (DeclaredParameters part : parts) {
            part.parameters().forEach(p -> union.putIfAbsent(p.name(), p));
        }
        return new DeclaredParameters(jobName, List.copyOf(union.values()));
    }

    static DeclaredParameters none(String jobName) {
        return new DeclaredParameters(jobName, List.of());
    }

    Optional<JobParameterSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The job honours {@code dryRun}: it declared it. */
    boolean dryRunCapable() {
        return parameter(DryRun.PARAMETER).isPresent();
    }
}
