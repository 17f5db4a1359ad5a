package com.jadecrane.support;

import java.util.List;
import java.util.Map;

import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Points every Spring test context at the shared {@link TestDatabase}, so the application's own
 * embedded-PostgreSQL start-up (for a missing {@code spring.datasource.url}) stays out of tests
 * that do not ask for it, accepts that this database is not durable, and gives it the verification
 * key of {@link SendGridEventSigner}.
 * Registered in {@code META-INF/spring.factories}.
 */
class TestInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new SharedDatabase();
    }

    private static final class SharedDatabase implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", Map.of(
                    "spring.datasource.url", TestDatabase.jdbcUrl(),
                    "spring.datasource.username", "postgres",
                    "jadecrane.sendgrid.webhook-public-key", SendGridEventSigner.publicKeyBase64())));
            // the shared test database is fast rather than durable, on purpose (see TestDatabase); last,
            // so a test of the refusal can say otherwise
            context.getEnvironment().getPropertySources().addLast(new MapPropertySource("testDatabaseNotDurable", Map.of(
                    "jadecrane.database.accept-non-durable-commits", "true")));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SharedDatabase;
        }

        @Override
        public int hashCode() {
            return SharedDatabase.class.hashCode();
        }
    }
}
