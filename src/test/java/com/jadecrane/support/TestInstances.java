package com.jadecrane.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Arguments for starting extra instances of the application (another JVM, a second Spring
 * application) on the shared test database, with the same first admin as {@link IntegrationTest}.
 */
public final class TestInstances {

    private TestInstances() {
    }

    public static List<String> arguments(String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--jadecrane.admin-password=" + TestUsers.ADMIN_PASSWORD,
                "--jadecrane.data-dir=target/test-data"));
        arguments.addAll(List.of(extra));
        return arguments;
    }
}
