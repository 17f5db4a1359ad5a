package com.jadecrane.system;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * SIGTERM and SIGINT close the application first, then let the JVM exit. The embedded PostgreSQL
 * library stops its server from a JVM shutdown hook of its own, which runs side by side with
 * Spring's: on a plain SIGTERM the database would be gone while running jobs were still stopping
 * at their next commit (and the web server draining). Closing the context first stops the jobs,
 * then the data source, then the server, in that order; the library's hook then finds it closed.
 */
final class ShutdownSignals {

    private static final Logger log = LoggerFactory.getLogger(ShutdownSignals.class);

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private ShutdownSignals() {
    }

    static ShutdownSignals install(ConfigurableApplicationContext context) {
        ShutdownSignals installed = new ShutdownSignals();
        for (String name : new String[] { "TERM", "INT" }) {
            Signal signal = new Signal(name);
            installed.signals.add(signal);
            installed.previous.add(Signal.handle(signal, received -> new Thread(() -> {
                log.info("SIG{}: shutting down (jobs stop at their next commit, then the database)", received.getName());
                context.close();
                System.exit(128 + received.getNumber());
            }, "orderly-shutdown").start()));
        }
        return installed;
    }

    /** Gives the signals back to the JVM once this application is closed (tests start several in one JVM). */
    void restore() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
