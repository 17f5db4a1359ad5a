package com.jadecrane.hospitals;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The hospital's international-patient desk: who a foreign patient actually talks to. */
record InternationalDesk(
        @Email @Size(max = 254) String email,
        @Size(max = 40) String phone,
        @Size(max = 60) String wechat,
        List<@Pattern(regexp = HospitalForm.LANGUAGE_TAG, message = "must be a language tag such as en or zh-Hans") String> languages,
        @Size(max = 2000) String notes) {

    static final InternationalDesk NONE = new InternationalDesk(null, null, null, List.of(), null);

    InternationalDesk {
        languages = languages == null ? List.of() : languages;
    }

    /** What the public site may show: the contact, without the team's internal notes. */
    InternationalDesk withoutNotes() {
        return new InternationalDesk(email, phone, wechat, languages, null);
    }
}
