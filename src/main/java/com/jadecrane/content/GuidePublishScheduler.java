package com.jadecrane.content;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes pages whose publish-at time has come, once a minute. Off with
 * {@code jadecrane.scheduler.enabled=false} (the tests call {@link Guides#publishDue()} directly).
 * Several instances are safe: due rows are claimed with {@code for update skip locked}.
 */
@Component
@ConditionalOnProperty(name = "jadecrane.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class GuidePublishScheduler {

    private static final Logger log = LoggerFactory.getLogger(GuidePublishScheduler.class);

    private final Guides guides;

    GuidePublishScheduler(Guides guides) {
        this.guides = guides;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void publishDuePages() {
        int published = guides.publishDue();
        if (published > 0) {
            log.info("Published {} scheduled guide page(s)", published);
        }
    }
}
