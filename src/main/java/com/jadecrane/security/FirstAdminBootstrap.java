package com.jadecrane.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a database with no user, creates {@code admin} with {@code JADECRANE_ADMIN_PASSWORD}, or with a
 * random password printed once. There is never a default password.
 */
@Component
class FirstAdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);
    static final String ADMIN_USERNAME = "admin";

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final TransactionTemplate transaction;
    private final String configuredPassword;

    FirstAdminBootstrap(UserAccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
            TransactionTemplate transaction, @Value("${jadecrane.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.transaction = transaction;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        passwordPolicy.check(ADMIN_USERNAME, password).ifPresent(problem -> {
            throw new IllegalStateException("JADECRANE_ADMIN_PASSWORD " + problem);
        });
        try {
            transaction.executeWithoutResult(status -> accounts.insert(ADMIN_USERNAME, passwordEncoder.encode(password),
                    null, "Administrator", EnumSet.of(Role.ADMIN)));
        }
        catch (DuplicateKeyException ex) {
            // another instance on the same database created it first
            return;
        }
        if (generated) {
            log.warn("""

                    ==================================================================
                    Created the first user '{}' with this password (shown only once):
                        {}
                    Sign in and create personal accounts; set JADECRANE_ADMIN_PASSWORD
                    to choose the first password yourself on a new database.
                    ==================================================================""", ADMIN_USERNAME, password);
        }
        else {
            log.info("Created the first user '{}' with the password from JADECRANE_ADMIN_PASSWORD", ADMIN_USERNAME);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
