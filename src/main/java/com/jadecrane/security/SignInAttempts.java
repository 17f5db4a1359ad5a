package com.jadecrane.security;

import java.time.Duration;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/** Counts failed sign-ins per account and locks it for a while after too many in a row. */
@Component
class SignInAttempts {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);

    private final UserAccountRepository accounts;
    private final ApplicationEventPublisher events;

    SignInAttempts(UserAccountRepository accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    void failed(String username, String remoteAddress, AuthenticationException reason) {
        events.publishEvent(new SignInFailed(username, remoteAddress));
        // only a wrong password counts: a locked account stays locked for its 15 minutes, no longer
        if (reason instanceof BadCredentialsException && accounts.recordFailedSignIn(username, MAX_FAILURES, LOCK_FOR)) {
            events.publishEvent(new AccountLocked(username, LOCK_FOR.toMinutes()));
        }
    }

    void succeeded(String username) {
        accounts.recordSuccessfulSignIn(username);
    }
}
