package com.jadecrane.hospitals;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A profile as an editor writes it (create and PUT). Status and verification are not part of it:
 * they change only through their own endpoints. {@code version} is required on PUT.
 */
record HospitalForm(
        Long version,
        @NotBlank @Size(max = 80)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-', e.g. 'demo-riverside-cancer-hospital'")
        String slug,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String localName,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String province,
        @Size(max = 40) String grade,
        @Size(max = 500) String website,
        @Valid InternationalDesk internationalDesk,
        List<@Valid @NotNull Department> departments,
        @Valid FitCriteria fit,
        List<@NotBlank @Size(max = 500) String> redFlagsObserved) {

    /** BCP 47 in the shape the site uses: en, zh-Hans, pt-BR. */
    static final String LANGUAGE_TAG = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*";

    HospitalForm {
        internationalDesk = internationalDesk == null ? InternationalDesk.NONE : internationalDesk;
        departments = departments == null ? List.of() : departments;
        fit = fit == null ? FitCriteria.NONE : fit;
        redFlagsObserved = redFlagsObserved == null ? List.of() : redFlagsObserved;
    }
}
