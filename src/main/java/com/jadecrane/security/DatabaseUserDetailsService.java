package com.jadecrane.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    DatabaseUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findCredentials(username)
                .map(c -> User.withUsername(c.username())
                        .password(c.passwordHash())
                        .disabled(!c.enabled())
                        .accountLocked(c.locked())
                        .roles(c.roles().stream().map(Role::name).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
