package com.jadecrane.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;

import com.jadecrane.jobs.KillPointSendGrid.KillPoint;
import com.jadecrane.jobs.NightlyTestData.Person;
import com.jadecrane.support.ApiClient;
import com.jadecrane.support.TestInstances;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store of record under real crashes: the application as the README's run command starts it
 * (its own durable PostgreSQL in a data folder) runs the nightly job from the jobs API and is
 * killed with SIGKILL at each moment of the send step that matters, once with its PostgreSQL left
 * running (the JVM alone: the OOM killer) and five times together with it (a power cut, as far as
 * processes go). After every kill the application is started on the same folder (stopping the
 * orphaned server, or recovering the database from its WAL), ops restart the run, and it is
 * killed again at the next point; last comes a SIGTERM, which stops the run cleanly (STOPPED). In
 * the end nobody got the invitation twice, and the only people not invited are the few whose mail
 * was in flight at a kill, left UNCONFIRMED for ops to decide.
 */
class StoreOfRecordCrashTests {

    private static final int PEOPLE = 30;
    private static final int CHUNK = 2;

    private record Kill(KillPoint point, boolean withDatabase) {

        /** After a chunk is recorded, between two chunks. */
        static Kill betweenChunks() {
            return new Kill(null, true);
        }
    }

    private static final List<Kill> KILLS = List.of(
            new Kill(KillPoint.BEFORE_ACCEPTING, false),
            new Kill(KillPoint.BEFORE_ACCEPTING, true),
            new Kill(KillPoint.WHILE_ANSWERING, true),
            new Kill(KillPoint.AFTER_ANSWERING, true),
            new Kill(KillPoint.WHILE_RECORDING, true),
            Kill.betweenChunks());

    private Path dataDir;
    private KillPointSendGrid sendGrid;
    private TestInstances.Instance app;
    private int appPort;
    private final JdbcClient database = JdbcClient.create(new FolderDatabase());

    @AfterEach
    void stopEverything() throws IOException {
        if (app != null) {
            app.process().destroy();
            try {
                app.process().waitFor(60, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            app.process().destroyForcibly();
        }
        postmaster().ifPresent(ProcessHandle::destroyForcibly);
        if (sendGrid != null) {
            sendGrid.close();
        }
    }

    @Test
    void killedAtEveryPointOfTheSendWithAndWithoutItsDatabaseItNeverInvitesAnyoneTwice() throws Exception {
        dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "crash-tests")), "store-");
        sendGrid = new KillPointSendGrid(150);
        start("crash-first");
        NightlyTestData data = new NightlyTestData(database, appPort);
        data.openWindows(8, 4);
        data.signUp(PEOPLE);
        ApiClient ops = TestUsers.signedIn(appPort, "OPS");
        ApiClient.Response launched = ops.post("/api/jobs/" + NightlyInvitationJobConfiguration.JOB_NAME + "/executions", "{}");
        assertThat(launched.status()).as("%s", launched).isEqualTo(202);
        long execution = launched.<Integer>json("$.executionId");

        int round = 0;
        for (Kill kill : KILLS) {
            round++;
            long pid = postmaster().orElseThrow().pid();
            if (kill.point() != null) {
                sendGrid.arm(kill.point(), () -> pullThePlug(kill.withDatabase()));
                assertThat(app.process().waitFor(3, TimeUnit.MINUTES)).as("killed in round %d", round).isTrue();
                assertThat(sendGrid.fired()).isTrue();
            }
            else {
                long sentBefore = sent(data.people());
                app.await(Duration.ofMinutes(3), () -> sent(data.people()) >= sentBefore + CHUNK);
                pullThePlug(true);
            }
            assertThat(gone(pid)).as("PostgreSQL survives a kill of the JVM alone, and only that").isEqualTo(kill.withDatabase());

            start("crash-after-" + round);
            if (!kill.withDatabase()) {
                assertThat(app.output()).contains("Stopping PostgreSQL (pid " + pid + ") left running on");
            }
            ops = TestUsers.signedIn(appPort, "OPS");
            assertThat(JobExecutionsApi.status(ops, execution)).as("round %d: the killed run is recovered", round)
                    .isEqualTo("FAILED");
            execution = JobExecutionsApi.restart(ops, execution);
        }
        // a deploy: SIGTERM while sending stops the run at its next commit, leaving nothing in flight
        long sentBefore = sent(data.people());
        app.await(Duration.ofMinutes(3), () -> sent(data.people()) > sentBefore);
        app.process().destroy();
        assertThat(app.process().waitFor(60, TimeUnit.SECONDS)).as("ended within the grace period").isTrue();
        assertThat(app.output()).contains("Shutting down: stopping nightlyInvitationJob (execution " + execution + ")");
        start("crash-after-sigterm");
        ops = TestUsers.signedIn(appPort, "OPS");
        assertThat(JobExecutionsApi.status(ops, execution)).isEqualTo("STOPPED");
        assertThat(data.people()).extracting(Person::invitationStatus).doesNotContain("SENDING");
        execution = JobExecutionsApi.restart(ops, execution);

