package com.jadecrane.windows;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.jadecrane.system.FieldProblem;
import com.jadecrane.system.InvalidInputException;
import com.jadecrane.system.ResourceNotFoundException;
import com.jadecrane.system.StaleVersionException;
import com.jadecrane.windows.WindowForms.SeriesForm;
import com.jadecrane.windows.WindowForms.WindowForm;
import com.jadecrane.windows.WindowRules.Normalized;

/**
 * Creating and changing windows. Seats are not touched here: {@code seats_taken} follows the
 * allocations (database triggers), and the database refuses a capacity below it.
 */
@Service
class WindowCatalogue {

    /** A series longer than this is almost certainly a typing mistake (a year of every day is 366). */
    static final int MAX_SERIES_WINDOWS = 400;

    private static final String INSERT = """
            insert into consultation_window (series_id, starts_at, ends_at, time_zone, specialty, languages,
                interpreter_available, capacity, hospital_id, coordinator, status)
            values (:seriesId, :startsAt, :endsAt, :timeZone, :specialty, cast(:languages as text[]),
                :interpreter, :capacity, :hospitalId, :coordinator, :status)
            returning id""";

    private final JdbcClient jdbc;
    private final WindowRules rules;
    private final ApplicationEventPublisher events;

    WindowCatalogue(JdbcClient jdbc, WindowRules rules, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.events = events;
    }

