package com.jadecrane.hospitals;

import java.time.LocalDate;
import java.util.List;

/**
 * A currently verified profile as the public site sees it. Built field by field from
 * {@link Hospital} so that nothing internal (notes, red flags, verifier, evidence, status) can
 * slip out when the admin view grows.
 */
record PublicHospital(
        String slug,
        String name,
        String localName,
        String city,
        String province,
        String grade,
        String website,
        InternationalDesk internationalDesk,
        List<PublicDepartment> departments,
        List<String> specialties,
        FitCriteria fit,
        LocalDate verifiedOn,
        LocalDate verificationExpiresOn) {

    record PublicDepartment(String name, List<String> specialties) {
    }

    static PublicHospital of(Hospital hospital) {
        return new PublicHospital(hospital.slug(), hospital.name(), hospital.localName(), hospital.city(),
                hospital.province(), hospital.grade(), hospital.website(), hospital.internationalDesk().withoutNotes(),
                hospital.departments().stream().map(d -> new PublicDepartment(d.name(), d.specialties())).toList(),
                hospital.specialties(), hospital.fit().withoutNotes(), hospital.latestVerification().verifiedOn(),
                hospital.latestVerification().expiresOn());
    }
}
