package com.jadecrane.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.jadecrane.system.ConditionalOnDemoData;

/**
 * On a new embedded database, publishes the sample page (../shared/samples) so a first look shows
 * real content. The sample's "Related Resources" link to four other guides, and publishing
 * requires linked guides to be live; rather than weakening that rule for demo data, each linked
 * guide is published too, as a short page that says plainly it is a demo placeholder.
 */
@Component
@ConditionalOnDemoData
class DemoGuides {

    static final String SAMPLE = "content/sample-guide-cancer-second-opinion-china.json";

    private static final Logger log = LoggerFactory.getLogger(DemoGuides.class);

    private final Guides guides;
    private final JsonMapper json;

    DemoGuides(Guides guides, JsonMapper json) {
        this.guides = guides;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenEmpty() {
        if (!guides.isEmpty()) {
            return;
        }
        ObjectNode sample = readSample();
        GuideContent.MedicalReview review = new GuideContent.MedicalReview("Demo reviewer (demo data, not a real review)",
                LocalDate.now().minusMonths(1), LocalDate.now().plusMonths(5));
        GuideContent content = json.treeToValue(sample, GuideContent.class);
        List<Section.Link> related = content.sections().stream()
                .filter(Section.Links.class::isInstance).map(Section.Links.class::cast)
                .flatMap(section -> section.links().stream()).toList();
        for (Section.Link link : related) {
            String slug = link.href().substring("/guides/".length());
            publish(slug, placeholder(link.label(), content, review));
        }
        publish(sample.get("slug").asString(), withReview(content, review));
        log.info("Demo data: published the sample guide '{}' and {} linked placeholder guides",
                sample.get("slug").asString(), related.size());
    }

    private void publish(String slug, GuideContent content) {
        Guide guide = guides.create(slug, "en", null, content);
        guide = guides.submitForReview(guide.id(), guide.version());
        guides.publish(guide.id(), guide.version());
    }

    private static GuideContent placeholder(String title, GuideContent sample, GuideContent.MedicalReview review) {
        return new GuideContent(title, "Demo placeholder: the sample guide links to this page. Its content is written "
                + "in the back-office.", List.of(), sample.disclaimer(), sample.cta(), sample.specialties(), title,
                null, List.of(), List.of(), review);
    }

    private static GuideContent withReview(GuideContent c, GuideContent.MedicalReview review) {
        return new GuideContent(c.title(), c.summary(), c.sections(), c.disclaimer(), c.cta(), c.specialties(),
                c.seoTitle(), c.seoDescription(), c.relatedGuides(), c.relatedHospitals(), review);
    }

    private ObjectNode readSample() {
        try (InputStream in = new ClassPathResource(SAMPLE).getInputStream()) {
            return (ObjectNode) json.readTree(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
