package com.jadecrane.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import com.jadecrane.mail.DeliveryOutcome;
import com.jadecrane.mail.Mailer;
import com.jadecrane.mail.OutgoingMail;
import com.jadecrane.system.DurableCommits;

/**
 * Mails the weekly funnel workbook to the leadership list ({@code jadecrane.reports.mail-to}) once
 * it is written: only a scheduled WAITLIST_FUNNEL (aggregates, never personal data), only once. The
 * mail is claimed in the archive before it is sent; it is given back only when certainly nothing
 * went out (refused, or SendGrid unreachable), so the run fails and its restart tries again. A mail
 * whose fate is unknown (no answer) stays claimed: leadership may miss it, but never gets it twice.
 */
@Service
class ReportMailing {

    static final String CATEGORY = "leadership-report";

    private static final Logger log = LoggerFactory.getLogger(ReportMailing.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final ReportArchive archive;
    private final Mailer mailer;
    private final List<String> recipients;
    private final String reportsUrl;
    private final DurableCommits durableCommits;

    ReportMailing(ReportArchive archive, Mailer mailer, ReportsProperties properties,
            @Value("${jadecrane.public-base-url:http://localhost:8080}") String publicBaseUrl, DurableCommits durableCommits) {
        this.archive = archive;
        this.durableCommits = durableCommits;
        this.mailer = mailer;
        this.recipients = properties.mailTo();
        this.reportsUrl = publicBaseUrl.replaceAll("/+$", "") + "/reports/";
    }

    /**
     * @return what became of it, for the step's exit description
     * @throws IllegalStateException when nothing was sent and a restart should try again
     */
    String mail(long reportId) throws IOException, InterruptedException {
        if (recipients.isEmpty()) {
            return "no leadership list (jadecrane.reports.mail-to): not mailed";
        }
        Report report = archive.get(reportId);
        if (!report.scheduled() || report.type() != ReportType.WAITLIST_FUNNEL) {
            return "report " + reportId + " is not the weekly funnel: not mailed";
        }
        // "never twice" rests on the claim's commit
        durableCommits.require("mailing leadership's report");
        if (!archive.claimMail(reportId)) {
            return "report " + reportId + ": the funnel of " + report.periodStart() + " to " + report.periodEnd()
                    + " was mailed already (or is not completed): not mailed again";
        }
        byte[] content;
        try {
            content = Files.readAllBytes(archive.file(reportId));
        }
        catch (IOException unreadable) {
            archive.mailNotSent(reportId);
            throw unreadable;
        }
        OutgoingMail.Attachment workbook = new OutgoingMail.Attachment(report.fileName(), ReportController.XLSX.toString(), content);
        List<OutgoingMail> mails = recipients.stream().map(to -> mail(report, to).withAttachments(List.of(workbook))).toList();
        List<DeliveryOutcome> outcomes = mailer.sendTogether(mails);
        for (int i = 0; i < outcomes.size(); i++) {
            if (!(outcomes.get(i) instanceof DeliveryOutcome.Accepted)) {
                log.warn("Weekly funnel {} to {}: {}", reportId, recipients.get(i), outcomes.get(i));
            }
        }
        // an unconfirmed mail may have arrived; a suppressed address is left out on purpose
        long taken = outcomes.stream()
                .filter(outcome -> outcome instanceof DeliveryOutcome.Accepted || outcome instanceof DeliveryOutcome.Unconfirmed)
                .count();
        boolean failed = outcomes.stream()
                .anyMatch(outcome -> outcome instanceof DeliveryOutcome.NotSent || outcome instanceof DeliveryOutcome.Rejected);
        if (taken == 0 && failed) {
            archive.mailNotSent(reportId);
            throw new IllegalStateException("The weekly funnel " + reportId + " was not mailed: " + outcomes.get(0)
                    + "; restart the run to try again");
        }
        archive.mailed(reportId, (int) taken);
        return "report " + reportId + " mailed to " + taken + " of " + recipients.size() + " leadership recipient(s)";
    }

    /** Dates and a link only: the figures stay in the workbook, and nothing in it names a person. */
    private OutgoingMail mail(Report report, String to) {
        String period = DAY.format(report.periodStart()) + " to " + DAY.format(report.periodEnd());
        String link = reportsUrl + report.id() + "/show";
        String subject = "Jade Crane waitlist funnel, " + report.periodStart() + " to " + report.periodEnd();
        String text = "The waitlist funnel for the week of " + period + " is attached (" + report.fileName() + ").\n\n"
                + "It holds aggregates only. The report archive: " + link + "\n";
        String html = "<p>The waitlist funnel for the week of " + period + " is attached (" + report.fileName() + ").</p>"
                + "<p>It holds aggregates only. <a href=\"" + link + "\">The report archive</a></p>";
        return OutgoingMail.rendered(to, null, subject, text, html, List.of(CATEGORY),
                Map.of(ReportRequests.REPORT_ID, Long.toString(report.id())), Map.of());
    }
}
