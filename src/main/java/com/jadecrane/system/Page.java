package com.jadecrane.system;

import java.util.List;

import org.springframework.http.ResponseEntity;

/**
 * One page of a list and the total, answered as a JSON array with an {@code X-Total-Count} header.
 * A list too large to count on every call may count only so far ({@link #countedUpTo}): then the
 * total is a lower bound, and {@code X-Total-Count-Exact: false} says "more than X-Total-Count".
 */
public record Page<T>(List<T> content, long total, boolean totalExact) {

    public static final String TOTAL_COUNT_HEADER = "X-Total-Count";
    public static final String TOTAL_COUNT_EXACT_HEADER = "X-Total-Count-Exact";

    public Page(List<T> content, long total) {
        this(content, total, true);
    }

    /**
     * @param counted matching rows counted with a limit of {@code bound + 1}
     * @param bound how far the count went: more than that many rows makes the total "more than bound"
     */
    public static <T> Page<T> countedUpTo(List<T> content, long counted, long bound) {
        return counted > bound ? new Page<>(content, bound, false) : new Page<>(content, counted, true);
    }

    public ResponseEntity<List<T>> toResponse() {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(TOTAL_COUNT_HEADER, Long.toString(total));
        if (!totalExact) {
            response.header(TOTAL_COUNT_EXACT_HEADER, "false");
        }
        return response.body(content);
    }
}
