package com.jadecrane.waitlist;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public site's sign-up form posts here (no session, no CSRF: see SecurityConfiguration). Rate
 * limit and body size are enforced before this runs, by {@link PublicSignupGuard}.
 */
@RestController
class PublicWaitlistController {

    static final String PATH = "/api/public/waitlist";

    private final SignupIntake intake;

    PublicWaitlistController(SignupIntake intake) {
        this.intake = intake;
    }

    /** The same answer whether or not the person is already on the list (and for the honeypot). */
    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> signUp(@RequestBody SignupRequest request, HttpServletRequest http) {
        intake.receive(request, http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT));
        return Map.of("status", "received");
    }
}
