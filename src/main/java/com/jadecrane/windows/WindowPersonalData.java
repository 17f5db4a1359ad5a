package com.jadecrane.windows;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.jadecrane.waitlist.PersonalDataHolder;
import com.jadecrane.windows.WindowViews.AllocationView;

/**
 * A person's seats, for the data-subject export and erasure. The allocations themselves stay (the
 * window's history and its seat counts need them, and the table refuses deletes); what they say about
 * the person goes: the free-text reasons ops typed, and the seat itself, since nobody can be seen or
 * contacted about a consultation once their name and address are gone.
 */
@Component
class WindowPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;
    private final WindowQueries queries;
    private final ApplicationEventPublisher events;

    WindowPersonalData(JdbcClient jdbc, WindowQueries queries, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.events = events;
    }

    @Override
    public String section() {
        return "allocations";
    }

    @Override
    public List<AllocationView> recordsOf(DataSubject person) {
        return person.entryIds().stream().flatMap(entryId -> queries.allocationsOfEntry(entryId).stream()).toList();
    }

    /**
     * The reasons first (they may name the person or what they told ops), then the seat still held
     * or confirmed is released with a reason that names nobody. {@link SeatReleased} tells the
     * invitations to cancel an invitation not yet sent, as for any release.
     */
    @Override
    public void erase(DataSubject person, String erasedBy) {
        jdbc.sql("update window_allocation set reason = null, release_reason = null where entry_id in (:entries)"
                + " and (reason is not null or release_reason is not null)")
                .param("entries", person.entryIds()).update();
        jdbc.sql("""
                update window_allocation set status = 'RELEASED', released_at = now(), released_by = :by,
                    release_reason = :reason, version = version + 1
                where entry_id in (:entries) and status in ('HELD', 'CONFIRMED')
                returning id, entry_id, window_id""")
                .param("by", erasedBy).param("reason", ERASED_REASON).param("entries", person.entryIds())
                .query((rs, n) -> new SeatReleased(rs.getLong("id"), rs.getLong("entry_id"), rs.getLong("window_id"),
                        "RELEASED", ERASED_REASON))
                .list().forEach(events::publishEvent);
    }
}
