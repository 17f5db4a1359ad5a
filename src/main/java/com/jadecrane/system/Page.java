package com.jadecrane.system;

import java.util.List;

import org.springframework.http.ResponseEntity;

/** One page of a list and the total, answered as a JSON array with an {@code X-Total-Count} header. */
public record Page<T>(List<T> content, long total) {

    public static final String TOTAL_COUNT_HEADER = "X-Total-Count";

    public ResponseEntity<List<T>> toResponse() {
        return ResponseEntity.ok().header(TOTAL_COUNT_HEADER, Long.toString(total)).body(content);
    }
}
