package com.jadecrane.invitations;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local {@code POST /v3/mail/send} for the benchmark: answers 202 with an {@code X-Message-Id}
 * after a fixed delay, and counts the recipients it was given per invitation id (the
 * {@code invitationId} custom argument of each personalization), so duplicates and missing
 * invitations show. The JDK's own HTTP server: nothing to record but the counts (the tests'
 * {@link com.jadecrane.support.SendGridStandIn} is WireMock, which journals every body it gets).
 */
public final class BenchmarkSendGridStandIn implements AutoCloseable {

    private static final Pattern INVITATION_ID = Pattern.compile("\"" + InvitationMail.INVITATION_ID + "\"\\s*:\\s*\"(\\d+)\"");

    private final HttpServer server;
    private final ExecutorService threads;
    private final Duration delay;
    private final Map<Long, AtomicInteger> recipients = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicReference<String> firstBody = new AtomicReference<>();

    private BenchmarkSendGridStandIn(Duration delay) throws IOException {
        this.delay = delay;
        this.threads = Executors.newFixedThreadPool(128);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/v3/mail/send", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    public static BenchmarkSendGridStandIn start(Duration delay) throws IOException {
        return new BenchmarkSendGridStandIn(delay);
    }

    /** The base URL for {@code jadecrane.mail.sendgrid.base-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long request = requests.incrementAndGet();
        firstBody.compareAndSet(null, body);
        Matcher ids = INVITATION_ID.matcher(body);
        while (ids.find()) {
            recipients.computeIfAbsent(Long.parseLong(ids.group(1)), id -> new AtomicInteger()).incrementAndGet();
        }
        try {
            Thread.sleep(delay.toMillis());
        }
        catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
        exchange.getResponseHeaders().add("X-Message-Id", "stand-in-" + request);
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    /** A body the stand-in received, for sending the same request again. */
    String firstBody() {
        return firstBody.get();
    }

    long requests() {
        return requests.get();
    }

    /** Recipients received per invitation id since the last {@link #reset()}. */
    Map<Long, AtomicInteger> recipients() {
        return recipients;
    }

    void reset() {
        recipients.clear();
        requests.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
