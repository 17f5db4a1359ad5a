package com.jadecrane.reports;

import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

import jakarta.validation.constraints.Email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code jadecrane.reports.*}.
 *
 * @param zone the zone report periods and weeks are read in (dates, Monday-Sunday weeks)
 * @param mailTo who gets the weekly funnel workbook by mail ({@code JADECRANE_REPORTS_MAIL_TO}, comma-separated;
 *        empty: nobody). Checked at start-up: a misspelt address stops the start with its position named,
 *        rather than leaving someone off the list every week without anyone noticing.
 */
@Validated
@ConfigurationProperties("jadecrane.reports")
record ReportsProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue List<@Email String> mailTo) {

    /** Blank entries (a trailing comma) are dropped, and an address listed twice is mailed once. */
    ReportsProperties {
        mailTo = mailTo == null ? List.of() : List.copyOf(mailTo.stream().map(String::trim).filter(address -> !address.isEmpty())
                .collect(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER), TreeSet::add, TreeSet::addAll));
    }
}
