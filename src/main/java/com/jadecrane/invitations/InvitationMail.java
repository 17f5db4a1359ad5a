package com.jadecrane.invitations;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.jadecrane.invitations.InvitationTokens.LinkTokens;
import com.jadecrane.mail.OutgoingMail;

/**
 * Composes the invitation email from {@code templates/mail/invitation.html} and {@code .txt}, or,
 * when {@code jadecrane.invitations.sendgrid-template-id} is set, the data for that SendGrid
 * dynamic template. Its own (SpEL) template engines: the mail is rendered off the web request, in TEXT
 * mode for the plain part.
 */
@Component
class InvitationMail {

    static final String CATEGORY = "invitation";
    static final String INVITATION_ID = "invitationId";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final InvitationsProperties properties;
    private final String baseUrl;

    InvitationMail(InvitationsProperties properties,
            @Value("${jadecrane.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.properties = properties;
        this.baseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /**
     * The mails of these invitations. Rendered from the repo templates, they share as few contents
     * as their data allows (with a hospital or without), so they can go out together: the content
     * carries a tag where each value goes ({@code -t.name-} in the text, {@code -h.name-} in the
     * HTML) and each mail the person's values for the tags (HTML-escaped for the HTML).
     */
    List<OutgoingMail> compose(List<Addressed> invitations) {
        Map<Set<String>, String[]> rendered = new HashMap<>();
        List<OutgoingMail> mails = new ArrayList<>(invitations.size());
        for (Addressed addressed : invitations) {
            PendingInvitation invitation = addressed.invitation();
            Map<String, Object> data = data(invitation, addressed.tokens(), addressed.replyDeadline());
            String subject = (String) data.get("subject");
            Map<String, String> headers = Map.of(
                    "List-Unsubscribe", "<" + baseUrl + "/api/public/unsubscribe/" + addressed.tokens().unsubscribe() + ">, <mailto:"
                            + properties.unsubscribeMailto() + "?subject=unsubscribe>",
                    "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            Map<String, String> customArgs = Map.of(INVITATION_ID, Long.toString(invitation.id()));
            if (properties.usesSendGridTemplate()) {
                mails.add(new OutgoingMail(invitation.email(), invitation.fullName(), subject, null, null, List.of(CATEGORY),
                        customArgs, headers, properties.sendgridTemplateId(), data));
                continue;
            }
            String[] content = rendered.computeIfAbsent(Set.copyOf(data.keySet()), keys -> new String[] {
                    text.process("mail/invitation", tags(keys, InvitationMail::textTag)),
                    html.process("mail/invitation", tags(keys, InvitationMail::htmlTag)) });
            Map<String, String> substitutions = new HashMap<>();
            data.forEach((key, value) -> {
                substitutions.put(textTag(key), value.toString());
                substitutions.put(htmlTag(key), HtmlUtils.htmlEscape(value.toString()));
            });
            mails.add(new OutgoingMail(invitation.email(), invitation.fullName(), subject, content[0], content[1],
                    List.of(CATEGORY), customArgs, headers, null, null, substitutions));
        }
        return mails;
    }

    /** An invitation with the tokens of its links and the reply deadline its mail names. */
    record Addressed(PendingInvitation invitation, LinkTokens tokens, Instant replyDeadline) {
    }

    private static Context tags(Set<String> keys, UnaryOperator<String> tag) {
        Context context = new Context(Locale.ENGLISH);
        keys.forEach(key -> context.setVariable(key, tag.apply(key)));
        return context;
    }

    private static String textTag(String key) {
        return "-t." + key + "-";
    }

    private static String htmlTag(String key) {
        return "-h." + key + "-";
    }

    /** A made-up person and window, for the preview and "send me a test". */
    static PendingInvitation sample() {
        Instant start = Instant.now().plusSeconds(14 * 24 * 3600);
        return new PendingInvitation(0, 0, 0, "ana.silva@example.org", "Ana Silva", "Europe/Lisbon", start,
                "Asia/Shanghai", "Oncology (cancer second opinion)", "Example University Hospital", null);
    }

    private Map<String, Object> data(PendingInvitation invitation, LinkTokens tokens, Instant replyDeadline) {
        ZoneId personal = zone(invitation.timeZone(), invitation.windowTimeZone());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subject", "Your " + invitation.specialty() + " consultation window on "
                + DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH).format(invitation.windowStartsAt().atZone(personal)));
        data.put("name", invitation.fullName() == null ? "" : invitation.fullName());
        data.put("specialty", invitation.specialty());
        if (invitation.hospital() != null) {
            data.put("hospital", invitation.hospital());
        }
        data.put("startsAtLocal", when(invitation.windowStartsAt(), personal));
        data.put("startsAtChina", when(invitation.windowStartsAt(), CHINA).replace("(Asia/Shanghai)", "(China)"));
        data.put("replyDeadline", when(replyDeadline, personal));
        data.put("acceptUrl", baseUrl + "/invitations/" + tokens.accept());
        data.put("declineUrl", baseUrl + "/invitations/" + tokens.decline());
        data.put("unsubscribeUrl", baseUrl + "/unsubscribe/" + tokens.unsubscribe());
        return data;
    }

    private static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** The person's zone; the window's when they gave none (or one Java does not know). */
    private static ZoneId zone(String personal, String window) {
        for (String candidate : new String[] { personal, window }) {
            if (candidate != null && !candidate.isBlank()) {
                try {
                    return ZoneId.of(candidate);
                }
                catch (DateTimeException unknown) {
                    // try the next one
                }
            }
        }
        return CHINA;
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
