package com.jadecrane.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Whether a commit of the application's database survives a crash. Every promise of "exactly once"
 * (an invitation claimed before it is sent, the leadership mail claimed before it goes) and of
 * "gone for good" (an erasure) rests on a commit: on a database that may lose it, those actions
 * {@link #require refuse to run}, unless ops accepted the risk ({@value #ACCEPT_RISK_PROPERTY}).
 * The embedded PostgreSQL is always durable (checked when it starts); an external one is checked
 * at start-up, then again at each such action, since a DBA may change it while we run.
 */
@Component
public class DurableCommits {

    static final String ACCEPT_RISK_PROPERTY = "jadecrane.database.accept-non-durable-commits";

    private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

    private final DataSource dataSource;
    private final boolean riskAccepted;

    DurableCommits(DataSource dataSource, @Value("${" + ACCEPT_RISK_PROPERTY + ":false}") boolean riskAccepted) {
        this.dataSource = dataSource;
        this.riskAccepted = riskAccepted;
    }

    /**
     * @param action what is about to run, for the message ("sending invitations")
     * @throws NonDurableCommitsException when a commit may be lost and the risk was not accepted
     */
    public void require(String action) {
        if (riskAccepted) {
            return;
        }
        List<String> unsafe = unsafeSettings();
        if (!unsafe.isEmpty()) {
            throw new NonDurableCommitsException(action, unsafe);
        }
    }

    boolean riskAccepted() {
        return riskAccepted;
    }

    /** The settings that make a commit losable right now ({@code name=value}); empty when durable. */
    List<String> unsafeSettings() {
        return current().unsafe();
    }

    DurabilitySettings current() {
        // the transaction's own connection when there is one, so the check sees that session's settings
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return DurabilitySettings.read(connection);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not read the database's durability settings: " + ex.getMessage(), ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportAtStartUp() {
        List<String> unsafe = unsafeSettings();
        if (unsafe.isEmpty()) {
            log.info("Database commits are durable (fsync, synchronous_commit and full_page_writes on)");
        }
        else if (riskAccepted) {
            log.warn("Database commits may be lost in a crash ({}); {}=true accepts that risk: invitations, the "
                    + "leadership mail and erasures run anyway", String.join(", ", unsafe), ACCEPT_RISK_PROPERTY);
        }
        else {
            log.warn("Database commits may be lost in a crash ({}): sending invitations, mailing leadership's report and "
                    + "erasing personal data will refuse to run until the setting is on (or {}=true)",
                    String.join(", ", unsafe), ACCEPT_RISK_PROPERTY);
        }
    }
}
