package com.jadecrane.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The three PostgreSQL settings a commit needs to survive a crash of the server or of its machine,
 * read as {@code SHOW} reads them on a live connection (what this session really gets, whatever the
 * configuration files, the role or the database say). {@code synchronous_commit} may be any value
 * that flushes the WAL locally before the commit returns: only {@code off} does not.
 */
record DurabilitySettings(Map<String, String> values) {

    private static final Map<String, Set<String>> DURABLE = Map.of(
            "fsync", Set.of("on"),
            "synchronous_commit", Set.of("on", "local", "remote_write", "remote_apply"),
            "full_page_writes", Set.of("on"));

    static DurabilitySettings read(Connection connection) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        // current_setting is what SHOW answers, for all three in one round trip
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
                "select current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
            result.next();
            values.put("fsync", result.getString(1));
            values.put("synchronous_commit", result.getString(2));
            values.put("full_page_writes", result.getString(3));
        }
        return new DurabilitySettings(values);
    }

    /** The settings that make a commit losable, as {@code name=value}; empty when commits are durable. */
    java.util.List<String> unsafe() {
        return values.entrySet().stream().filter(setting -> !DURABLE.get(setting.getKey()).contains(setting.getValue()))
                .map(setting -> setting.getKey() + "=" + setting.getValue()).toList();
    }
}
