package com.jadecrane.system;

import java.util.List;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /management/health}: NOT_DURABLE (still answered 200, the application serves) when the
 * database may lose a commit and nobody accepted that risk, so the top-level status says why the
 * invitation send, the leadership mail and erasure refuse to run; an ADMIN sees which setting.
 */
@Component
class DurableCommitsHealthIndicator extends AbstractHealthIndicator {

    static final Status NOT_DURABLE = new Status("NOT_DURABLE", "the database may lose committed transactions in a crash");

    private final DurableCommits durableCommits;

    DurableCommitsHealthIndicator(DurableCommits durableCommits) {
        this.durableCommits = durableCommits;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        DurabilitySettings settings = durableCommits.current();
        List<String> unsafe = settings.unsafe();
        builder.withDetail("settings", settings.values());
        if (unsafe.isEmpty()) {
            builder.up();
        }
        else if (durableCommits.riskAccepted()) {
            builder.up().withDetail("unsafe", unsafe).withDetail("riskAccepted", true);
        }
        else {
            builder.status(NOT_DURABLE).withDetail("unsafe", unsafe)
                    .withDetail("refused", List.of("sending invitations", "mailing leadership's report", "erasing personal data"));
        }
    }
}
