package com.jadecrane.waitlist;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;

import static com.jadecrane.waitlist.WaitlistTestData.post;
import static com.jadecrane.waitlist.WaitlistTestData.signup;
import static com.jadecrane.waitlist.WaitlistTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Its own application context with a low limit, so no other test shares the buckets. */
@IntegrationTest
@TestPropertySource(properties = "jadecrane.waitlist.rate-limit-per-minute=3")
class PublicSignupRateLimitTests {

    @LocalServerPort
    int port;

    @Test
    void aClientOverTheLimitGets429WithRetryAfter() {
        String marker = unique();
        for (int i = 0; i < 3; i++) {
            assertThat(post(port, signup("rate-" + marker + "-" + i + "@example.org", "Rate " + marker)).status())
                    .isEqualTo(202);
        }

        ApiClient.Response refused = post(port, signup("rate-" + marker + "-4@example.org", "Rate " + marker));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After").orElseThrow())).isBetween(1, 60);
    }
}
