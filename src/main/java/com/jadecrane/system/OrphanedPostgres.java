package com.jadecrane.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on the data folder by an instance that died. The library starts its
 * server in the background, so {@code kill -9} of the JVM (the OOM killer, a container's stop
 * time-out) leaves it serving the folder, and the next start would wait in vain for a server of
 * its own. Called while this instance holds the data-folder lock, so a server found there belongs
 * to no live instance: it is stopped as {@code pg_ctl stop} would, fast (SIGINT: sessions end,
 * a checkpoint is written), then immediate (SIGQUIT: the next start recovers from the WAL).
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);

    private OrphanedPostgres() {
    }

    /** Stops the server named by the folder's {@code postmaster.pid}, if one still runs there. */
    static void stopIfRunning(Path folder, Duration patience) {
        Path pidFile = folder.resolve("postmaster.pid");
        Optional<ProcessHandle> server = serverOf(pidFile, folder);
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = server.get();
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by an instance that ended without stopping it",
                postmaster.pid(), folder);
        if (signalled(postmaster, "INT", patience) || signalled(postmaster, "QUIT", patience)) {
            return;
        }
        throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") left running on " + folder
                + " did not stop within " + patience.toSeconds() + " s of a fast and an immediate shutdown; stop it by hand");
    }

    /**
     * The live postmaster that the pid file names, if it is a PostgreSQL server of this folder. A pid
     * file whose process is gone, or is another program by now (pids are reused, in containers
     * often), is stale: the server handles the first case itself, the second it would take for a
     * live server, so that file is removed.
     */
    private static Optional<ProcessHandle> serverOf(Path pidFile, Path folder) {
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        }
        catch (NoSuchFileException none) {
            return Optional.empty();
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read " + pidFile + ": " + ex.getMessage(), ex);
        }
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return Optional.empty();
        }
        boolean postgres = process.get().info().command().map(command -> command.endsWith("/postgres")).orElse(false);
        if (postgres && sameFolder(Path.of(lines.get(1).strip()), folder)) {
            return process;
        }
        log.warn("Removing {}: its pid {} is another program now, not a PostgreSQL server of this folder", pidFile,
                process.get().pid());
        try {
            Files.deleteIfExists(pidFile);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot remove the stale " + pidFile + ": " + ex.getMessage(), ex);
        }
        return Optional.empty();
    }

    private static boolean sameFolder(Path named, Path folder) {
        try {
            return Files.isSameFile(named, folder);
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** Sends the signal (PostgreSQL's shutdown modes are signals) and says whether the server ended in time. */
    private static boolean signalled(ProcessHandle postmaster, String signal, Duration patience) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(postmaster.pid()))
                    .redirectErrorStream(true).start();
            kill.waitFor(10, TimeUnit.SECONDS);
            postmaster.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (java.util.concurrent.TimeoutException slow) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL (pid " + postmaster.pid() + ")", ex);
        }
        catch (IOException | java.util.concurrent.ExecutionException ex) {
            throw new IllegalStateException("Cannot signal PostgreSQL (pid " + postmaster.pid() + "): " + ex.getMessage(), ex);
        }
    }
}
