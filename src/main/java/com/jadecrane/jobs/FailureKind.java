package com.jadecrane.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.beans.BeansException;
import org.springframework.core.convert.ConversionException;
import org.springframework.dao.DataAccessException;

import com.jadecrane.system.InvalidInputException;

/**
 * What staff are told about a failed or stopped execution: a kind of failure and the execution id,
 * never the exception's text (framework internals, SQL, file paths, sometimes data). The exception
 * is in the log, with the same execution id.
 */
enum FailureKind {

    INVALID_INPUT("invalid input", t -> t instanceof InvalidInputException),
    DATABASE("database error", t -> t instanceof DataAccessException || t instanceof SQLException),
    FILE("file error", t -> t instanceof IOException || t instanceof UncheckedIOException),
    SET_UP("set-up error (a parameter or a part of the job could not be prepared)",
            t -> t instanceof BeansException || t instanceof ConversionException),
    INTERRUPTED("interrupted", t -> t instanceof JobInterruptedException || t instanceof InterruptedException),
    UNEXPECTED("unexpected error", t -> true);

    private final String label;
    private final Predicate<Throwable> matches;

    FailureKind(String label, Predicate<Throwable> matches) {
        this.label = label;
        this.matches = matches;
    }

    String label() {
        return label;
    }

    /** The first kind, in the order above, of any exception in the failures or their causes. */
    static FailureKind of(List<Throwable> failures) {
        for (FailureKind kind : values()) {
            for (Throwable failure : failures) {
                for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    if (kind.matches.test(t)) {
                        return kind;
                    }
                }
            }
        }
        return UNEXPECTED;
    }

    /**
     * The exit message staff read: for a FAILED or STOPPED exit (whose description Spring Batch
     * fills with a stack trace), the kind of failure and the execution; any other exit as it is
     * (the jobs' own counts). {@code kindLabel} is null for executions that ended before kinds
     * were recorded.
     */
    static String forStaff(String exitCode, String description, String kindLabel, long executionId) {
        if (description == null || description.isBlank()) {
            return description;
        }
        if ("FAILED".equals(exitCode)) {
            return "Failed: " + (kindLabel == null ? "see the log" : kindLabel) + ". The details are in the log under job execution "
                    + executionId + ".";
        }
        if ("STOPPED".equals(exitCode)) {
            return "Stopped (job execution " + executionId + ").";
        }
        return description;
    }
}
