package com.jadecrane.reports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * Produces one archived report: writes its workbook next to its place in the archive, then moves
 * it there in one step, so a download never sees half a file and a failed run leaves nothing
 * behind (running it again simply writes it anew). A report withdrawn while it was written (see
 * {@link ReportPersonalData}) keeps no file.
 */
@Service
class ReportProduction {

    private final ReportArchive archive;
    private final Map<ReportType, ReportWriter> writers;

    ReportProduction(ReportArchive archive, List<ReportWriter> writers) {
        this.archive = archive;
        this.writers = writers.stream().collect(Collectors.toMap(ReportWriter::type, Function.identity()));
    }

    /** @return the rows written */
    long produce(long reportId) throws IOException {
        Report report = archive.get(reportId);
        Path part = archive.partFile(reportId);
        try {
            long rows;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                rows = writers.get(report.type()).write(report.period(), out);
            }
            long size = Files.size(part);
            Files.move(part, archive.file(reportId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (!archive.completed(reportId, report.type().fileName(report.period()), size, rows)) {
                Files.deleteIfExists(archive.file(reportId));
            }
            return rows;
        }
        finally {
            Files.deleteIfExists(part);
        }
    }
}
