package com.jadecrane.hospitals;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What makes a hospital a good fit for a second opinion (the "What Good Fit Looks Like" and
 * "Questions To Ask" of the cancer second-opinion guide), as checked facts. Missing answers are
 * "no": a fact counts only once somebody checked it.
 */
record FitCriteria(
        Boolean outsidePathologyReview,
        Boolean imagingReviewDicom,
        Boolean multidisciplinaryTeam,
        Boolean translatedWrittenSummary,
        List<@Pattern(regexp = HospitalForm.LANGUAGE_TAG, message = "must be a language tag such as en or zh-Hans") String> summaryLanguages,
        Boolean remoteRecordTriage,
        FollowUpChannel followUpChannel,
        @Size(max = 2000) String followUpNotes,
        List<@NotBlank @Size(max = 300) String> recordsRequired) {

    static final FitCriteria NONE = new FitCriteria(null, null, null, null, null, null, null, null, null);

    FitCriteria {
        outsidePathologyReview = Boolean.TRUE.equals(outsidePathologyReview);
        imagingReviewDicom = Boolean.TRUE.equals(imagingReviewDicom);
        multidisciplinaryTeam = Boolean.TRUE.equals(multidisciplinaryTeam);
        translatedWrittenSummary = Boolean.TRUE.equals(translatedWrittenSummary);
        summaryLanguages = summaryLanguages == null ? List.of() : summaryLanguages;
        remoteRecordTriage = Boolean.TRUE.equals(remoteRecordTriage);
        followUpChannel = followUpChannel == null ? FollowUpChannel.NONE : followUpChannel;
        recordsRequired = recordsRequired == null ? List.of() : recordsRequired;
    }

    /** The public site shows the checked facts, not the team's notes on them. */
    FitCriteria withoutNotes() {
        return new FitCriteria(outsidePathologyReview, imagingReviewDicom, multidisciplinaryTeam,
                translatedWrittenSummary, summaryLanguages, remoteRecordTriage, followUpChannel, null, recordsRequired);
    }
}
