package com.jadecrane.invitations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jadecrane.invitations.*}.
 *
 * @param sendgridTemplateId a SendGrid dynamic template that replaces the templates in the repo
 *        (the mail then carries its data instead of a rendered body)
 * @param sendThreads requests to SendGrid under way at the same time (the mail rate limit still applies)
 * @param chunkSize invitations per chunk of the send step
 * @param recipientsPerRequest invitations sent together in one SendGrid request (one personalization
 *        each; SendGrid takes up to 1,000)
 * @param unsubscribeLinkValidity how long the unsubscribe link of an invitation works
 * @param unsubscribeMailto the mailto address of the {@code List-Unsubscribe} header
 */
@ConfigurationProperties("jadecrane.invitations")
record InvitationsProperties(String sendgridTemplateId, @DefaultValue("16") int sendThreads,
        @DefaultValue("1000") int chunkSize, @DefaultValue("1000") int recipientsPerRequest, @DefaultValue("90d") Duration unsubscribeLinkValidity,
        @DefaultValue("unsubscribe@jadecrane.example") String unsubscribeMailto) {

    boolean usesSendGridTemplate() {
        return sendgridTemplateId != null && !sendgridTemplateId.isBlank();
    }
}
