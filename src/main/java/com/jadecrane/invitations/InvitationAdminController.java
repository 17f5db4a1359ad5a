package com.jadecrane.invitations;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.jadecrane.mail.DeliveryOutcome;
import com.jadecrane.security.CurrentUser;
import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.PersonalDataListed;

/** The invitation ledger for OPS: list, detail, UNCONFIRMED resolution, template preview and test send. */
@RestController
@RequestMapping("/api/invitations")
@PreAuthorize("hasRole('OPS')")
class InvitationAdminController {

    private final InvitationAdministration administration;
    private final ApplicationEventPublisher events;

    InvitationAdminController(InvitationAdministration administration, ApplicationEventPublisher events) {
        this.events = events;
        this.administration = administration;
    }

    /** {@code from}/{@code to}: days (UTC) the invitations were created in, {@code to} inclusive. */
    @GetMapping
    ResponseEntity<List<InvitationView>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String delivery, @RequestParam(required = false) Long windowId,
            @RequestParam(required = false) Long entryId, @RequestParam(required = false) String response,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> sort) {
        PageQuery query = PageQuery.of(page, size, sort, InvitationAdministration.SORTABLE, "i.id desc", "i.id");
        var filter = new InvitationAdministration.Filter(blankToNull(status), blankToNull(delivery), windowId, entryId,
                blankToNull(response), from == null ? null : from.atStartOfDay().atOffset(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        Page<InvitationView> invitations = administration.list(filter, query);
        events.publishEvent(PersonalDataListed.of("invitations", invitations, CurrentUser.username(), "status", status,
                "delivery", delivery, "windowId", windowId, "entryId", entryId, "response", response, "from", from,
                "to", to, "page", page, "size", size));
        return invitations.toResponse();
    }

    @GetMapping("/{id}")
    InvitationView get(@PathVariable long id) {
        return administration.get(id);
    }

    @PostMapping("/{id}/resend")
    InvitationView resend(@PathVariable long id) throws InterruptedException {
        return administration.resend(id, CurrentUser.username());
    }

    @PostMapping("/{id}/mark-sent")
    InvitationView markSent(@PathVariable long id, @Valid @RequestBody(required = false) MarkSent request) {
        return administration.markSent(id, request == null ? null : request.note(), CurrentUser.username());
    }

    @GetMapping("/preview")
    Map<String, String> preview() {
        return administration.preview();
    }

    @PostMapping("/test-send")
    Map<String, String> testSend(@Valid @RequestBody TestSend request) throws InterruptedException {
        DeliveryOutcome outcome = administration.testSend(request.email(), CurrentUser.username());
        return Map.of("outcome", outcome.getClass().getSimpleName().toUpperCase(), "detail", outcome.toString());
    }

    record MarkSent(@Size(max = 500) String note) {
    }

    record TestSend(@NotBlank @Email @Size(max = 254) String email) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
