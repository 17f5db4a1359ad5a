package com.jadecrane.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an editor writes: the working copy of a guide, and each revision's snapshot (stored as
 * JSON). Text fields are plain text or a small Markdown subset, rendered safely by {@link Markdown}.
 */
record GuideContent(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 5_000) String summary,
        @Size(max = 60) List<@Valid @NotNull Section> sections,
        @Size(max = 5_000) String disclaimer,
        @Valid Cta cta,
        @Size(max = 20) List<@NotBlank String> specialties,
        @Size(max = 200) String seoTitle,
        @Size(max = 500) String seoDescription,
        @Size(max = 50) List<@NotBlank @Size(max = 120) String> relatedGuides,
        @Size(max = 50) List<@NotBlank @Size(max = 120) String> relatedHospitals,
        @Valid MedicalReview medicalReview) {

    GuideContent {
        sections = sections == null ? List.of() : nullsKept(sections);
        specialties = specialties == null ? List.of() : nullsKept(specialties);
        relatedGuides = relatedGuides == null ? List.of() : nullsKept(relatedGuides);
        relatedHospitals = relatedHospitals == null ? List.of() : nullsKept(relatedHospitals);
    }

    /** Unmodifiable, but a null element stays (List.copyOf would throw) so that validation can name it. */
    private static <T> List<T> nullsKept(List<T> list) {
        return Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** Every link of every section with its JSON path, e.g. {@code sections[3].links[0].href}. */
    Stream<Section.PathedLink> sectionLinks() {
        return IntStream.range(0, sections.size()).boxed()
                .flatMap(i -> Stream.ofNullable(sections.get(i)).flatMap(section -> section.hrefs().stream())
                        .map(link -> new Section.PathedLink("sections[" + i + "]." + link.path(), link.href())));
    }

    /** The call to action at the end of the page; {@code specialty} files the waitlist sign-up. */
    record Cta(@Size(max = 1_000) String text, @Size(max = 80) String buttonLabel, @Size(max = 40) String specialty) {
    }

    record MedicalReview(@Size(max = 200) String reviewer, LocalDate reviewedOn, LocalDate nextReviewDue) {
    }
}
