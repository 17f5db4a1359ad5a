package com.jadecrane.reports;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one type of report for a period. */
interface ReportWriter {

    ReportType type();

    /** @return how many data rows the workbook holds */
    long write(ReportPeriod period, OutputStream out) throws IOException;
}
