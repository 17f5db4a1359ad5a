package com.jadecrane.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the API reads: {@code jadecrane.request-limits.default} for every
 * {@code /api/**} call, and tighter or looser limits by path prefix, the longest prefix winning
 * (e.g. {@code jadecrane.request-limits.paths[/api/public/waitlist]=16KB}).
 */
@ConfigurationProperties("jadecrane.request-limits")
public record RequestBodyLimits(@DefaultValue("1MB") DataSize defaultLimit, Map<String, DataSize> paths) {

    public RequestBodyLimits {
        paths = paths == null ? Map.of() : new LinkedHashMap<>(paths);
    }

    long limitFor(String path) {
        String best = null;
        for (String prefix : paths.keySet()) {
            if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return (best == null ? defaultLimit : paths.get(best)).toBytes();
    }
}
