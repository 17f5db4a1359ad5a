package com.jadecrane.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.jadecrane.system.Problems;

/** JSON sign-in for the admin UI and scripts ({@code /api/auth/logout} is Spring Security's logout filter). */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final AuthenticationManager authenticationManager;
    private final SecurityContextRepository contextRepository;
    static final String REFUSED = "Wrong username or password. After " + SignInAttempts.MAX_FAILURES
            + " failed attempts in a row an account is locked for " + SignInAttempts.LOCK_FOR.toMinutes() + " minutes.";

    private final ApplicationEventPublisher events;
    private final SignInAttempts signIns;

    AuthController(AuthenticationManager authenticationManager, SecurityContextRepository contextRepository,
            ApplicationEventPublisher events, SignInAttempts signIns) {
        this.authenticationManager = authenticationManager;
        this.contextRepository = contextRepository;
        this.events = events;
        this.signIns = signIns;
    }

    @PostMapping("/login")
    ResponseEntity<?> login(@Valid @RequestBody Credentials credentials, HttpServletRequest request,
            HttpServletResponse response) {
        if (hasControlCharacters(credentials.username()) || hasControlCharacters(credentials.password())) {
            // no account has such a name: answer as for any unknown user, without asking the database
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED, REFUSED));
        }
        Authentication authentication;
        try {
            authentication = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(), credentials.password()));
        }
        catch (AuthenticationException ex) {
            signIns.failed(credentials.username(), request.getRemoteAddr(), ex);
            // the same answer for an unknown user, a wrong password, a disabled and a locked account
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED, REFUSED));
        }
        signIns.succeeded(authentication.getName());
        // a fresh session id at sign-in, so a session id planted before cannot be used after it
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        events.publishEvent(new SignedIn(authentication.getName(), request.getRemoteAddr()));
        return ResponseEntity.ok(Me.of(authentication));
    }

    @GetMapping("/me")
    Me me(Authentication authentication) {
        return Me.of(authentication);
    }

    private static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    record Credentials(@NotNull @Size(max = 64) String username, @NotNull @Size(max = 200) String password) {
    }

    record Me(String username, List<String> roles) {

        static Me of(Authentication authentication) {
            return new Me(authentication.getName(), authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_"))
                    .map(a -> a.substring("ROLE_".length()))
                    .sorted().toList());
        }
    }
}