    @Transactional
    long create(WindowForm form, String username) {
        List<FieldProblem> problems = new ArrayList<>();
        Normalized common = rules.check(form, problems);
        if (!form.endsAt().isAfter(form.startsAt())) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt"));
        }
        refuse(problems);
        long id = insert(null, form.startsAt().toInstant(), form.endsAt().toInstant(), form, common);
        events.publishEvent(new WindowCreated(id, null, form.startsAt().toInstant(), form.specialty(), form.capacity(),
                common.status(), username));
        return id;
    }

    /** Every occurrence of the series, each on the wall clock of the series' zone (DST-correct). */
    @Transactional
    long createSeries(SeriesForm form, String username) {
        List<FieldProblem> problems = new ArrayList<>();
        Normalized common = rules.check(form, problems);
        if (!form.endTime().isAfter(form.startTime())) {
            problems.add(new FieldProblem("endTime", "must be after startTime (a window ends on the day it starts)"));
        }
        LocalDate lastDay = lastDay(form, problems);
        List<ZonedDateTime> starts = new ArrayList<>();
        if (problems.isEmpty()) {
            Set<DayOfWeek> days = new TreeSet<>(form.daysOfWeek());
            for (LocalDate day = form.startDate(); !day.isAfter(lastDay); day = day.plusDays(1)) {
                if (days.contains(day.getDayOfWeek())) {
                    starts.add(ZonedDateTime.of(day, form.startTime(), common.zone()));
                }
            }
            if (starts.isEmpty()) {
                problems.add(new FieldProblem("daysOfWeek", "none of these days falls between startDate and the end"));
            }
            else if (starts.size() > MAX_SERIES_WINDOWS) {
                problems.add(new FieldProblem("endDate", "makes " + starts.size() + " windows; at most "
                        + MAX_SERIES_WINDOWS + " per series"));
            }
        }
        refuse(problems);
        String description = describe(form, common, lastDay);
        long seriesId = jdbc.sql("insert into window_series (description, created_by) values (?, ?) returning id")
                .params(description, username).query(Long.class).single();
        for (ZonedDateTime start : starts) {
            // the end is read on the wall clock of the same day, so a DST change between start and end is honoured
            Instant end = ZonedDateTime.of(start.toLocalDate(), form.endTime(), common.zone()).toInstant();
            insert(seriesId, start.toInstant(), end, form, common);
        }
        events.publishEvent(new WindowSeriesCreated(seriesId, starts.size(), description, username));
        return seriesId;
    }

    @Transactional
    void update(long id, WindowForm form, String username) {
        List<FieldProblem> problems = new ArrayList<>();
        Normalized common = rules.check(form, problems);
        if (!form.endsAt().isAfter(form.startsAt())) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt"));
        }
        if (form.version() == null) {
            problems.add(new FieldProblem("version", "is required: send the version you last read"));
        }
        Map<String, Object> current = lock(id);
        int seatsTaken = (Integer) current.get("seats_taken");
        if (form.capacity() != null && form.capacity() < seatsTaken) {
            problems.add(new FieldProblem("capacity", "must be at least the " + seatsTaken + " seats already taken"));
        }
        refuse(problems);
        int version = (Integer) current.get("version");
        if (version != form.version()) {
            throw new StaleVersionException("Window", id, version);
        }
        jdbc.sql("""
                update consultation_window set starts_at = :startsAt, ends_at = :endsAt, time_zone = :timeZone,
                    specialty = :specialty, languages = cast(:languages as text[]), interpreter_available = :interpreter,
                    capacity = :capacity, hospital_id = :hospitalId, coordinator = :coordinator, status = :status,
                    version = version + 1, updated_at = now()
                where id = :id""")
                .param("startsAt", form.startsAt()).param("endsAt", form.endsAt())
                .param("timeZone", common.zone().getId()).param("specialty", form.specialty())
                .param("languages", common.languageArray()).param("interpreter", common.interpreterAvailable())
                .param("capacity", form.capacity()).param("hospitalId", form.hospitalId())
                .param("coordinator", common.coordinator()).param("status", common.status()).param("id", id).update();
        events.publishEvent(new WindowUpdated(id, version + 1, username));
    }

    /** Opens or closes a window; closing keeps the seats already given (release them one by one if needed). */
    @Transactional
    void changeStatus(long id, String status, String username) {
        Map<String, Object> current = lock(id);
        String from = (String) current.get("status");
        if (from.equals(status)) {
            return;
        }
        jdbc.sql("update consultation_window set status = ?, version = version + 1, updated_at = now() where id = ?")
                .params(status, id).update();
        events.publishEvent(new WindowStatusChanged(id, from, status, username));
    }

    private Map<String, Object> lock(long id) {
        return jdbc.sql("select version, seats_taken, status from consultation_window where id = ? for update").param(id)
                .query().listOfRows().stream().findFirst().orElseThrow(() -> new ResourceNotFoundException("Window", id));
    }

    private long insert(Long seriesId, Instant startsAt, Instant endsAt, WindowForms.Common form, Normalized common) {
        return jdbc.sql(INSERT).param("seriesId", seriesId)
                .param("startsAt", startsAt.atOffset(ZoneOffset.UTC)).param("endsAt", endsAt.atOffset(ZoneOffset.UTC))
                .param("timeZone", common.zone().getId()).param("specialty", form.specialty())
                .param("languages", common.languageArray()).param("interpreter", common.interpreterAvailable())
                .param("capacity", form.capacity()).param("hospitalId", form.hospitalId())
                .param("coordinator", common.coordinator()).param("status", common.status())
                .query(Long.class).single();
    }

    private static LocalDate lastDay(SeriesForm form, List<FieldProblem> problems) {
        if ((form.endDate() == null) == (form.weeks() == null)) {
            problems.add(new FieldProblem("endDate", "give either endDate or weeks"));
            return form.startDate();
        }
        if (form.weeks() != null) {
            return form.startDate().plusWeeks(form.weeks()).minusDays(1);
        }
        if (form.endDate().isBefore(form.startDate())) {
            problems.add(new FieldProblem("endDate", "must not be before startDate"));
        }
        return form.endDate();
    }

    private static String describe(SeriesForm form, Normalized common, LocalDate lastDay) {
        String days = new TreeSet<>(form.daysOfWeek()).stream().map(DayOfWeek::name).collect(Collectors.joining(", "));
        return days + " " + form.startTime() + "-" + form.endTime() + " " + common.zone().getId() + ", "
                + form.startDate() + " to " + lastDay;
    }

    private static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
