package com.jadecrane.invitations;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import com.jadecrane.invitations.InvitationResponses.Action;
import com.jadecrane.invitations.InvitationResponses.InvitationLink;
import com.jadecrane.system.ConflictException;

/**
 * The small pages behind the links of an invitation email, rendered here (no script: the CSP
 * allows none inline, and a person's mail client may open them anywhere). Opening a link only
 * shows the invitation; the answer is a form post, so link scanners never answer for anyone.
 * Paths take only the 43-character tokens, leaving {@code /invitations/<id>} to the admin UI.
 */
@Controller
class InvitationPages {

    private static final String TOKEN = "{token:[A-Za-z0-9_-]{43}}";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final InvitationResponses responses;

    InvitationPages(InvitationResponses responses) {
        this.responses = responses;
    }

    @GetMapping("/invitations/" + TOKEN)
    String invitation(@PathVariable String token, Model model) {
        InvitationLink link = responses.describe(token);
        ZoneId zone = zone(link.windowTimeZone());
        model.addAttribute("token", token);
        model.addAttribute("accept", link.action() == Action.ACCEPT);
        model.addAttribute("specialty", link.specialty());
        model.addAttribute("hospital", link.hospital());
        model.addAttribute("startsAt", when(link.windowStartsAt(), zone));
        model.addAttribute("startsAtChina", when(link.windowStartsAt(), InvitationMail.CHINA));
        model.addAttribute("replyDeadline", when(link.replyDeadline(), zone));
        return "invitations/invitation";
    }

    @PostMapping("/invitations/" + TOKEN + "/accept")
    String accept(@PathVariable String token, Model model) {
        responses.answer(token, Action.ACCEPT);
        return answered(model, "Your seat is confirmed", "Thank you: the seat is yours. We will be in touch before the consultation.");
    }

    @PostMapping("/invitations/" + TOKEN + "/decline")
    String decline(@PathVariable String token, Model model) {
        responses.answer(token, Action.DECLINE);
        return answered(model, "You declined the seat", "Thank you for telling us: the seat goes to the next person waiting.");
    }

    @GetMapping("/unsubscribe/" + TOKEN)
    String unsubscribePage(@PathVariable String token, Model model) {
        responses.checkUnsubscribe(token);
        model.addAttribute("token", token);
        return "invitations/unsubscribe";
    }

    @PostMapping("/unsubscribe/" + TOKEN)
    String unsubscribe(@PathVariable String token, Model model) {
        responses.unsubscribe(token);
        return answered(model, "You are unsubscribed", "We will not email you again.");
    }

    @ExceptionHandler
    String unusable(InvitationLinkUnusable ex, Model model, HttpServletResponse response) {
        response.setStatus(ex.getStatusCode().value());
        return answered(model, ex.title(), ex.detail());
    }

    /** The seat can no longer be answered (its hold lapsed or it was released meanwhile). */
    @ExceptionHandler
    String tooLate(ConflictException ex, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return answered(model, "This seat can no longer be answered", "The seat is no longer held for you.");
    }

    private static String answered(Model model, String title, String message) {
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "invitations/answered";
    }

    private static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        }
        catch (DateTimeException | NullPointerException unknown) {
            return InvitationMail.CHINA;
        }
    }
}
