package com.jadecrane.content;

import java.time.OffsetDateTime;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A published guide as the public site gets it: the text fields as typed, and next to each
 * Markdown field a rendered {@code html} that is safe to insert (see {@link Markdown}).
 */
record PublicGuide(String slug, String locale, String title, String summary, String summaryHtml,
        List<ObjectNode> sections, String disclaimer, String disclaimerHtml, GuideContent.Cta cta, String ctaHtml,
        List<String> specialties, String seoTitle, String seoDescription, List<String> relatedGuides,
        List<String> relatedHospitals, GuideContent.MedicalReview medicalReview, int revision,
        OffsetDateTime publishedAt, List<Translation> translations) {

    /** The same guide in another language, published too. */
    record Translation(String locale, String slug) {
    }

    /** A line of the public list. */
    record Summary(String slug, String locale, String title, String summary, List<String> specialties,
            GuideContent.MedicalReview medicalReview, OffsetDateTime publishedAt) {

        static Summary of(Guide guide) {
            GuideContent content = guide.publishedContent();
            return new Summary(guide.slug(), guide.locale(), content.title(), content.summary(), content.specialties(),
                    content.medicalReview(), guide.publishedAt());
        }
    }

    static PublicGuide of(Guide guide, List<Guide> liveTranslations, Markdown markdown, JsonMapper json) {
        GuideContent content = guide.publishedContent();
        List<ObjectNode> sections = content.sections().stream().map(section -> {
            ObjectNode node = json.valueToTree(section);
            node.put("html", "<h2>" + Markdown.escape(section.heading()) + "</h2>" + section.bodyHtml(markdown));
            return node;
        }).toList();
        return new PublicGuide(guide.slug(), guide.locale(), content.title(), content.summary(),
                markdown.toHtml(content.summary()), sections, content.disclaimer(), markdown.toHtml(content.disclaimer()),
                content.cta(), content.cta() == null ? null : markdown.toHtml(content.cta().text()),
                content.specialties(), content.seoTitle(), content.seoDescription(), content.relatedGuides(),
                content.relatedHospitals(), content.medicalReview(), guide.publishedRevision(), guide.publishedAt(),
                liveTranslations.stream().map(t -> new Translation(t.locale(), t.slug())).toList());
    }
}
