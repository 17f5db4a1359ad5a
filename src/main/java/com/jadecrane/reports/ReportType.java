package com.jadecrane.reports;

/** The reports the archive produces. */
enum ReportType {

    /** Aggregates and pseudonymous ids only: for leadership. */
    WAITLIST_FUNNEL("waitlist-funnel", false),
    /** Every sign-up of the period with the person's contact data: OPS and ADMIN only, audited. */
    WAITLIST_DETAIL("waitlist-detail", true);

    private final String fileStem;
    private final boolean personalData;

    ReportType(String fileStem, boolean personalData) {
        this.fileStem = fileStem;
        this.personalData = personalData;
    }

    boolean personalData() {
        return personalData;
    }

    String fileName(ReportPeriod period) {
        return fileStem + "-" + period.start() + "-to-" + period.end() + ".xlsx";
    }
}
