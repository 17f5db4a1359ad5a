package com.jadecrane.windows;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jadecrane.windows.*}.
 *
 * @param minimumNotice how long before its start a window may still be offered (job parameter
 *        {@code minimumNoticeHours} overrides it per run)
 * @param holdPeriod how long a person has to answer an invitation before the seat goes to the next person
 * @param outcomeRetention how long what each allocation run decided is kept for the UI
 */
@ConfigurationProperties("jadecrane.windows")
record WindowsProperties(@DefaultValue("72h") Duration minimumNotice, @DefaultValue("5d") Duration holdPeriod,
        @DefaultValue("30d") Duration outcomeRetention) {
}
