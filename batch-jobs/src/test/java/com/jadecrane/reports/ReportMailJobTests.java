package com.jadecrane.reports;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.SendGridStandIn;
import com.jadecrane.support.TestUsers;

import static com.jadecrane.reports.ReportExportJobTests.parameters;
import static com.jadecrane.reports.ReportExportJobTests.scheduledRun;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reportExportJob} with a leadership list and mail going to a local SendGrid stand-in (every
 * body checked against SendGrid's schema after each test): the weekly funnel is mailed once with its workbook, which
 * names nobody; a restart or a second run does not mail it again; on-demand reports and the detail
 * export are never mailed. (Without a list nothing is mailed: {@link ReportExportJobTests}.)
 */
@IntegrationTest
class ReportMailJobTests {

    @RegisterExtension
    static final SendGridStandIn sendGrid = new SendGridStandIn();
    private static final List<String> LEADERSHIP = List.of("leader.one@jadecrane.example", "leader.two@jadecrane.example");
    private static final String SENDER = "invitations@jadecrane.example";
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    @DynamicPropertySource
    static void mailTheLeadershipListThroughTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("jadecrane.mail.sendgrid.api-key", () -> "SG.report-test-key");
        registry.add("jadecrane.mail.sendgrid.base-url", sendGrid::baseUrl);
        registry.add("jadecrane.mail.from", () -> SENDER);
        // spaces, a different case and a trailing comma, as people type a list
        registry.add("jadecrane.reports.mail-to", () -> " leader.one@jadecrane.example , LEADER.ONE@jadecrane.example,"
                + "leader.two@jadecrane.example,");
    }

    @LocalServerPort
    int port;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    Job reportExportJob;

    @Autowired
    ReportArchive archive;

    @Autowired
    JdbcClient jdbc;

    /** The schedule files last week's funnel and mails it; running it again, or the schedule again, mails nothing. */
    @Test
    void theWeeklyRunMailsLastWeeksFunnelToTheLeadershipListOnce() throws Exception {
        JobExecution execution = jobOperator.start(reportExportJob, scheduledRun());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName)
                .containsExactly("resolveReportStep", "writeReportStep", "mailReportStep");
        Report report = archive.get(execution.getExecutionContext().getLong(ReportRequests.REPORT_ID));
        assertThat(report.scheduled()).isTrue();
        assertThat(report.mailedAt()).isNotNull();
        assertThat(report.mailedRecipients()).isEqualTo(2);
        List<String> bodies = bodiesFor(report.id());
        assertThat(bodies).as("one request for the whole list").hasSize(1);
        String body = bodies.get(0);
        assertThat(JsonPath.<List<String>>read(body, "$.personalizations[*].to[*].email")).containsExactlyElementsOf(LEADERSHIP);
        assertThat(JsonPath.<List<String>>read(body, "$.personalizations[*].subject"))
                .containsOnly("Jade Crane waitlist funnel, " + report.periodStart() + " to " + report.periodEnd());
        assertThat(JsonPath.<List<String>>read(body, "$.content[*].type")).containsExactly("text/plain", "text/html");
        assertThat(JsonPath.<String>read(body, "$.content[0].value")).contains(report.fileName());
        assertThat(JsonPath.<List<Object>>read(body, "$.attachments")).hasSize(1);
        assertThat(JsonPath.<String>read(body, "$.attachments[0].filename")).isEqualTo(report.fileName());
        assertThat(JsonPath.<String>read(body, "$.attachments[0].type")).isEqualTo(ReportController.XLSX.toString());
        assertThat(JsonPath.<String>read(body, "$.attachments[0].disposition")).isEqualTo("attachment");
        assertThat(workbookMailed(body)).as("the archived workbook, byte for byte")
                .isEqualTo(Files.readAllBytes(archive.file(report.id())));
        assertThat(addressesIn(body)).as("no address but the sender's and the recipients'")
                .isEqualTo(new TreeSet<>(List.of(SENDER, LEADERSHIP.get(0), LEADERSHIP.get(1))));

        ApiClient.Response shown = TestUsers.signedIn(port, "LEADERSHIP").get("/api/reports/" + report.id());
        assertThat(shown.<String>json("$.mailedAt")).isNotBlank();
        assertThat(shown.<Integer>json("$.mailedRecipients")).isEqualTo(2);

        JobExecution again = jobOperator.start(reportExportJob, parameters(report.id()));
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(mailStep(again).getExitStatus().getExitDescription()).contains("mailed already");
        JobExecution nextSchedule = jobOperator.start(reportExportJob, scheduledRun());
        assertThat(nextSchedule.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long secondReport = nextSchedule.getExecutionContext().getLong(ReportRequests.REPORT_ID);
        assertThat(secondReport).as("the schedule run twice files the week twice").isNotEqualTo(report.id());
        assertThat(archive.get(secondReport).mailedAt()).as("but mails it once").isNull();
        assertThat(bodiesFor(secondReport)).isEmpty();
        assertThat(bodiesFor(report.id())).hasSize(1);
        assertThat(archive.get(report.id()).mailedAt()).isEqualTo(report.mailedAt());
    }

    /**
     * The week of the test data holds names and emails of sign-ups: the workbook mailed (every part
     * of the zip: sheets, shared strings, charts) holds no email address, and has its Summary.
     */
    @Test
    void theWorkbookMailedNamesNobody() throws Exception {
        ReportTestData data = new ReportTestData(jdbc).seed();
        long id = archive.create(ReportType.WAITLIST_FUNNEL, data.period, ReportExportJobConfiguration.SCHEDULER, true);

        assertThat(jobOperator.start(reportExportJob, parameters(id)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        List<String> bodies = bodiesFor(id);
        assertThat(bodies).hasSize(1);
        byte[] workbook = workbookMailed(bodies.get(0));
        try (XSSFWorkbook opened = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(opened.getSheet(FunnelWorkbook.SUMMARY)).isNotNull();
            assertThat(opened.getSheet(FunnelWorkbook.SUMMARY).getLastRowNum()).isGreaterThan(FunnelWorkbook.PERIOD_ROW);
        }
        String everyPart = zipText(workbook);
        assertThat(everyPart).as("the sign-ups of the week are in it, as figures").contains(data.sourcePage);
        assertThat(addressesIn(everyPart)).isEmpty();
        assertThat(everyPart).doesNotContain(data.marker + "@");
    }

    /**
     * SendGrid refuses the mail: nothing went out, so the run fails (the report stays COMPLETED and
     * downloadable) and its restart mails it once.
     */
    @Test
    void aRefusedMailFailsTheRunAndItsRestartMailsIt() throws Exception {
        long id = scheduledFunnelOfAnOldWeek();
        JobExecution refused = refusedRun(id);
        int refusedRequests = bodiesFor(id).size();

        JobExecution restarted = jobOperator.restart(refused);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).extracting(StepExecution::getStepName).containsExactly("mailReportStep");
        assertThat(archive.get(id).mailedRecipients()).isEqualTo(2);
        assertThat(bodiesFor(id)).hasSize(refusedRequests + 1);
    }

    /** A run that died after claiming the mail, before SendGrid answered: its restart does not send it again. */
    @Test
    void aRestartAfterTheMailWasClaimedDoesNotMailAgain() throws Exception {
        long id = scheduledFunnelOfAnOldWeek();
        JobExecution failed = refusedRun(id);
        int requests = bodiesFor(id).size();
        assertThat(archive.claimMail(id)).as("the dying run's claim").isTrue();

        JobExecution restarted = jobOperator.restart(failed);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(mailStep(restarted).getExitStatus().getExitDescription()).contains("not mailed again");
        assertThat(bodiesFor(id)).hasSize(requests);
        assertThat(archive.get(id).mailedRecipients()).as("unknown: the answer never came").isNull();
    }

    @Test
    void onDemandReportsAndTheDetailExportAreNeverMailed() throws Exception {
        ReportTestData data = new ReportTestData(jdbc).seed();
        long onDemand = archive.create(ReportType.WAITLIST_FUNNEL, data.period, "leader", false);
        long scheduledDetail = archive.create(ReportType.WAITLIST_DETAIL, data.period, ReportExportJobConfiguration.SCHEDULER, true);

        for (long id : new long[] { onDemand, scheduledDetail }) {
            JobExecution execution = jobOperator.start(reportExportJob, parameters(id));

            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(mailStep(execution).getExitStatus().getExitDescription()).contains("not the weekly funnel");
            assertThat(archive.get(id).status()).isEqualTo(Report.COMPLETED);
            assertThat(archive.get(id).mailedAt()).isNull();
            assertThat(archive.claimMail(id)).as("the claim refuses it too").isFalse();
            assertThat(bodiesFor(id)).isEmpty();
        }
    }

    /** A week of its own (far in the past), so no other test's mail of the same week stands in the way. */
    private long scheduledFunnelOfAnOldWeek() {
        return archive.create(ReportType.WAITLIST_FUNNEL, new ReportTestData(jdbc).period, ReportExportJobConfiguration.SCHEDULER,
                true);
    }

    /**
     * A run of this report whose mail SendGrid refuses: nothing went out, so the run fails, the
     * report stays COMPLETED (downloadable) and the mail is not taken. SendGrid accepts again after.
     */
    private JobExecution refusedRun(long id) throws Exception {
        sendGrid.answerBadRequest();
        JobExecution refused = jobOperator.start(reportExportJob, parameters(id));
        sendGrid.answerAcceptedAfter(0);
        assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(mailStep(refused).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(archive.get(id).status()).isEqualTo(Report.COMPLETED);
        assertThat(archive.get(id).mailedAt()).isNull();
        assertThat(bodiesFor(id)).isNotEmpty();
        return refused;
    }

    private List<String> bodiesFor(long reportId) {
        return sendGrid.requestBodies().stream()
                .filter(body -> JsonPath.<List<String>>read(body, "$.personalizations[*].custom_args.reportId")
                        .contains(Long.toString(reportId)))
                .toList();
    }

    private static byte[] workbookMailed(String body) {
        return Base64.getDecoder().decode(JsonPath.<String>read(body, "$.attachments[0].content"));
    }

    private static Set<String> addressesIn(String text) {
        Set<String> addresses = new TreeSet<>();
        Matcher matcher = EMAIL.matcher(text);
        while (matcher.find()) {
            addresses.add(matcher.group());
        }
        return addresses;
    }

    /**
     * The text of every part of an xlsx (the XML files of its zip), read through the zip's central
     * directory: POI's streamed sheets carry their sizes after their data, which a plain stream refuses.
     */
    private static String zipText(byte[] xlsx) throws Exception {
        Path file = Files.createTempFile("mailed-", ".xlsx");
        try {
            Files.write(file, xlsx);
            List<String> parts = new ArrayList<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        parts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            assertThat(parts).isNotEmpty();
            return String.join("\n", parts);
        }
        finally {
            Files.delete(file);
        }
    }

    private static StepExecution mailStep(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals(ReportExportJobConfiguration.MAIL_STEP)).findFirst().orElseThrow();
    }
}
