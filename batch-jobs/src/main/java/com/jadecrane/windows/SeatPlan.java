package com.jadecrane.windows;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The OPEN windows a run may offer (starting after the minimum notice) with their free seats, in
 * memory, and the decision for one entry at a time. Entries are grouped into lanes (specialty,
 * language, time zone): a lane lists the windows that serve that specialty, speak that language (or
 * offer an interpreter), start after the minimum notice and lie within reasonable hours in that zone,
 * earliest first. Windows starting sooner are known too, only so that a person whose fitting windows
 * all start too soon is told so rather than that there is no window for the specialty. Seats only get
 * taken during a run, so each lane keeps a pointer past its full windows: deciding costs a few steps
 * per entry, whatever the size of the queue.
 */
final class SeatPlan {

    /** Earliest local time a window may start, latest it may end, in the person's own zone. */
    static final LocalTime DAY_STARTS = LocalTime.of(8, 0);
    static final LocalTime DAY_ENDS = LocalTime.of(21, 0);
    private static final long SECONDS_PER_DAY = 86_400;

    /** Why an entry got no seat, from the least to the most promising. */
    enum Reason {
        NO_WINDOW_FOR_SPECIALTY, NO_WINDOW_FOR_LANGUAGE, NO_WINDOW_WITH_ENOUGH_NOTICE, NO_REASONABLE_HOUR, ALL_FULL,
        ALREADY_OFFERED
    }

    /** What was decided for one entry: a window, or the reason for none. */
    record Decision(QueuedEntry entry, OpenWindow window, Reason reason) {
    }

    static final class OpenWindow {
        final long id;
        final Instant startsAt;
        final Instant endsAt;
        final String specialty;
        final Set<String> languages;
        final boolean interpreter;
        int free;

        OpenWindow(long id, Instant startsAt, Instant endsAt, String specialty, Set<String> languages, boolean interpreter,
                int free) {
            this.id = id;
            this.startsAt = startsAt;
            this.endsAt = endsAt;
            this.specialty = specialty;
            this.languages = languages;
            this.interpreter = interpreter;
            this.free = free;
        }

        boolean speaks(String language) {
            return interpreter || language != null && languages.contains(language);
        }

        /**
         * Entirely between 08:00 and 21:00 of one day on the person's wall clock. In local epoch
         * seconds rather than through ZonedDateTime: a run asks this of every window for every kind
         * of entry, and the date-time objects were most of the cost of building the lanes.
         */
        boolean atReasonableHourIn(ZoneId zone) {
            ZoneRules rules = zone.getRules();
            long start = startsAt.getEpochSecond() + rules.getOffset(startsAt).getTotalSeconds();
            long end = endsAt.getEpochSecond() + rules.getOffset(endsAt).getTotalSeconds();
            long endOfDay = Math.floorMod(end, SECONDS_PER_DAY);
            return Math.floorDiv(start, SECONDS_PER_DAY) == Math.floorDiv(end, SECONDS_PER_DAY)
                    && Math.floorMod(start, SECONDS_PER_DAY) >= DAY_STARTS.toSecondOfDay()
                    && (endOfDay < DAY_ENDS.toSecondOfDay() || endOfDay == DAY_ENDS.toSecondOfDay() && endsAt.getNano() == 0);
        }
    }

    private static final Comparator<OpenWindow> EARLIEST_FIRST = Comparator.<OpenWindow, Instant>comparing(w -> w.startsAt)
            .thenComparingLong(w -> w.id);

    private record LaneKey(String specialty, String language, ZoneId zone) {
    }

    /** The windows fitting one kind of entry, with a pointer past the full ones. */
    private final class Lane {
        final List<OpenWindow> windows;
        final Reason whenEmpty;
        int next;
        int generation;

        Lane(List<OpenWindow> windows, Reason whenEmpty) {
            this.windows = windows;
            this.whenEmpty = whenEmpty;
        }

        /** The earliest window with a free seat that this entry was not offered before; null if none. */
        OpenWindow firstFreeFor(QueuedEntry entry) {
            if (generation != seatsGeneration) {
                // seats came back (a retried chunk): full windows before the pointer may be free again
                next = 0;
                generation = seatsGeneration;
            }
            while (next < windows.size() && windows.get(next).free <= 0) {
                next++;
            }
            for (int i = next; i < windows.size(); i++) {
                OpenWindow window = windows.get(i);
                if (window.free > 0 && !entry.wasOffered(window.id)) {
                    return window;
                }
            }
            return null;
        }

        Reason whyNone() {
            if (windows.isEmpty()) {
                return whenEmpty;
            }
            return next < windows.size() ? Reason.ALREADY_OFFERED : Reason.ALL_FULL;
        }
    }

    private final Map<String, List<OpenWindow>> bySpecialty = new HashMap<>();
    private final Map<Long, OpenWindow> byId = new HashMap<>();
    private final Map<LaneKey, Lane> lanes = new HashMap<>();
    private final Instant earliestStart;
    private int seatsGeneration;

