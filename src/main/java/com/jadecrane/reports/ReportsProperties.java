package com.jadecrane.reports;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jadecrane.reports.*}.
 *
 * @param zone the zone report periods and weeks are read in (dates, Monday-Sunday weeks)
 */
@ConfigurationProperties("jadecrane.reports")
record ReportsProperties(@DefaultValue("Asia/Shanghai") ZoneId zone) {
}
