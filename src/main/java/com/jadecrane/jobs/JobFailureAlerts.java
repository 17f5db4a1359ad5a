package com.jadecrane.jobs;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.jadecrane.mail.DeliveryOutcome;
import com.jadecrane.mail.Mailer;
import com.jadecrane.mail.OutgoingMail;

/**
 * Emails the ops address when a watched job (by default the nightly invitation run) ends FAILED,
 * STOPPED or UNKNOWN, so nobody has to discover it on Monday.
 */
@Component
class JobFailureAlerts {

    private static final Logger log = LoggerFactory.getLogger(JobFailureAlerts.class);
    private static final Set<String> ALARMING = Set.of("FAILED", "STOPPED", "UNKNOWN");

    private final Mailer mailer;
    private final String opsEmail;
    private final Set<String> watchedJobs;
    private final String consoleUrl;

    JobFailureAlerts(Mailer mailer, @Value("${jadecrane.jobs.alert-email:}") String opsEmail,
            @Value("${jadecrane.jobs.alert-jobs:nightlyInvitationJob}") Set<String> watchedJobs,
            @Value("${jadecrane.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.mailer = mailer;
        this.opsEmail = opsEmail;
        this.watchedJobs = watchedJobs;
        this.consoleUrl = publicBaseUrl.replaceAll("/+$", "") + "/executions/";
    }

    @EventListener
    void onEnded(JobExecutionEnded ended) throws InterruptedException {
        if (opsEmail.isBlank() || !watchedJobs.contains(ended.jobName()) || !ALARMING.contains(ended.status())) {
            return;
        }
        String subject = "[Jade Crane] " + ended.jobName() + " ended " + ended.status();
        String link = consoleUrl + ended.executionId() + "/show";
        String text = ended.jobName() + " (execution " + ended.executionId() + ") ended " + ended.status() + ".\n\n"
                + (ended.exitDescription() == null || ended.exitDescription().isBlank() ? ""
                        : "What it said:\n" + abbreviate(ended.exitDescription()) + "\n\n")
                + "Open it in the ops console to restart it: " + link + "\n";
        DeliveryOutcome outcome = mailer.send(OutgoingMail.rendered(opsEmail, "Jade Crane ops", subject, text, null,
                List.of("ops-alert"), Map.of("jobExecutionId", Long.toString(ended.executionId())), Map.of()));
        if (!(outcome instanceof DeliveryOutcome.Accepted)) {
            log.error("Could not email the ops alert for execution {}: {}", ended.executionId(), outcome);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }
}
