package com.jadecrane.waitlist;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.jadecrane.system.Problems;

/**
 * Shields the public sign-up before anything is parsed with a per-client rate limit (429 with
 * {@code Retry-After}); its 16 KiB body limit is the API's (system's RequestBodyLimitFilter).
 * The client is the remote address; it reflects
 * {@code X-Forwarded-For} only when {@code server.forward-headers-strategy} says a proxy is trusted.
 * Buckets live in this instance's memory (bounded, least recently used dropped): with several
 * instances the limit applies per instance.
 */
class PublicSignupGuard extends OncePerRequestFilter {

    private static final int MAX_CLIENTS_TRACKED = 100_000;

    private final WaitlistProperties properties;
    private final JsonMapper json;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CLIENTS_TRACKED;
        }
    });

    PublicSignupGuard(WaitlistProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !PublicWaitlistController.PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.computeIfAbsent(request.getRemoteAddr(), address -> newBucket())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many sign-ups from this client; try again in " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
    }

    private Bucket newBucket() {
        int perMinute = properties.rateLimitPerMinute();
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
