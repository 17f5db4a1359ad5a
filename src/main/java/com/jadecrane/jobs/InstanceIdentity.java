package com.jadecrane.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This process among the instances sharing the database. It holds a PostgreSQL session-level
 * advisory lock on its own key on a dedicated connection for as long as it lives; the database
 * releases it the moment the process dies, however it dies. Another instance asking
 * {@link #isAlive(int)} gets an exact answer.
 */
@Component
class InstanceIdentity implements DisposableBean {

    /** First half of the two-key advisory lock space reserved for instance liveness. */
    private static final int LIVENESS_LOCK_SPACE = 0x4A430001;

    private final String id = UUID.randomUUID().toString();
    private final int lockKey;
    private final Connection lockConnection;
    private final JdbcClient jdbc;

    InstanceIdentity(DataSource dataSource, JdbcClient jdbc) throws SQLException {
        this.jdbc = jdbc;
        this.lockKey = register();
        this.lockConnection = dataSource.getConnection();
        try (PreparedStatement lock = lockConnection.prepareStatement("select pg_advisory_lock(?, ?)")) {
            lock.setInt(1, LIVENESS_LOCK_SPACE);
            lock.setInt(2, lockKey);
            lock.execute();
        }
    }

    String id() {
        return id;
    }

    /** Whether the instance with this lock key still runs (its process holds the lock). */
    boolean isAlive(int otherLockKey) {
        if (otherLockKey == lockKey) {
            return true;
        }
        boolean acquired = jdbc.sql("select pg_try_advisory_lock(?, ?)").params(LIVENESS_LOCK_SPACE, otherLockKey)
                .query(Boolean.class).single();
        if (acquired) {
            jdbc.sql("select pg_advisory_unlock(?, ?)").params(LIVENESS_LOCK_SPACE, otherLockKey).query(Boolean.class).single();
        }
        return !acquired;
    }

    @Override
    public void destroy() throws SQLException {
        lockConnection.close();
    }

    private int register() {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; ; attempt++) {
            int key = random.nextInt();
            try {
                jdbc.sql("insert into app_instance (id, lock_key, host) values (?, ?, ?)").params(id, key, hostName()).update();
                return key;
            }
            catch (DuplicateKeyException ex) {
                if (attempt > 10) {
                    throw ex;
                }
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName() + " (pid " + ProcessHandle.current().pid() + ")";
        }
        catch (UnknownHostException ex) {
            return "unknown host (pid " + ProcessHandle.current().pid() + ")";
        }
    }
}
