package com.jadecrane.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what. URL rules here are the coarse layer (public, signed in, ADMIN-only areas);
 * each controller states its role rule with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String EDITOR = Role.EDITOR.name();
    private static final String OPS = Role.OPS.name();
    private static final String LEADERSHIP = Role.LEADERSHIP.name();

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems,
            SecurityContextRepository securityContextRepository, UserAccountRepository accounts,
            ApplicationEventPublisher events) throws Exception {
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/management/health", "/management/health/**").permitAll()
                .requestMatchers("/management/**").hasRole(ADMIN)
                .requestMatchers("/api/auth/login", "/api/public/**").permitAll()
                // each module's area; controllers repeat the rule with @PreAuthorize, and the rules
                // here also keep a wrong role from learning anything (not even a validation error)
                .requestMatchers("/api/admin/**", "/api/audit/**").hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/specialties/**").authenticated()
                .requestMatchers("/api/specialties/**").hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/guides/**").authenticated()
                .requestMatchers("/api/guides/**").hasRole(EDITOR)
                .requestMatchers(HttpMethod.GET, "/api/hospitals/*/verifications/*/evidence/**").hasAnyRole(EDITOR, OPS)
                .requestMatchers(HttpMethod.GET, "/api/hospitals/**").authenticated()
                .requestMatchers("/api/hospitals/**").hasRole(EDITOR)
                .requestMatchers("/api/waitlist/**", "/api/windows/**", "/api/allocations/**", "/api/allocation-runs/**", "/api/invitations/**",
                    "/api/jobs/**", "/api/mail/**").hasRole(OPS)
                .requestMatchers("/api/reports/**", "/api/dashboard/**").hasAnyRole(LEADERSHIP, OPS)
                .requestMatchers("/api/**").authenticated()
                // the admin UI's static files and client-side routes
                .anyRequest().permitAll())
            // the invitation pages' forms are authorized by the single-use token in their path
            .csrf(csrf -> csrf.spa().ignoringRequestMatchers("/api/auth/login", "/api/public/**", "/invitations/**",
                "/unsubscribe/**"))
            // the SPA reads XSRF-TOKEN from a cookie, so make sure every response carries it
            .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
            .addFilterAfter(new ActiveAccountFilter(accounts, securityContextRepository), SecurityContextHolderFilter.class)
            .headers(headers -> headers
                // the admin UI loads only its own scripts; MUI writes its styles at run time
                .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                    + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                    + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                    + "frame-ancestors 'none'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)))
            .securityContext(context -> context.securityContextRepository(securityContextRepository))
            .exceptionHandling(errors -> errors
                .authenticationEntryPoint((request, response, ex) ->
                    problems.write(response, HttpStatus.UNAUTHORIZED, "Sign in first"))
                .accessDeniedHandler((request, response, ex) -> problems.write(response, HttpStatus.FORBIDDEN,
                    ex instanceof org.springframework.security.web.csrf.CsrfException
                        ? "The X-XSRF-TOKEN header is missing or does not match the XSRF-TOKEN cookie"
                        : "Your role does not allow this")))
            .logout(logout -> logout
                .logoutUrl("/api/auth/logout")
                .addLogoutHandler((request, response, authentication) -> {
                    if (authentication != null) {
                        events.publishEvent(new SignedOut(authentication.getName(), request.getRemoteAddr()));
                    }
                })
                .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
            .formLogin(form -> form.disable())
            .httpBasic(basic -> basic.disable())
            .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** Loading the deferred token makes {@code CookieCsrfTokenRepository} write the cookie. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
