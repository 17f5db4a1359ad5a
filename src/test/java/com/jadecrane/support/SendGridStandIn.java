package com.jadecrane.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local stand-in for SendGrid's {@code POST /v3/mail/send} (WireMock) that answers 202 with an
 * {@code X-Message-Id} after a delay, and counts what it was asked to deliver per invitation id
 * (each personalization's {@code custom_args}), so a test can say "sent exactly once".
 * <p>
 * Registered as a static {@code @RegisterExtension}, it answers 202 at once at the start of each
 * test, fails a test that sent a body breaking SendGrid's schema, and stops after the class.
 */
public final class SendGridStandIn implements AutoCloseable, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    public static final String SEND = "/v3/mail/send";

    private static final AtomicLong MESSAGE_IDS = new AtomicLong();

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    public SendGridStandIn() {
        server.start();
        answerAcceptedAfter(0);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** 202 after {@code delayMillis}, like SendGrid taking its time. */
    public void answerAcceptedAfter(int delayMillis) {
        server.resetMappings();
        server.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(202).withFixedDelay(delayMillis)
                .withHeader("X-Message-Id", "stand-in-" + MESSAGE_IDS.incrementAndGet())));
    }

    /** 400 to every request, as SendGrid answers a body it refuses for good. */
    public void answerBadRequest() {
        server.resetMappings();
        server.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(400)
                .withBody("{\"errors\":[{\"message\":\"refused by the stand-in\"}]}")));
    }

    public int requests() {
        return requestBodies().size();
    }

    /** How many times each invitation id was asked to be delivered. */
    public Map<String, Integer> deliveriesPerInvitation() {
        Map<String, Integer> counts = new HashMap<>();
        for (String body : requestBodies()) {
            List<String> ids = JsonPath.read(body, "$.personalizations[*].custom_args.invitationId");
            ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        }
        return counts;
    }

    /** The subject of every mail it was asked to deliver. */
    public List<String> subjects() {
        return requestBodies().stream()
                .flatMap(body -> JsonPath.<List<String>>read(body, "$.personalizations[*].subject").stream()).toList();
    }

    /** Every body received that breaks SendGrid's schema, with its violations. */
    public List<String> schemaViolations() {
        return requestBodies().stream().filter(body -> !MailSendSchema.violations(body).isEmpty())
                .map(body -> MailSendSchema.violations(body) + " in " + body).toList();
    }

    /** Every request body received, oldest first. */
    public List<String> requestBodies() {
        return server.findAll(postRequestedFor(urlEqualTo(SEND))).stream().map(LoggedRequest::getBodyAsString).toList();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        answerAcceptedAfter(0);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> violations = schemaViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("Bodies that break SendGrid's schema: " + violations);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.stop();
    }
}
