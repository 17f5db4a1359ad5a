package com.jadecrane.system;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL from the data folder when no {@code SPRING_DATASOURCE_URL} is given, so the
 * first command of the README runs the real database with nothing installed. The folder is kept
 * across restarts and locked against a second instance; a server a dead instance left running on
 * it is stopped first. Unlike the library's test defaults (fsync off, asynchronous commits), the
 * server is durable: a commit that returned survives a crash of the JVM, of PostgreSQL and of the
 * machine, which every "exactly once" of the jobs rests on. That is checked with {@code SHOW}
 * before anything uses it. SIGTERM closes the application before the library's own shutdown hook
 * stops the server ({@link ShutdownSignals}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    DataFolderLock dataFolderLock(DataDirectoryProperties properties) {
        return DataFolderLock.acquire(properties.dataDir());
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataDirectoryProperties properties, EmbeddedPostgresProperties settings,
            DataFolderLock lock) throws IOException {
        Path folder = EmbeddedPostgresFolder.checked(properties.resolve("postgres"));
        OrphanedPostgres.stopIfRunning(folder, settings.orphanStopTimeout());
        log.info("Starting embedded PostgreSQL in {}", folder);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(folder)
                .setCleanDataDirectory(false)
                .setPGStartupWait(settings.startupTimeout())
                .setServerConfig("max_connections", "100")
                // the library passes -F (fsync off) and synchronous_commit=off; a later -c wins
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        refuseUnlessDurable(postgres);
        return postgres;
    }

    @Bean(destroyMethod = "restore")
    ShutdownSignals shutdownSignals(ConfigurableApplicationContext context) {
        return ShutdownSignals.install(context);
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }

    private static void refuseUnlessDurable(EmbeddedPostgres postgres) throws IOException {
        List<String> unsafe;
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            unsafe = DurabilitySettings.read(connection).unsafe();
        }
        catch (SQLException ex) {
            postgres.close();
            throw new IllegalStateException("Cannot read the embedded PostgreSQL's settings: " + ex.getMessage(), ex);
        }
        if (!unsafe.isEmpty()) {
            postgres.close();
            throw new IllegalStateException("The embedded PostgreSQL started without durable commits ("
                    + String.join(", ", unsafe) + "); refusing to keep data in it");
        }
    }
}