    /** @param earliestStart windows starting before it are too soon to offer; they only explain a reason */
    SeatPlan(List<OpenWindow> windows, Instant earliestStart) {
        this.earliestStart = earliestStart;
        for (OpenWindow window : windows) {
            bySpecialty.computeIfAbsent(window.specialty, s -> new ArrayList<>()).add(window);
            if (hasNotice(window)) {
                // only these can be seated, so only their free seats need reloading
                byId.put(window.id, window);
            }
        }
        bySpecialty.values().forEach(list -> list.sort(EARLIEST_FIRST));
    }

    /**
     * The OPEN windows not yet started at {@code runAt}, with their free seats counted as a run at
     * {@code runAt} sees them: a hold past its deadline counts as free (a dry run has not released it,
     * but the real run would have). Those starting before {@code earliestStart} are never offered; a
     * window already begun is not loaded at all, as it is no longer on offer whatever the notice.
     */
    static SeatPlan load(JdbcClient jdbc, Instant earliestStart, Instant runAt) {
        return new SeatPlan(jdbc.sql("""
                select w.id, w.starts_at, w.ends_at, w.specialty, w.languages, w.interpreter_available,
                       w.capacity - coalesce(taken.seats, 0) as free
                from consultation_window w
                left join (select window_id, count(*) as seats from window_allocation a
                           where """ + AllocationQueueReader.HOLDS_SEAT + """
                           group by window_id) taken on taken.window_id = w.id
                where w.status = 'OPEN' and w.starts_at >= :runAt""")
                .param("runAt", OffsetDateTime.ofInstant(runAt, ZoneOffset.UTC))
                .query((rs, n) -> new OpenWindow(rs.getLong("id"), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends_at", OffsetDateTime.class).toInstant(), rs.getString("specialty"),
                        primaryLanguages((String[]) rs.getArray("languages").getArray()),
                        rs.getBoolean("interpreter_available"), rs.getInt("free")))
                .list(), earliestStart);
    }

    /** Takes a seat for the entry in the earliest fitting window of any of its specialties. */
    Decision decide(QueuedEntry entry) {
        OpenWindow best = null;
        Reason reason = Reason.NO_WINDOW_FOR_SPECIALTY;
        for (String specialty : entry.specialties()) {
            Lane lane = lane(specialty, entry.language(), entry.zone());
            OpenWindow window = lane.firstFreeFor(entry);
            if (window == null) {
                Reason why = lane.whyNone();
                reason = why.compareTo(reason) > 0 ? why : reason;
            }
            else if (best == null || EARLIEST_FIRST.compare(window, best) < 0) {
                best = window;
            }
        }
        if (best == null) {
            return new Decision(entry, null, reason);
        }
        best.free--;
        return new Decision(entry, best, null);
    }

    /** A seat taken in memory was not written after all (someone else got there first). */
    void giveBack(OpenWindow window) {
        if (window.free++ == 0) {
            seatsGeneration++;
        }
    }

    /** Free seats as the database has them now (after another run or an override took some). */
    void reload(JdbcClient jdbc, Instant runAt) {
        Set<Long> ids = new HashSet<>(byId.keySet());
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("select w.id, w.capacity - (select count(*) from window_allocation a where a.window_id = w.id and "
                + AllocationQueueReader.HOLDS_SEAT + ") as free from consultation_window w where w.id in (:ids)")
                .param("ids", ids).param("runAt", OffsetDateTime.ofInstant(runAt, ZoneOffset.UTC))
                .query((rs, n) -> {
                    byId.get(rs.getLong("id")).free = rs.getInt("free");
                    return null;
                }).list();
        seatsGeneration++;
    }

    private Lane lane(String specialty, String language, ZoneId zone) {
        return lanes.computeIfAbsent(new LaneKey(specialty, language, zone), key -> {
            List<OpenWindow> ofSpecialty = bySpecialty.getOrDefault(specialty, List.of());
            if (ofSpecialty.isEmpty()) {
                return new Lane(List.of(), Reason.NO_WINDOW_FOR_SPECIALTY);
            }
            List<OpenWindow> speaking = ofSpecialty.stream().filter(w -> w.speaks(language)).toList();
            if (speaking.isEmpty()) {
                return new Lane(List.of(), Reason.NO_WINDOW_FOR_LANGUAGE);
            }
            List<OpenWindow> withNotice = speaking.stream().filter(this::hasNotice).toList();
            if (withNotice.isEmpty()) {
                return new Lane(List.of(), Reason.NO_WINDOW_WITH_ENOUGH_NOTICE);
            }
            List<OpenWindow> fitting = withNotice.stream().filter(w -> w.atReasonableHourIn(zone)).toList();
            return new Lane(fitting, Reason.NO_REASONABLE_HOUR);
        });
    }

    private boolean hasNotice(OpenWindow window) {
        return !window.startsAt.isBefore(earliestStart);
    }

    private static Set<String> primaryLanguages(String[] tags) {
        Set<String> languages = new HashSet<>();
        for (String tag : tags) {
            String primary = WindowRules.primaryLanguage(tag);
            if (primary != null) {
                languages.add(primary);
            }
        }
        return languages;
    }
}
