package com.jadecrane.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    /** SendGrid with a key; otherwise the outbox, so the default run works with no account. */
    @Bean
    MailTransport mailTransport(MailProperties properties, JdbcClient jdbc, JsonMapper json) {
        if (properties.sendgrid().configured()) {
            log.info("Mail goes through SendGrid at {}", properties.sendgrid().baseUrl());
            return new SendGridTransport(properties);
        }
        log.warn("No SendGrid key (JADECRANE_MAIL_SENDGRID_API_KEY): mail goes to the outbox shown in the admin UI");
        return new OutboxTransport(jdbc, json);
    }
}
