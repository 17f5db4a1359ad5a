package com.jadecrane.windows;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.jadecrane.system.ConflictException;
import com.jadecrane.system.ResourceNotFoundException;

/**
 * Seat holds, for the invitations: an allocation holds its seat from the moment it is made; the
 * deadline starts when the invitation is sent ({@link #startHold}) and runs for
 * {@code jadecrane.windows.hold-period} (default 5 days), but never past the window's start.
 * Declining frees the seat at once; a hold past its deadline is freed by the next allocation run,
 * which then offers the seat to the next person in the queue.
 */
@Service
public class SeatHolds {

    /** What an invitation needs to know about one allocation. */
    public record SeatHold(long allocationId, long entryId, long windowId, String status, Instant holdExpiresAt,
            Instant windowStartsAt, Instant windowEndsAt, String windowTimeZone, String specialty, Long hospitalId) {
    }

    private final JdbcClient jdbc;
    private final WindowsProperties properties;
    private final ApplicationEventPublisher events;

    SeatHolds(JdbcClient jdbc, WindowsProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
    }

    public Optional<SeatHold> find(long allocationId) {
        return jdbc.sql("""
                select a.id, a.entry_id, a.window_id, a.status, a.hold_expires_at, w.starts_at, w.ends_at, w.time_zone,
                       w.specialty, w.hospital_id
                from window_allocation a join consultation_window w on w.id = a.window_id where a.id = ?""")
                .param(allocationId)
                .query((rs, n) -> new SeatHold(rs.getLong("id"), rs.getLong("entry_id"), rs.getLong("window_id"),
                        rs.getString("status"), instant(rs.getObject("hold_expires_at", OffsetDateTime.class)),
                        instant(rs.getObject("starts_at", OffsetDateTime.class)),
                        instant(rs.getObject("ends_at", OffsetDateTime.class)), rs.getString("time_zone"),
                        rs.getString("specialty"), (Long) rs.getObject("hospital_id")))
                .optional();
    }

    /**
     * The reply deadline {@link #startHold} will set for an invitation sent at {@code sentAt}, so the
     * invitation can name it before it is sent.
     */
    public Instant holdDeadline(Instant windowStartsAt, Instant sentAt) {
        Instant deadline = sentAt.plus(properties.holdPeriod());
        return deadline.isAfter(windowStartsAt) ? windowStartsAt : deadline;
    }

    /**
     * The invitation for this allocation was sent at {@code sentAt}: the reply deadline starts now.
     * Calling it again keeps the first deadline (a resent invitation does not extend the hold).
     *
     * @return the deadline
     */
    @Transactional
    public Instant startHold(long allocationId, Instant sentAt) {
        return startHolds(List.of(allocationId), sentAt).stream().findFirst().orElseThrow(() -> notHeld(allocationId));
    }

    /**
     * {@link #startHold} for the invitations of many allocations sent at the same moment, in one
     * statement; allocations no longer holding a seat are left alone.
     *
     * @return the deadlines of the holds (one per allocation still HELD)
     */
    @Transactional
    public List<Instant> startHolds(Collection<Long> allocationIds, Instant sentAt) {
        if (allocationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                update window_allocation a
                set hold_expires_at = coalesce(a.hold_expires_at, least(cast(:sentAt as timestamptz) + cast(:period as interval), w.starts_at)),
                    version = a.version + 1
                from consultation_window w
                where a.id in (:ids) and w.id = a.window_id and a.status = 'HELD'
                returning a.hold_expires_at""")
                .param("sentAt", sentAt.atOffset(ZoneOffset.UTC)).param("period", properties.holdPeriod().toSeconds() + " seconds")
                .param("ids", allocationIds).query(OffsetDateTime.class).list().stream().map(OffsetDateTime::toInstant).toList();
    }

    /** The person accepted: the seat is theirs. Accepting twice is fine; after the deadline it is too late. */
    @Transactional
    public void accept(long allocationId) {
        Map<String, Object> allocation = lock(allocationId);
        String status = (String) allocation.get("status");
        if ("CONFIRMED".equals(status)) {
            return;
        }
        Timestamp deadline = (Timestamp) allocation.get("hold_expires_at");
        if (!"HELD".equals(status) || deadline != null && !deadline.toInstant().isAfter(Instant.now())) {
            throw new ConflictException("Allocation " + allocationId + " can no longer be accepted (" + status
                    + (deadline != null ? ", reply deadline " + deadline.toInstant() : "") + ")");
        }
        jdbc.sql("update window_allocation set status = 'CONFIRMED', answered_at = now(), version = version + 1 where id = ?")
                .param(allocationId).update();
        events.publishEvent(new SeatConfirmed(allocationId, (Long) allocation.get("entry_id"), (Long) allocation.get("window_id")));
    }

    /** The person declined: the seat is free at once for the next run. Declining twice is fine. */
    @Transactional
    public void decline(long allocationId) {
        Map<String, Object> allocation = lock(allocationId);
        String status = (String) allocation.get("status");
        if ("DECLINED".equals(status)) {
            return;
        }
        if (!"HELD".equals(status) && !"CONFIRMED".equals(status)) {
            throw new ConflictException("Allocation " + allocationId + " is " + status + " and holds no seat to decline");
        }
        jdbc.sql("""
                update window_allocation set status = 'DECLINED', answered_at = now(), released_at = now(),
                    version = version + 1
                where id = ?""").param(allocationId).update();
        events.publishEvent(new SeatReleased(allocationId, (Long) allocation.get("entry_id"), (Long) allocation.get("window_id"),
                "DECLINED", "declined by the person invited"));
    }

    /**
     * The person cannot be invited (their address is suppressed, or SendGrid refused the mail for
     * good): the seat is freed at once for the next run. Releasing a seat no longer held does nothing.
     */
    @Transactional
    public void release(long allocationId, String reason, String releasedBy) {
        Map<String, Object> allocation = lock(allocationId);
        if (!"HELD".equals(allocation.get("status"))) {
            return;
        }
        jdbc.sql("""
                update window_allocation set status = 'RELEASED', released_at = now(), released_by = ?, release_reason = ?,
                    version = version + 1
                where id = ?""").params(releasedBy, reason, allocationId).update();
        events.publishEvent(new SeatReleased(allocationId, (Long) allocation.get("entry_id"), (Long) allocation.get("window_id"),
                "RELEASED", reason));
    }

    private Map<String, Object> lock(long allocationId) {
        return jdbc.sql("select entry_id, window_id, status, hold_expires_at from window_allocation where id = ? for update")
                .param(allocationId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Allocation", allocationId));
    }

    private ConflictException notHeld(long allocationId) {
        if (find(allocationId).isEmpty()) {
            throw new ResourceNotFoundException("Allocation", allocationId);
        }
        return new ConflictException("Allocation " + allocationId + " is not holding a seat");
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
