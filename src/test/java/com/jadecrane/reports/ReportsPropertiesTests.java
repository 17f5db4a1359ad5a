package com.jadecrane.reports;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code jadecrane.reports.mail-to} as people type it, and a misspelt address stopping the start. */
class ReportsPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Reports.class);

    @Test
    void theLeadershipListDropsBlanksAndRepeats() {
        context.withPropertyValues("jadecrane.reports.mail-to= ceo@jadecrane.example , CEO@jadecrane.example,,cfo@jadecrane.example,")
                .run(started -> assertThat(started.getBean(ReportsProperties.class).mailTo())
                        .containsExactly("ceo@jadecrane.example", "cfo@jadecrane.example"));
    }

    @Test
    void noListMailsNobody() {
        context.run(started -> assertThat(started.getBean(ReportsProperties.class).mailTo()).isEmpty());
        context.withPropertyValues("jadecrane.reports.mail-to=")
                .run(started -> assertThat(started.getBean(ReportsProperties.class).mailTo()).isEqualTo(List.of()));
    }

    @Test
    void aMalformedAddressStopsTheStartNamingIt() {
        context.withPropertyValues("jadecrane.reports.mail-to=ceo@jadecrane.example,cfo at jadecrane.example").run(started -> {
            assertThat(started).hasFailed();
            // what the start-up failure report prints: the entry, its value and the reason
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("mailTo[1]")
                    .hasMessageContaining("cfo at jadecrane.example").hasMessageContaining("well-formed email address");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReportsProperties.class)
    static class Reports {
    }
}
