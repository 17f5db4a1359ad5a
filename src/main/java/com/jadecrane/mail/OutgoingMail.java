package com.jadecrane.mail;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One email to one person. Either {@code html}/{@code text} rendered by the caller, or a SendGrid
 * dynamic {@code templateId} with its {@code templateData}. Mails that share their content (text,
 * html, template and categories) can go out together in one request ({@link Mailer#sendTogether}):
 * their content then carries substitution tags, each replaced by the person's own value.
 *
 * @param customArgs returned by SendGrid in every delivery event of this mail (e.g. the invitation id)
 * @param headers extra headers such as {@code List-Unsubscribe}
 * @param substitutions tag -> this person's value, replaced in {@code text} and {@code html}
 * @param attachments files sent with the mail (part of the shared content)
 */
public record OutgoingMail(String to, String toName, String subject, String text, String html,
        List<String> categories, Map<String, String> customArgs, Map<String, String> headers, String templateId,
        Map<String, Object> templateData, Map<String, String> substitutions, List<Attachment> attachments) {

    public OutgoingMail {
        categories = categories == null ? List.of() : List.copyOf(categories);
        customArgs = customArgs == null ? Map.of() : Map.copyOf(customArgs);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        templateData = templateData == null ? Map.of() : Map.copyOf(templateData);
        substitutions = substitutions == null ? Map.of() : Map.copyOf(substitutions);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public OutgoingMail(String to, String toName, String subject, String text, String html, List<String> categories,
            Map<String, String> customArgs, Map<String, String> headers, String templateId, Map<String, Object> templateData,
            Map<String, String> substitutions) {
        this(to, toName, subject, text, html, categories, customArgs, headers, templateId, templateData, substitutions, null);
    }

    public OutgoingMail(String to, String toName, String subject, String text, String html, List<String> categories,
            Map<String, String> customArgs, Map<String, String> headers, String templateId, Map<String, Object> templateData) {
        this(to, toName, subject, text, html, categories, customArgs, headers, templateId, templateData, null, null);
    }

    /** A rendered mail (HTML and plain text). */
    public static OutgoingMail rendered(String to, String toName, String subject, String text, String html,
            List<String> categories, Map<String, String> customArgs, Map<String, String> headers) {
        return new OutgoingMail(to, toName, subject, text, html, categories, customArgs, headers, null, null, null, null);
    }

    /** This mail with these files attached. */
    public OutgoingMail withAttachments(List<Attachment> files) {
        return new OutgoingMail(to, toName, subject, text, html, categories, customArgs, headers, templateId, templateData,
                substitutions, files);
    }

    /** The plain text as this person receives it (substitutions made). */
    public String personalText() {
        return substituted(text);
    }

    /** The HTML as this person receives it (substitutions made). */
    public String personalHtml() {
        return substituted(html);
    }

    /** What mails sent together must share (text, html, template, categories, attachments): only the person's details differ. */
    public List<Object> content() {
        return Arrays.asList(text, html, templateId, categories, attachments);
    }

    private String substituted(String content) {
        if (content == null || substitutions.isEmpty()) {
            return content;
        }
        String result = content;
        for (Map.Entry<String, String> substitution : substitutions.entrySet()) {
            result = result.replace(substitution.getKey(), substitution.getValue());
        }
        return result;
    }

    /**
     * A file sent with a mail. Equal by content (not by array identity), so mails sharing it can go
     * out together.
     *
     * @param type its MIME type, e.g. {@code application/pdf}
     */
    public record Attachment(String fileName, String type, byte[] content) {

        public Attachment {
            if (fileName == null || fileName.isBlank() || type == null || type.isBlank() || content == null
                    || content.length == 0) {
                throw new IllegalArgumentException("An attachment needs a file name, a type and some content");
            }
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        /** The content as SendGrid takes it. */
        String base64() {
            return Base64.getEncoder().encodeToString(content);
        }

        int sizeBytes() {
            return content.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Attachment that && fileName.equals(that.fileName) && type.equals(that.type)
                    && Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * fileName.hashCode() + type.hashCode()) + Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "Attachment[" + fileName + ", " + type + ", " + content.length + " bytes]";
        }
    }
}
