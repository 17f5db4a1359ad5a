package com.jadecrane.support;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Small JSON bodies for tests without string concatenation mistakes. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** {@code Json.object("a", 1, "b", List.of("x"))}: keys and values alternate. */
    public static String object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return write(map);
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
