package com.jadecrane.windows;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.jadecrane.system.ConflictException;
import com.jadecrane.system.InvalidInputException;
import com.jadecrane.system.ResourceNotFoundException;

/**
 * Ops allocating or releasing one seat by hand, with a reason (audited through
 * {@link AllocationOverridden}). The window row is locked first, so the answer "full" is exact;
 * the capacity check of the database stays the last word, also against a running allocation job.
 */
@Service
class AllocationOverrides {

    static final String ALLOCATE = "ALLOCATE";
    static final String RELEASE = "RELEASE";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AllocationOverrides(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    long allocate(long windowId, long entryId, String reason, String username) {
        Map<String, Object> window = jdbc.sql("select status, capacity, seats_taken from consultation_window where id = ? for update")
                .param(windowId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Window", windowId));
        String entryStatus = jdbc.sql("select status from waitlist_entry where id = ?").param(entryId).query(String.class)
                .optional().orElseThrow(() -> new InvalidInputException("entryId", "is not a waitlist entry"));
        if (!"ACTIVE".equals(entryStatus)) {
            throw new InvalidInputException("entryId", "is " + entryStatus + "; only an ACTIVE waitlist entry can get a seat");
        }
        if ("CLOSED".equals(window.get("status"))) {
            throw new ConflictException("Window " + windowId + " is closed; open it before giving out seats");
        }
        if ((Integer) window.get("seats_taken") >= (Integer) window.get("capacity")) {
            throw new ConflictException("Window " + windowId + " is full (" + window.get("capacity") + " seats)");
        }
        jdbc.sql("select id, window_id from window_allocation where entry_id = ? and status in ('HELD', 'CONFIRMED')")
                .param(entryId).query().listOfRows().stream().findFirst().ifPresent(active -> {
                    throw new ConflictException("Waitlist entry " + entryId + " already has seat " + active.get("id")
                            + " in window " + active.get("window_id") + "; release it first");
                });
        long allocationId = jdbc.sql("""
                insert into window_allocation (entry_id, window_id, status, allocated_by, reason)
                values (?, ?, 'HELD', ?, ?) returning id""")
                .params(entryId, windowId, username, reason.strip()).query(Long.class).single();
        events.publishEvent(new AllocationOverridden(ALLOCATE, allocationId, entryId, windowId, reason.strip(), username));
        return allocationId;
    }

    @Transactional
    void release(long allocationId, String reason, String username) {
        Map<String, Object> allocation = jdbc.sql("select entry_id, window_id, status from window_allocation where id = ? for update")
                .param(allocationId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Allocation", allocationId));
        String status = (String) allocation.get("status");
        if (!"HELD".equals(status) && !"CONFIRMED".equals(status)) {
            throw new ConflictException("Allocation " + allocationId + " is " + status + " and holds no seat");
        }
        jdbc.sql("""
                update window_allocation set status = 'RELEASED', released_at = now(), released_by = ?, release_reason = ?,
                    version = version + 1
                where id = ?""").params(username, reason.strip(), allocationId).update();
        events.publishEvent(new AllocationOverridden(RELEASE, allocationId, (Long) allocation.get("entry_id"),
                (Long) allocation.get("window_id"), reason.strip(), username));
    }
}
