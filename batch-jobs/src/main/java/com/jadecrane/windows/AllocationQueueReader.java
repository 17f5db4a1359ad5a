package com.jadecrane.windows;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the entries waiting for a seat in queue order ({@code queued_at, id}): canonical (ACTIVE,
 * so neither merged away nor erased) and holding no seat. One server-side cursor on a connection of
 * its own (fetch size, no rows piling up in memory); the queue position of the last entry read is
 * kept in the step's ExecutionContext under this reader's name, so a restart resumes after the last
 * committed chunk. Entries are read once per run: a seat given meanwhile by someone else is caught
 * when the allocation is written.
 * <p>
 * A thread of the reader's own reads ahead from the cursor into a bounded queue, so the database
 * produces and the JVM decodes the next entries while the step decides and writes the current chunk
 * on its own connection: read one after the other, the read was a third of the step's time. The
 * position saved is always that of the last entry handed to the step, never of one read ahead.
 */
class AllocationQueueReader implements ItemStreamReader<QueuedEntry> {

    static final String NAME = "allocationQueueReader";

    /** An allocation that holds its seat for a run at {@code :runAt} (a hold past its deadline does not). */
    static final String HOLDS_SEAT = """
            (a.status = 'CONFIRMED' or a.status = 'HELD' and (a.hold_expires_at is null or a.hold_expires_at > :runAt))""";

    /** The eligible entries in queue order, after a position; also the benchmark's reference read. */
    static final String QUEUE = """
            select e.id, e.queued_at, e.specialties, e.preferred_language, e.time_zone, seats.offered
            from waitlist_entry e
            left join (select a.entry_id, array_agg(a.window_id) as offered, bool_or(%s) as holds_seat
                       from window_allocation a group by a.entry_id) seats on seats.entry_id = e.id
            where e.status = 'ACTIVE' and e.merged_into is null and (e.queued_at, e.id) > (?, ?)
              and seats.holds_seat is not true
            order by e.queued_at, e.id""".formatted(HOLDS_SEAT.replace(":runAt", "?"));

    private static final String LAST_QUEUED_AT = NAME + ".lastQueuedAt";
    private static final String LAST_ID = NAME + ".lastId";
    private static final int FETCH_SIZE = 5_000;
    private static final int READ_AHEAD = 2 * FETCH_SIZE;
    /** Put after the last entry (or after a failure) by the read-ahead thread. */
    private static final QueuedEntry END = new QueuedEntry(0, Instant.EPOCH, new String[0], null, ZoneOffset.UTC, new long[0]);

    private final DataSource dataSource;
    private final Instant runAt;
    private final Map<String, String> languages = new HashMap<>();
    private final Map<String, ZoneId> zones = new HashMap<>();
    private Connection connection;
    private PreparedStatement statement;
    private ResultSet rows;
    private BlockingQueue<QueuedEntry> readAhead;
    private Thread readAheadThread;
    private volatile Throwable readFailure;
    private boolean exhausted;
    private Instant lastQueuedAt;
    private long lastId;

    AllocationQueueReader(DataSource dataSource, Instant runAt) {
        this.dataSource = dataSource;
        this.runAt = runAt;
    }

    @Override
    public void open(ExecutionContext context) {
        lastQueuedAt = context.containsKey(LAST_QUEUED_AT) ? Instant.parse(context.getString(LAST_QUEUED_AT)) : null;
        lastId = context.getLong(LAST_ID, 0L);
        try {
            connection = dataSource.getConnection();
            // a cursor fetches in batches only inside a transaction of its own
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            statement = connection.prepareStatement(QUEUE, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            statement.setObject(1, OffsetDateTime.ofInstant(runAt, ZoneOffset.UTC));
            statement.setObject(2, lastQueuedAt == null ? OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                    : OffsetDateTime.ofInstant(lastQueuedAt, ZoneOffset.UTC));
            statement.setLong(3, lastId);
            rows = statement.executeQuery();
        }
        catch (SQLException ex) {
            close();
            throw new ItemStreamException("Could not open the waitlist queue", ex);
        }
        readAhead = new ArrayBlockingQueue<>(READ_AHEAD);
        readFailure = null;
        exhausted = false;
        readAheadThread = new Thread(this::readAhead, NAME + "-read-ahead");
        readAheadThread.setDaemon(true);
        readAheadThread.start();
    }

    @Override
    public QueuedEntry read() throws InterruptedException {
        if (exhausted) {
            return null;
        }
        QueuedEntry entry = readAhead.take();
        if (entry == END) {
            exhausted = true;
            if (readFailure != null) {
                throw new ItemStreamException("Could not read the waitlist queue", readFailure);
            }
            return null;
        }
        lastQueuedAt = entry.queuedAt();
        lastId = entry.id();
        return entry;
    }

    /** The read-ahead thread: the cursor's rows into the queue, then END; stops when interrupted (closed). */
    private void readAhead() {
        try {
            try {
                while (rows.next()) {
                    readAhead.put(new QueuedEntry(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                            (String[]) rows.getArray(3).getArray(), language(rows.getString(4)), zone(rows.getString(5)),
                            offered(rows.getArray(6))));
                }
            }
            catch (SQLException | RuntimeException | Error ex) {
                // the step sees it when it reaches this point of the queue
                readFailure = ex;
            }
            readAhead.put(END);
        }
        catch (InterruptedException ex) {
            // closed before the end: nobody takes from the queue any more
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastQueuedAt != null) {
            context.putString(LAST_QUEUED_AT, lastQueuedAt.toString());
            context.putLong(LAST_ID, lastId);
        }
    }

    @Override
    public void close() {
        stopReadingAhead();
        try {
            if (connection != null) {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
                connection.close();
            }
        }
        catch (SQLException ex) {
            throw new ItemStreamException("Could not close the waitlist queue", ex);
        }
        finally {
            connection = null;
            statement = null;
            rows = null;
        }
    }

    /** Before the connection closes: the thread may be waiting for room in the queue or for rows. */
    private void stopReadingAhead() {
        if (readAheadThread == null) {
            return;
        }
        readAheadThread.interrupt();
        try {
            readAheadThread.join();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            readAheadThread = null;
            readAhead = null;
        }
    }

    private String language(String tag) {
        return tag == null ? null : languages.computeIfAbsent(tag, WindowRules::primaryLanguage);
    }

    /** A zone the sign-up form checked; UTC for one that is missing or no longer known to this JVM. */
    private ZoneId zone(String id) {
        return id == null ? ZoneOffset.UTC : zones.computeIfAbsent(id, z -> {
            try {
                return ZoneId.of(z);
            }
            catch (DateTimeException ex) {
                return ZoneOffset.UTC;
            }
        });
    }

    private static long[] offered(Array array) throws SQLException {
        if (array == null) {
            return new long[0];
        }
        Long[] ids = (Long[]) array.getArray();
        long[] offered = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            offered[i] = ids[i];
        }
        return offered;
    }
}
