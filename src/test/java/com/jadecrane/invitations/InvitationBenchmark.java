package com.jadecrane.invitations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.benchmark.BenchmarkRow;
import com.jadecrane.benchmark.TimedJob;

/**
 * The invitations' row of the benchmark: {@value #INVITATIONS} HELD seats (those the windows row
 * allocated, topped up with SQL-made allocations in extra windows when it left fewer), all invited
 * by {@code invitationEmailJob} through SendGrid's API to a local {@link BenchmarkSendGridStandIn} that
 * answers 202 after 5 ms and counts what it got per invitation id. The reference posts the same
 * requests (built from the first body the stand-in received) straight from the benchmark.
 */
public final class InvitationBenchmark {

    public static final int INVITATIONS = 100_000;
    public static final Duration STAND_IN_DELAY = Duration.ofMillis(5);

    private final ConfigurableApplicationContext app;
    private final JdbcClient jdbc;
    private final BenchmarkSendGridStandIn sendGrid;

    public InvitationBenchmark(ConfigurableApplicationContext app, BenchmarkSendGridStandIn sendGrid) {
        this.app = app;
        this.jdbc = app.getBean(JdbcClient.class);
        this.sendGrid = sendGrid;
    }

    /** What the application needs to send to the stand-in as fast as it can. */
    public static String[] properties(BenchmarkSendGridStandIn sendGrid) {
        return new String[] { "jadecrane.mail.sendgrid.api-key=SG.benchmark", "jadecrane.mail.sendgrid.base-url=" + sendGrid.baseUrl(),
                "jadecrane.mail.rate-per-second=1000000" };
    }

    public void run(List<BenchmarkRow> jobs) throws Exception {
        long held = topUpHeldSeats();
        jdbc.sql("vacuum analyze window_allocation").update();
        sendGrid.reset();

        TimedJob job = TimedJob.run(app, InvitationEmailJobConfiguration.JOB_NAME, new JobParametersBuilder()
                .addString("dryRun", "false").addLong("launchedAt", System.currentTimeMillis()).toJobParameters());
        List<Long> invited = jdbc.sql("select id from invitation").query(Long.class).list();
        Count sent = count(invited);
        log("ledger: " + jdbc.sql("select status, count(*) from invitation group by status order by status")
                .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).list() + "; stand-in got " + sendGrid.requests()
                + " requests, " + sent);

        int threads = app.getBean(InvitationsProperties.class).sendThreads();
        Duration referenceTime = postStraight(invited, threads);
        Count reference = count(invited);
        log("reference: " + invited.size() + " invitations in " + sendGrid.requests() + " requests on " + threads + " threads in "
                + referenceTime.toMillis() + " ms, "
                + reference);
        jobs.add(new BenchmarkRow("invitationEmailJob (" + invited.size() + " of " + held + " held seats; stand-in: "
                + sent.duplicates() + " duplicates, " + sent.missing() + " missing)", invited.size(), job.wallTime(),
                job.peakHeapBytes(),
                "the same requests posted straight to the stand-in (" + threads + " threads; " + reference.duplicates()
                        + " duplicates, " + reference.missing() + " missing)", referenceTime));
    }

    /**
     * Allocations of waiting people to extra windows of 1,000 seats until {@value #INVITATIONS} seats
     * are HELD (the window triggers count the seats).
     */
    private long topUpHeldSeats() {
        long held = jdbc.sql("select count(*) from window_allocation where status = 'HELD'").query(Long.class).single();
        long missing = INVITATIONS - held;
        if (missing > 0) {
            List<Long> windows = jdbc.sql("""
                    insert into consultation_window (starts_at, ends_at, specialty, languages, capacity, status)
                    select date_trunc('hour', now()) + interval '30 days' + n * interval '1 hour',
                           date_trunc('hour', now()) + interval '30 days' + (n + 1) * interval '1 hour', 'oncology', '{en}', 1000, 'OPEN'
                    from generate_series(0, ? - 1) n returning id""").param((int) ((missing + 999) / 1000)).query(Long.class).list();
            int added = jdbc.sql("""
                    insert into window_allocation (entry_id, window_id, allocated_by)
                    select e.id, (cast(? as bigint[]))[1 + (row_number() over (order by e.queued_at, e.id) - 1) / 1000], 'benchmark'
                    from waitlist_entry e
                    where e.status = 'ACTIVE' and e.email is not null
                      and not exists (select 1 from window_allocation a where a.entry_id = e.id and a.status in ('HELD', 'CONFIRMED'))
                    order by e.queued_at, e.id limit ?""").params(windows.toArray(Long[]::new), missing).update();
            log("held seats: " + held + " from the windows row, " + added + " added in " + windows.size() + " windows");
            held += added;
        }
        return held;
    }

    /**
     * The job's requests again, straight from here: as many personalizations per request as the
     * stand-in's first request had, each a copy of its first personalization with the invitation id
     * of the next invitation, on as many threads as the job sends with.
     */
    private Duration postStraight(List<Long> ids, int threads) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode sample = (ObjectNode) json.readTree(sendGrid.firstBody());
        ObjectNode personalization = (ObjectNode) sample.get("personalizations").get(0);
        int perRequest = sample.get("personalizations").size();
        sendGrid.reset();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI send = URI.create(sendGrid.baseUrl() + "/v3/mail/send");
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                senders.add(pool.submit(() -> {
                    for (int from = next.getAndAdd(perRequest); from < ids.size(); from = next.getAndAdd(perRequest)) {
                        ArrayNode personalizations = json.createArrayNode();
                        for (Long id : ids.subList(from, Math.min(ids.size(), from + perRequest))) {
                            ObjectNode copy = personalization.deepCopy();
                            ((ObjectNode) copy.get("custom_args")).put(InvitationMail.INVITATION_ID, id.toString());
                            personalizations.add(copy);
                        }
                        ObjectNode body = sample.deepCopy();
                        body.set("personalizations", personalizations);
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(send)
                                .header("Authorization", "Bearer SG.benchmark").header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 202) {
                            throw new IllegalStateException("stand-in answered " + response.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Duplicates and missing invitations as the stand-in counted them. */
    private Count count(List<Long> invited) {
        Map<Long, AtomicInteger> received = sendGrid.recipients();
        long duplicates = received.values().stream().mapToLong(n -> Math.max(0, n.get() - 1)).sum();
        long missing = invited.stream().filter(id -> !received.containsKey(id)).count();
        java.util.Set<Long> ledger = new java.util.HashSet<>(invited);
        long unknown = received.keySet().stream().filter(id -> !ledger.contains(id)).count();
        return new Count(received.size(), duplicates, missing, unknown);
    }

    record Count(long invitations, long duplicates, long missing, long unknown) {
    }

    private static void log(String message) {
        System.out.println("[bench] " + message + " (" + Instant.now() + ")");
    }
}
