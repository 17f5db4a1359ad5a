package com.jadecrane.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import com.jadecrane.support.MailSendSchema;

/**
 * SendGrid's {@code POST /v3/mail/send} for the crash tests: it answers 202 like SendGrid, and when
 * armed it pulls the plug (the given action) at one moment of one request, so a test can kill the
 * application exactly there. It counts a mail delivered only when SendGrid would have taken it:
 * a request whose sender died before SendGrid accepted it was never delivered.
 */
final class KillPointSendGrid implements AutoCloseable {

    /** Where in a request the plug is pulled. */
    enum KillPoint {
        /** the claim is committed and the request has arrived; SendGrid never accepts it */
        BEFORE_ACCEPTING(false, 0),
        /** SendGrid has accepted the mail; the application dies before it hears so */
        WHILE_ANSWERING(true, 0),
        /** right after the 202 went out: before the application records it */
        AFTER_ANSWERING(true, 1),
        /** a moment after the 202: while the application records it */
        WHILE_RECORDING(true, 15);

        private final boolean accepted;
        private final int millisAfterAnswer;

        KillPoint(boolean accepted, int millisAfterAnswer) {
            this.accepted = accepted;
            this.millisAfterAnswer = millisAfterAnswer;
        }
    }

    private record Armed(KillPoint point, Runnable pullThePlug) {
    }

    private static final AtomicLong MESSAGE_IDS = new AtomicLong();

    private final HttpServer server;
    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private final List<String> delivered = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    private final int answerAfterMillis;

    /** @param answerAfterMillis how long an ordinary request takes, so a run's chunks do not all go at once */
    KillPointSendGrid(int answerAfterMillis) throws IOException {
        this.answerAfterMillis = answerAfterMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v3/mail/send", this::send);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request pulls the plug at this point (once). */
    void arm(KillPoint point, Runnable pullThePlug) {
        armed.set(new Armed(point, pullThePlug));
    }

    boolean fired() {
        return armed.get() == null;
    }

    /** How many times SendGrid took each invitation id (each personalization's {@code custom_args}). */
    synchronized Map<String, Integer> deliveriesPerInvitation() {
        Map<String, Integer> counts = new HashMap<>();
        for (String body : delivered) {
            JsonPath.<List<String>>read(body, "$.personalizations[*].custom_args.invitationId")
                    .forEach(id -> counts.merge(id, 1, Integer::sum));
        }
        return counts;
    }

    synchronized List<String> schemaViolations() {
        return List.copyOf(violations);
    }

    private void send(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        synchronized (this) {
            violations.addAll(MailSendSchema.violations(body));
        }
        Armed kill = armed.getAndSet(null);
        if (kill == null) {
            pause(answerAfterMillis);
            accept(body);
            answer(exchange, 202);
            return;
        }
        if (kill.point().accepted) {
            accept(body);
        }
        if (kill.point() == KillPoint.BEFORE_ACCEPTING || kill.point() == KillPoint.WHILE_ANSWERING) {
            kill.pullThePlug().run();
            answer(exchange, kill.point().accepted ? 202 : 503);
            return;
        }
        answer(exchange, 202);
        pause(kill.point().millisAfterAnswer);
        kill.pullThePlug().run();
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void accept(String body) {
        delivered.add(body);
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.getResponseHeaders().add("X-Message-Id", "kill-point-" + MESSAGE_IDS.incrementAndGet());
        try {
            exchange.sendResponseHeaders(status, -1);
        }
        catch (IOException senderGone) {
            // the application was killed: nobody reads the answer
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
