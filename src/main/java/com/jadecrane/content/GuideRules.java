package com.jadecrane.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import com.jadecrane.hospitals.HospitalDirectory;
import com.jadecrane.specialties.Specialties;
import com.jadecrane.system.FieldProblem;
import com.jadecrane.system.InvalidInputException;

/**
 * What a guide must satisfy to be saved (well-formed, safe links, known specialties) and, more
 * strictly, to be published (disclaimer, medical review, related guides that are live).
 */
@Component
class GuideRules {

    static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    /** language[-Script][-REGION], e.g. en, zh-Hans, pt-BR, es-419: the BCP 47 tags a site uses. */
    static final Pattern LOCALE = Pattern.compile("^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$");

    /** A site-relative link to another guide page: {@code /guides/<slug>}. */
    private static final Pattern GUIDE_PATH = Pattern.compile("^/guides/([a-z0-9]+(?:-[a-z0-9]+)*)/?(?:[?#].*)?$");

    private final Validator validator;
    private final Specialties specialties;
    private final HospitalDirectory hospitals;

    GuideRules(Validator validator, Specialties specialties, HospitalDirectory hospitals) {
        this.validator = validator;
        this.specialties = specialties;
        this.hospitals = hospitals;
    }

    void checkSlugAndLocale(String slug, String locale, List<FieldProblem> problems) {
        if (slug == null || slug.length() > 120 || !SLUG.matcher(slug).matches()) {
            problems.add(new FieldProblem("slug", "must be lower-case letters and digits joined by '-', e.g. 'cancer-second-opinion-china'"));
        }
        if (locale == null || !LOCALE.matcher(locale).matches()
                || !Locale.forLanguageTag(locale).toLanguageTag().equals(locale)) {
            problems.add(new FieldProblem("locale", "must be a BCP 47 language tag such as 'en', 'zh-Hans' or 'pt-BR'"));
        }
    }

    /** Everything a save checks; throws one 400 listing every problem. */
    void checkSavable(GuideContent content, List<FieldProblem> problems) {
        for (ConstraintViolation<GuideContent> violation : validator.validate(content)) {
            problems.add(new FieldProblem(violation.getPropertyPath().toString().replace(".<list element>", ""),
                    violation.getMessage()));
        }
        content.sectionLinks().filter(link -> link.href() != null && !isSafeHref(link.href()))
                .forEach(link -> problems.add(new FieldProblem(link.path(),
                        "must start with https:, http: or / (a page of this site)")));
        for (int i = 0; i < content.specialties().size(); i++) {
            String code = content.specialties().get(i);
            if (code != null && !specialties.isActive(code)) {
                problems.add(new FieldProblem("specialties[" + i + "]", "'" + code + "' is not an active specialty"));
            }
        }
        if (content.cta() != null && content.cta().specialty() != null && !content.cta().specialty().isBlank()
                && !specialties.isActive(content.cta().specialty())) {
            problems.add(new FieldProblem("cta.specialty", "'" + content.cta().specialty() + "' is not an active specialty"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * The related guides a page points at (relatedGuides and {@code /guides/<slug>} links), by the
     * field that names them, so a refusal can say which one is not live.
     */
    Map<String, String> relatedGuideSlugs(GuideContent content) {
        Map<String, String> slugsByField = new LinkedHashMap<>();
        for (int i = 0; i < content.relatedGuides().size(); i++) {
            slugsByField.put("relatedGuides[" + i + "]", content.relatedGuides().get(i));
        }
        content.sectionLinks().forEach(link -> {
            Matcher guide = GUIDE_PATH.matcher(link.href());
            if (guide.matches()) {
                slugsByField.put(link.path(), guide.group(1));
            }
        });
        return slugsByField;
    }

    /** What keeps a page from being published; {@code liveSlugs} are the related guides that are live. */
    List<FieldProblem> publishProblems(Guide guide, Set<String> liveSlugs) {
        GuideContent content = guide.content();
        List<FieldProblem> problems = new ArrayList<>();
        if (isBlank(content.summary())) {
            problems.add(new FieldProblem("summary", "a published page needs its short answer"));
        }
        if (isBlank(content.disclaimer())) {
            problems.add(new FieldProblem("disclaimer", "a published page needs the medical disclaimer"));
        }
        GuideContent.MedicalReview review = content.medicalReview();
        if (review == null) {
            problems.add(new FieldProblem("medicalReview", "a published page needs a medical review"));
        }
        else {
            if (isBlank(review.reviewer())) {
                problems.add(new FieldProblem("medicalReview.reviewer", "name who reviewed the page medically"));
            }
            if (review.reviewedOn() == null) {
                problems.add(new FieldProblem("medicalReview.reviewedOn", "give the date of the medical review"));
            }
            if (review.nextReviewDue() == null) {
                problems.add(new FieldProblem("medicalReview.nextReviewDue", "give the date the next review is due"));
            }
        }
        relatedGuideSlugs(content).forEach((field, slug) -> {
            if (!slug.equals(guide.slug()) && !liveSlugs.contains(slug)) {
                problems.add(new FieldProblem(field, "links to guide '" + slug + "' (" + guide.locale()
                        + "), which does not exist or is not published"));
            }
        });
        // Jade Crane only recommends hospitals it has verified, and only while the verification holds
        Set<String> unverified = hospitals.unverified(content.relatedHospitals());
        for (int i = 0; i < content.relatedHospitals().size(); i++) {
            String slug = content.relatedHospitals().get(i);
            if (unverified.contains(slug)) {
                problems.add(new FieldProblem("relatedHospitals[" + i + "]",
                        "names hospital '" + slug + "', which does not exist or is not currently VERIFIED"));
            }
        }
        return problems;
    }

    static boolean isSafeHref(String href) {
        if (href == null) {
            return false;
        }
        if (href.startsWith("/")) {
            // "//host" would leave the site: site-relative means one leading slash
            return !href.startsWith("//") && !href.contains("\\");
        }
        try {
            URI uri = new URI(href);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    && uri.getHost() != null;
        }
        catch (URISyntaxException ex) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
