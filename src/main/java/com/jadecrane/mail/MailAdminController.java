package com.jadecrane.mail;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import com.jadecrane.security.CurrentUser;
import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.PersonalDataListed;

/** The outbox (mail kept instead of sent) and the suppression list, for OPS. */
@RestController
@PreAuthorize("hasRole('OPS')")
class MailAdminController {

    private static final Map<String, String> OUTBOX_SORTABLE = Map.of("createdAt", "created_at", "toEmail", "to_email",
            "subject", "subject");

    private final JdbcClient jdbc;
    private final Suppressions suppressions;
    private final Mailer mailer;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    MailAdminController(JdbcClient jdbc, Suppressions suppressions, Mailer mailer, JsonMapper json,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.suppressions = suppressions;
        this.mailer = mailer;
        this.json = json;
    }

    /** Tells the UI whether mail really leaves, so the outbox can say so plainly. */
    @GetMapping("/api/mail/status")
    Map<String, Object> status() {
        return Map.of("sendgridConfigured", mailer.sendsForReal(), "mode", mailer.sendsForReal() ? "SENDGRID" : "OUTBOX");
    }

    @GetMapping("/api/mail/outbox")
    ResponseEntity<List<OutboxMail>> outbox(@RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort) {
        PageQuery query = PageQuery.of(page, size, sort, OUTBOX_SORTABLE, "created_at desc", "id desc");
        String where = " where (cast(:q as text) is null or lower(to_email) like :like or subject ilike :like)";
        String like = q == null || q.isBlank() ? null : "%" + q.trim().toLowerCase() + "%";
        String search = like == null ? null : q;
        List<OutboxMail> mails = jdbc.sql("select " + OutboxMail.COLUMNS + " from mail_outbox" + where
                        + " order by " + query.orderBy() + " limit :limit offset :offset")
                .param("q", search).param("like", like).param("limit", query.size()).param("offset", query.offset())
                .query(OutboxMail.rows(json)).list();
        long total = jdbc.sql("select count(*) from mail_outbox" + where).param("q", search).param("like", like)
                .query(Long.class).single();
        events.publishEvent(PersonalDataListed.of("mail/outbox", mails.size(), total, CurrentUser.username(), "q",
                PersonalDataListed.search(q), "page", page, "size", size));
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(total)).body(mails);
    }

    @GetMapping("/api/mail/suppressions")
    ResponseEntity<List<Suppressions.Suppression>> suppressions(@RequestParam(required = false) String q,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) List<String> sort) {
        PageQuery query = PageQuery.of(page, size, sort, Suppressions.SORTABLE, "created_at desc", "email");
        Page<Suppressions.Suppression> listed = suppressions.list(q == null || q.isBlank() ? null : q,
                reason == null || reason.isBlank() ? null : reason, query);
        events.publishEvent(PersonalDataListed.of("mail/suppressions", listed, CurrentUser.username(), "q",
                PersonalDataListed.search(q), "reason", reason, "page", page, "size", size));
        return listed.toResponse();
    }

    @PostMapping("/api/mail/suppressions")
    @ResponseStatus(HttpStatus.CREATED)
    Suppressions.Suppression suppress(@Valid @RequestBody NewSuppression request) {
        suppressions.suppress(request.email(), Suppressions.Reason.MANUAL, request.note(), "ops:" + CurrentUser.username());
        return suppressions.find(request.email()).orElseThrow();
    }

    @DeleteMapping("/api/mail/suppressions/{email}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String email, @RequestParam String note) {
        if (note.isBlank()) {
            throw new com.jadecrane.system.InvalidInputException("note", "say why the address may be emailed again");
        }
        suppressions.remove(email, note);
    }

    record NewSuppression(@NotBlank @Email @Size(max = 254) String email, @NotNull @Size(min = 3, max = 500) String note) {
    }
}
