package com.jadecrane.mail;

import java.util.List;
import java.util.Map;

/**
 * One email to one person. Either {@code html}/{@code text} rendered by the caller, or a SendGrid
 * dynamic {@code templateId} with its {@code templateData}.
 *
 * @param customArgs returned by SendGrid in every delivery event of this mail (e.g. the invitation id)
 * @param headers extra headers such as {@code List-Unsubscribe}
 */
public record OutgoingMail(String to, String toName, String subject, String text, String html,
        List<String> categories, Map<String, String> customArgs, Map<String, String> headers, String templateId,
        Map<String, Object> templateData) {

    public OutgoingMail {
        categories = categories == null ? List.of() : List.copyOf(categories);
        customArgs = customArgs == null ? Map.of() : Map.copyOf(customArgs);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        templateData = templateData == null ? Map.of() : Map.copyOf(templateData);
    }

    /** A rendered mail (HTML and plain text). */
    public static OutgoingMail rendered(String to, String toName, String subject, String text, String html,
            List<String> categories, Map<String, String> customArgs, Map<String, String> headers) {
        return new OutgoingMail(to, toName, subject, text, html, categories, customArgs, headers, null, null);
    }
}