        assertThat(JobExecutionsApi.awaitEnd(ops, execution, app)).isEqualTo("COMPLETED");

        List<Person> people = data.people();
        assertThat(people).hasSize(PEOPLE);
        assertThat(people).extracting(Person::allocationStatus).containsOnly("HELD");
        assertThat(people).extracting(Person::invitationStatus).isSubsetOf("SENT", "UNCONFIRMED");
        Map<String, Integer> deliveries = sendGrid.deliveriesPerInvitation();
        for (Person person : people) {
            int times = deliveries.getOrDefault(Long.toString(person.invitationId()), 0);
            if ("SENT".equals(person.invitationStatus())) {
                assertThat(times).as("deliveries of sent invitation %s", person.invitationId()).isEqualTo(1);
            }
            else {
                assertThat(times).as("deliveries of unconfirmed invitation %s", person.invitationId()).isLessThanOrEqualTo(1);
            }
        }
        assertThat(people.stream().filter(p -> "UNCONFIRMED".equals(p.invitationStatus())).count())
                .as("only mail in flight at a kill is left unconfirmed").isLessThanOrEqualTo((long) KILLS.size() * CHUNK);
        assertThat(sendGrid.schemaViolations()).isEmpty();
    }

    private void start(String name) throws IOException, InterruptedException {
        appPort = TestInstances.freePort();
        app = TestInstances.startEmbeddedJvm(name, dataDir, "--server.port=" + appPort, "--jadecrane.scheduler.enabled=false",
                "--jadecrane.waitlist.rate-limit-per-minute=100000",
                "--jadecrane.mail.sendgrid.api-key=SG.crash-test-key", "--jadecrane.mail.sendgrid.base-url=" + sendGrid.baseUrl(),
                "--jadecrane.invitations.chunk-size=" + CHUNK, "--jadecrane.invitations.send-threads=1");
        app.awaitHealthy(appPort, Duration.ofMinutes(3));
    }

    /** SIGKILL of the JVM, and with {@code withDatabase} of its PostgreSQL server and every backend of it, at once. */
    private void pullThePlug(boolean withDatabase) {
        List<ProcessHandle> victims = new ArrayList<>();
        if (withDatabase) {
            ProcessHandle server = postmaster().orElseThrow();
            victims.addAll(Stream.concat(Stream.of(server), server.descendants()).toList());
        }
        victims.add(app.process().toHandle());
        victims.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Whether the process has ended, given a few seconds: a killed server is a zombie until the
     * sandbox's init reaps it, and Java counts a zombie alive.
     */
    private static boolean gone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private List<String> pidFile() {
        if (dataDir == null) {
            return List.of();
        }
        try {
            return Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        }
        catch (IOException ex) {
            return List.of();
        }
    }

    private java.util.Optional<ProcessHandle> postmaster() {
        List<String> lines = pidFile();
        return lines.isEmpty() ? java.util.Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
    }

    private static long sent(List<Person> people) {
        return people.stream().filter(p -> "SENT".equals(p.invitationStatus())).count();
    }

    /** The data folder's PostgreSQL, wherever its latest start put it (its port is in the pid file). */
    private final class FolderDatabase extends AbstractDataSource {

        @Override
        public Connection getConnection() throws SQLException {
            List<String> lines = pidFile();
            if (lines.size() < 4) {
                throw new SQLException("PostgreSQL is not running in " + dataDir);
            }
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres", "postgres", "");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
