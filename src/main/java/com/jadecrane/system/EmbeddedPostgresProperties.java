package com.jadecrane.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL's patience: {@code startupTimeout} covers crash recovery (replaying the
 * WAL after a power cut can take a while on a large database), {@code orphanStopTimeout} each of
 * the fast and immediate shutdowns of a server that a dead instance left running.
 */
@ConfigurationProperties("jadecrane.embedded-postgres")
record EmbeddedPostgresProperties(@DefaultValue("5m") Duration startupTimeout, @DefaultValue("60s") Duration orphanStopTimeout) {
}
