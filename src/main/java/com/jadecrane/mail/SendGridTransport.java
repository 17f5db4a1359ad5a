package com.jadecrane.mail;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Attachments;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.Personalization;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.impl.client.HttpClients;

/**
 * {@code POST /v3/mail/send} through sendgrid-java. Answers are sorted by what is safe to do next:
 * 202 is done; 429 and 5xx and "could not connect" mean nothing was sent, so retry; other 4xx are
 * permanent; a request that went out without an answer is unconfirmed and never repeated.
 */
class SendGridTransport implements MailTransport {

    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(1);

    private final SendGrid sendGrid;
    private final MailProperties properties;

    SendGridTransport(MailProperties properties) {
        this.properties = properties;
        URI base = URI.create(properties.sendgrid().baseUrl());
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectTimeout((int) properties.sendgrid().connectTimeout().toMillis())
                .setConnectionRequestTimeout((int) properties.sendgrid().connectTimeout().toMillis())
                .setSocketTimeout((int) properties.sendgrid().readTimeout().toMillis())
                .build();
        // "test" mode of sendgrid-java means plain http, for a local stand-in
        boolean plainHttp = "http".equalsIgnoreCase(base.getScheme());
        Client client = new Client(HttpClients.custom().setDefaultRequestConfig(timeouts)
                .setMaxConnTotal(64).setMaxConnPerRoute(64).build(), plainHttp);
        this.sendGrid = new SendGrid(properties.sendgrid().apiKey(), client);
        this.sendGrid.setHost(base.getAuthority());
        this.sendGrid.setRateLimitRetry(0);
    }

    @Override
    public Attempt attempt(List<OutgoingMail> mails) {
        Request request = new Request();
        request.setMethod(Method.POST);
        request.setEndpoint("mail/send");
        try {
            request.setBody(body(mails));
        }
        catch (IOException ex) {
            return Attempt.done(new DeliveryOutcome.Rejected(0, "the mail could not be written as JSON: " + ex.getMessage()));
        }
        Response response;
        try {
            response = sendGrid.api(request);
        }
        catch (ConnectTimeoutException | ConnectException | UnknownHostException notConnected) {
            return Attempt.retryable("could not connect to SendGrid: " + notConnected.getMessage(), DEFAULT_RETRY);
        }
        catch (InterruptedIOException | RuntimeException noAnswer) {
            return Attempt.done(new DeliveryOutcome.Unconfirmed("no answer from SendGrid: " + noAnswer.getMessage()));
        }
        catch (IOException lost) {
            return Attempt.done(new DeliveryOutcome.Unconfirmed("connection lost: " + lost.getMessage()));
        }
        int status = response.getStatusCode();
        if (status >= 200 && status < 300) {
            return Attempt.done(new DeliveryOutcome.Accepted(header(response, "X-Message-Id")));
        }
        if (status == 429) {
            return Attempt.retryable("SendGrid rate limit (429)", untilReset(response));
        }
        if (status >= 500) {
            return Attempt.retryable("SendGrid answered " + status, DEFAULT_RETRY);
        }
        return Attempt.done(new DeliveryOutcome.Rejected(status, abbreviate(response.getBody())));
    }

    /** One personalization per mail; the content (shared, attachments included) from the first. */
    String body(List<OutgoingMail> mails) throws IOException {
        OutgoingMail content = mails.get(0);
        Mail message = new Mail();
        message.setFrom(new Email(properties.from(), properties.fromName()));
        for (OutgoingMail mail : mails) {
            Personalization personalization = new Personalization();
            personalization.addTo(new Email(mail.to(), mail.toName()));
            personalization.setSubject(mail.subject());
            mail.customArgs().forEach(personalization::addCustomArg);
            mail.templateData().forEach(personalization::addDynamicTemplateData);
            mail.substitutions().forEach(personalization::addSubstitution);
            mail.headers().forEach(personalization::addHeader);
            message.addPersonalization(personalization);
        }
        message.setSubject(content.subject());
        if (content.templateId() != null) {
            message.setTemplateId(content.templateId());
        }
        else {
            // text/plain must come first, then text/html (SendGrid's rule)
            if (content.text() != null) {
                message.addContent(new Content("text/plain", content.text()));
            }
            if (content.html() != null) {
                message.addContent(new Content("text/html", content.html()));
            }
        }
        content.categories().forEach(message::addCategory);
        for (OutgoingMail.Attachment file : content.attachments()) {
            Attachments attachment = new Attachments();
            attachment.setFilename(file.fileName());
            attachment.setType(file.type());
            attachment.setContent(file.base64());
            attachment.setDisposition("attachment");
            message.addAttachments(attachment);
        }
        return message.build();
    }

    /** {@code X-RateLimit-Reset} is the epoch second at which the limit resets. */
    private static Duration untilReset(Response response) {
        String reset = header(response, "X-RateLimit-Reset");
        if (reset == null) {
            return DEFAULT_RETRY;
        }
        try {
            Duration wait = Duration.between(Instant.now(), Instant.ofEpochSecond(Long.parseLong(reset.trim())));
            return wait.isNegative() || wait.isZero() ? Duration.ofMillis(100) : wait;
        }
        catch (NumberFormatException ex) {
            return DEFAULT_RETRY;
        }
    }

    private static String header(Response response, String name) {
        return response.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }
}
