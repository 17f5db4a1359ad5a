package com.jadecrane.invitations;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.jadecrane.invitations.InvitationResponses.Action;
import com.jadecrane.invitations.InvitationResponses.InvitationLink;

/**
 * The links of an invitation email as an API (anonymous: the token is the authorization). Unknown
 * tokens are 404, used or expired ones 410.
 */
@RestController
@RequestMapping("/api/public")
class PublicInvitationController {

    private final InvitationResponses responses;

    PublicInvitationController(InvitationResponses responses) {
        this.responses = responses;
    }

    @GetMapping("/invitations/{token}")
    InvitationLink invitation(@PathVariable String token) {
        return responses.describe(token);
    }

    @PostMapping("/invitations/{token}/accept")
    Map<String, String> accept(@PathVariable String token) {
        responses.answer(token, Action.ACCEPT);
        return Map.of("response", "ACCEPTED");
    }

    @PostMapping("/invitations/{token}/decline")
    Map<String, String> decline(@PathVariable String token) {
        responses.answer(token, Action.DECLINE);
        return Map.of("response", "DECLINED");
    }

    /** RFC 8058: mail clients post {@code List-Unsubscribe=One-Click} here, without asking the person. */
    @PostMapping("/unsubscribe/{token}")
    Map<String, String> unsubscribe(@PathVariable String token) {
        responses.unsubscribe(token);
        return Map.of("status", "unsubscribed");
    }
}
