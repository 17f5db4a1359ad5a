package com.jadecrane.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.jadecrane.security.Role;
import com.jadecrane.system.ConflictException;
import com.jadecrane.system.FieldProblem;
import com.jadecrane.system.InvalidInputException;
import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.Problems;
import com.jadecrane.system.ResourceNotFoundException;

/**
 * The report archive for LEADERSHIP, OPS and ADMIN. Personal-data reports (WAITLIST_DETAIL) are
 * for OPS and ADMIN: LEADERSHIP gets 403 asking for or downloading one and does not see them listed.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final String READERS = "hasAnyRole('LEADERSHIP', 'OPS')";

    private final ReportArchive archive;
    private final ReportRequests requests;
    private final RoleHierarchy roles;
    private final ApplicationEventPublisher events;

    ReportController(ReportArchive archive, ReportRequests requests, RoleHierarchy roles, ApplicationEventPublisher events) {
        this.archive = archive;
        this.requests = requests;
        this.roles = roles;
        this.events = events;
    }

    @PostMapping
    @PreAuthorize(READERS)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Requested request(@RequestBody ReportForm form, Authentication caller) {
        ReportType type = type("type", form.type(), true);
        ReportPeriod period = period(form);
        refuseUnlessAllowed(type, caller);
        return new Requested(requests.request(type, period, caller.getName()));
    }

    @GetMapping
    @PreAuthorize(READERS)
    ResponseEntity<List<Report>> list(@RequestParam(required = false) String type,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) List<String> sort,
            Authentication caller) {
        ReportType only = type("type", type, false);
        if (!blank(status) && !Report.STATUSES.contains(status)) {
            throw new InvalidInputException("status", "must be one of " + String.join(", ", Report.STATUSES));
        }
        List<ReportType> visible = new ArrayList<>(Arrays.stream(ReportType.values())
                .filter(t -> (only == null || t == only) && allowed(t, caller)).toList());
        if (visible.isEmpty()) {
            return new Page<Report>(List.of(), 0).toResponse();
        }
        PageQuery query = PageQuery.of(page, size, sort, ReportArchive.SORTABLE, "requested_at desc", "id desc");
        return archive.list(visible, blank(status) ? null : status, query).toResponse();
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    Report get(@PathVariable long id, Authentication caller) {
        Report report = archive.get(id);
        refuseUnlessAllowed(report.type(), caller);
        return report;
    }

    @GetMapping("/{id}/file")
    @PreAuthorize(READERS)
    ResponseEntity<Resource> file(@PathVariable long id, Authentication caller) throws IOException {
        Report report = get(id, caller);
        if (Report.WITHDRAWN.equals(report.status())) {
            // gone for good, unlike a report not finished yet (409): asking again will not bring it back
            throw new ErrorResponseException(HttpStatus.GONE, Problems.of(HttpStatus.GONE, "Report " + id + " was withdrawn at "
                    + report.withdrawnAt() + ": " + report.withdrawalReason() + "; ask for the period again"), null);
        }
        if (!Report.COMPLETED.equals(report.status())) {
            throw new ConflictException("Report " + id + " is " + report.status() + "; its file is there once it is COMPLETED");
        }
        Path file = archive.file(id);
        if (!Files.isRegularFile(file)) {
            throw new ResourceNotFoundException("File of report", id);
        }
        if (report.type().personalData()) {
            events.publishEvent(new WaitlistDetailDownloaded(id, report.rowCount(), caller.getName()));
        }
        return ResponseEntity.ok()
                .contentType(XLSX)
                .contentLength(Files.size(file))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(report.fileName()).build().toString())
                .body(new FileSystemResource(file));
    }

    /** Dates come as text so that a malformed one is answered naming its field. */
    private ReportPeriod period(ReportForm form) {
        if (blank(form.periodStart()) && blank(form.periodEnd())) {
            return requests.lastFullWeek();
        }
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate start = date("periodStart", form.periodStart(), "periodEnd", problems);
        LocalDate end = date("periodEnd", form.periodEnd(), "periodStart", problems);
        if (problems.isEmpty() && end.isBefore(start)) {
            problems.add(new FieldProblem("periodEnd", "must be on or after periodStart"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ReportPeriod(start, end);
    }

    private static LocalDate date(String field, String value, String otherField, List<FieldProblem> problems) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "is required when " + otherField + " is given"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException ex) {
            problems.add(new FieldProblem(field, "must be a date such as 2026-11-16"));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ReportType type(String field, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                throw new InvalidInputException(field, "is required: WAITLIST_FUNNEL or WAITLIST_DETAIL");
            }
            return null;
        }
        try {
            return ReportType.valueOf(value);
        }
        catch (IllegalArgumentException unknown) {
            throw new InvalidInputException(field, "must be WAITLIST_FUNNEL or WAITLIST_DETAIL");
        }
    }

    private boolean allowed(ReportType type, Authentication caller) {
        return !type.personalData() || roles.getReachableGrantedAuthorities(caller.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).anyMatch(Role.OPS.authority()::equals);
    }

    private void refuseUnlessAllowed(ReportType type, Authentication caller) {
        if (!allowed(type, caller)) {
            throw new AccessDeniedException(type + " holds personal data: OPS and ADMIN only");
        }
    }

    record ReportForm(String type, String periodStart, String periodEnd) {
    }

    record Requested(long id) {
    }
}
