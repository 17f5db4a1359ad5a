package com.jadecrane.content;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One typed part of a guide page, in page order. A new kind of section is a new record here, one
 * line in {@link JsonSubTypes}, and its own {@link #bodyHtml} (the UI adds a form for it).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Section.Text.class, name = "TEXT"),
        @JsonSubTypes.Type(value = Section.Bullets.class, name = "BULLETS"),
        @JsonSubTypes.Type(value = Section.Links.class, name = "LINKS"),
        @JsonSubTypes.Type(value = Section.Faq.class, name = "FAQ") })
sealed interface Section {

    String heading();

    /** The links this section points at, named by their JSON path below the section (checked on save and publish). */
    default List<PathedLink> hrefs() {
        return List.of();
    }

    /** The section's body as safe HTML (the heading is rendered by the caller). */
    String bodyHtml(Markdown markdown);

    /** A paragraph or more of text. */
    record Text(@NotBlank @Size(max = 200) String heading, @NotBlank @Size(max = 20_000) String body) implements Section {

        @Override
        public String bodyHtml(Markdown markdown) {
            return markdown.toHtml(body);
        }
    }

    /** A bulleted list ("What Good Fit Looks Like", "Red Flags"). */
    record Bullets(@NotBlank @Size(max = 200) String heading,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 2_000) String> items) implements Section {

        @Override
        public String bodyHtml(Markdown markdown) {
            StringBuilder html = new StringBuilder("<ul>");
            items.forEach(item -> html.append("<li>").append(markdown.toInlineHtml(item)).append("</li>"));
            return html.append("</ul>").toString();
        }
    }

    /** Links to other pages ("Related Resources"); hrefs are https:, http: or site-relative. */
    record Links(@NotBlank @Size(max = 200) String heading,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull Link> links) implements Section {

        @Override
        public List<PathedLink> hrefs() {
            return java.util.stream.IntStream.range(0, links.size())
                    .mapToObj(i -> new PathedLink("links[" + i + "].href", links.get(i).href()))
                    .toList();
        }

        @Override
        public String bodyHtml(Markdown markdown) {
            StringBuilder html = new StringBuilder("<ul>");
            links.forEach(link -> html.append("<li><a href=\"").append(Markdown.escape(link.href())).append("\">")
                    .append(Markdown.escape(link.label())).append("</a></li>"));
            return html.append("</ul>").toString();
        }
    }

    /** Question and answer pairs. */
    record Faq(@NotBlank @Size(max = 200) String heading,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull Question> faqs) implements Section {

        @Override
        public String bodyHtml(Markdown markdown) {
            StringBuilder html = new StringBuilder("<dl>");
            faqs.forEach(qa -> html.append("<dt>").append(Markdown.escape(qa.question())).append("</dt><dd>")
                    .append(markdown.toHtml(qa.answer())).append("</dd>"));
            return html.append("</dl>").toString();
        }
    }

    record Link(@NotBlank @Size(max = 300) String label, @NotBlank @Size(max = 2_000) String href) {
    }

    record Question(@NotBlank @Size(max = 500) String question, @NotBlank @Size(max = 5_000) String answer) {
    }

    /** A link and where it sits, e.g. {@code links[0].href}. */
    record PathedLink(String path, String href) {
    }
}
