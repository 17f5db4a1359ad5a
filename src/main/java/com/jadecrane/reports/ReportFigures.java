package com.jadecrane.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every figure of the funnel workbook and the dashboard, each computed by one query here, so the
 * Monday file and the screen never disagree. Aggregates only: nothing here names a person.
 * Instants are half-open ({@code from <= t < until}); weeks start on Monday in the reports' zone.
 */
@Service
class ReportFigures {

    /**
     * How many people made the sign-ups {@code s} for which {@code condition} holds: a filed sign-up's
     * person is its entry (a person's merge moves the sign-ups to the entry kept, so a filed sign-up
     * never points at a merged entry), an unfiled one's its identity key. Counted on the sign-ups
     * alone, by number rather than by a text key per row: over a million sign-ups, joining each to its
     * entry and sorting 'e:123' strings made the dashboard take seconds.
     */
    private static String people(String condition) {
        return ("(count(distinct s.entry_id) filter (where %1$s)"
                + " + count(distinct s.identity_key) filter (where s.entry_id is null and %1$s))").formatted(condition);
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;

    ReportFigures(JdbcClient jdbc, ReportsProperties properties) {
        this.jdbc = jdbc;
        this.zone = properties.zone();
    }

    ZoneId zone() {
        return zone;
    }

    Funnel funnel(OffsetDateTime from, OffsetDateTime until) {
        return jdbc.sql("""
                select signups.total as signups, signups.people as unique_people,
                  (select count(*) from waitlist_merge
                     where merged_at >= :from and merged_at < :until and undone_at is null) as duplicates_merged,
                  (select count(*) from window_allocation where allocated_at >= :from and allocated_at < :until) as allocated,
                  invitations.*
                from (select count(*) as total, %s as people from waitlist_signup s
                      where s.received_at >= :from and s.received_at < :until) signups,
                     -- one pass over the invitations for all of their figures
                     (select count(*) filter (where sent_at >= :from and sent_at < :until) as invited,
                             count(*) filter (where delivered_at >= :from and delivered_at < :until) as delivered,
                             count(*) filter (where response = 'ACCEPTED' and responded_at >= :from and responded_at < :until) as accepted,
                             count(*) filter (where response = 'DECLINED' and responded_at >= :from and responded_at < :until) as declined,
                             count(*) filter (where response = 'EXPIRED' and responded_at >= :from and responded_at < :until) as expired,
                             count(*) filter (where bounced_at >= :from and bounced_at < :until) as bounced,
                             count(*) filter (where unsubscribed_at >= :from and unsubscribed_at < :until) as unsubscribed
                      from invitation) invitations
                """.formatted(people("true")))
                .param("from", from).param("until", until)
                .query((rs, n) -> new Funnel(rs.getLong("signups"), rs.getLong("unique_people"),
                        rs.getLong("duplicates_merged"), rs.getLong("allocated"), rs.getLong("invited"),
                        rs.getLong("delivered"), rs.getLong("accepted"), rs.getLong("declined"), rs.getLong("expired"),
                        rs.getLong("bounced"), rs.getLong("unsubscribed")))
                .single();
    }

    Funnel funnelAllTime() {
        return funnel(ReportPeriod.BEGINNING, ReportPeriod.END_OF_TIME);
    }

    /** Sign-ups per week for {@code weeks} weeks from the week of {@code firstWeek}, empty weeks as 0. */
    List<WeeklySignups> signupsByWeek(LocalDate firstWeek, int weeks) {
        return byWeek(firstWeek, weeks, """
                signups as (
                    select cast(date_trunc('week', s.received_at at time zone :zone) as date) as week_start,
                           count(*) as signups, %s as people
                    from waitlist_signup s
                    where s.received_at >= :from and s.received_at < :until
                    group by 1)
                select w.week_start, coalesce(s.signups, 0) as signups, coalesce(s.people, 0) as people
                from weeks w left join signups s on s.week_start = w.week_start
                order by w.week_start""".formatted(people("true")))
                .query((rs, n) -> new WeeklySignups(rs.getObject("week_start", LocalDate.class), rs.getLong("signups"),
                        rs.getLong("people")))
                .list();
    }

    /** Sign-ups by one of their attributes: in the period (and how many people) and all time. */
    List<Breakdown> breakdown(Dimension dimension, OffsetDateTime from, OffsetDateTime until) {
        return jdbc.sql("""
                select coalesce(cast(s.%s as text), '(not given)') as value,
                       count(*) filter (where s.received_at >= :from and s.received_at < :until) as period_signups,
                       %s as period_people,
                       count(*) as all_signups
                from waitlist_signup s
                group by 1 order by period_signups desc, all_signups desc, value""".formatted(dimension.column,
                        people("s.received_at >= :from and s.received_at < :until")))
                .param("from", from).param("until", until)
                .query((rs, n) -> new Breakdown(rs.getString("value"), rs.getLong("period_signups"),
                        rs.getLong("period_people"), rs.getLong("all_signups")))
                .list();
    }

    /** Windows starting in the span, with their seats: taken (held or confirmed), accepted, given back. */
    List<WindowUse> windows(OffsetDateTime from, OffsetDateTime until) {
        return jdbc.sql("""
                select w.id, w.starts_at, w.time_zone, w.specialty, w.status, w.hospital_id, h.name as hospital,
                       w.capacity, w.seats_taken,
                       count(a.id) filter (where a.status = 'CONFIRMED') as accepted,
                       count(a.id) filter (where a.status = 'HELD') as held,
                       count(a.id) filter (where a.status = 'DECLINED') as declined,
                       count(a.id) filter (where a.status = 'EXPIRED') as expired
                from consultation_window w
                left join window_allocation a on a.window_id = w.id
                left join hospital h on h.id = w.hospital_id
                where w.starts_at >= :from and w.starts_at < :until
                group by w.id, h.name order by w.starts_at, w.id""")
                .param("from", from).param("until", until)
                .query((rs, n) -> new WindowUse(rs.getLong("id"), rs.getObject("starts_at", OffsetDateTime.class),
                        rs.getString("time_zone"), rs.getString("specialty"), rs.getString("status"),
                        rs.getObject("hospital_id", Long.class), rs.getString("hospital"), rs.getInt("capacity"),
                        rs.getInt("seats_taken"), rs.getLong("accepted"), rs.getLong("held"), rs.getLong("declined"),
                        rs.getLong("expired")))
                .list();
    }

    /** Seats offered (windows OPEN or CLOSED, not drafts) per week of the windows' start, empty weeks as 0. */
    List<WeeklyUtilization> windowUtilizationByWeek(LocalDate firstWeek, int weeks) {
        return byWeek(firstWeek, weeks, """
                offered as (
                    select cast(date_trunc('week', w.starts_at at time zone :zone) as date) as week_start,
                           sum(w.capacity) as seats, sum(w.seats_taken) as taken,
                           sum((select count(*) from window_allocation a where a.window_id = w.id and a.status = 'CONFIRMED'))
                               as accepted
                    from consultation_window w
                    where w.status <> 'DRAFT' and w.starts_at >= :from and w.starts_at < :until
                    group by 1)
                select w.week_start, coalesce(o.seats, 0) as seats, coalesce(o.taken, 0) as taken,
                       coalesce(o.accepted, 0) as accepted
                from weeks w left join offered o on o.week_start = w.week_start
                order by w.week_start""")
                .query((rs, n) -> new WeeklyUtilization(rs.getObject("week_start", LocalDate.class), rs.getLong("seats"),
                        rs.getLong("taken"), rs.getLong("accepted")))
                .list();
    }

    /** Invitations created in the span by ledger status (PENDING ... SENT, FAILED, SUPPRESSED). */
    List<Count> invitationsByStatus(OffsetDateTime from, OffsetDateTime until) {
        return counts("select status, count(*) from invitation where created_at >= :from and created_at < :until"
                + " group by 1 order by 1", from, until);
    }

    /** Invitations created in the span by their latest delivery event (delivered, bounce, ...). */
    List<Count> invitationsByDelivery(OffsetDateTime from, OffsetDateTime until) {
        return counts("select coalesce(delivery, '(no event yet)'), count(*) from invitation"
                + " where created_at >= :from and created_at < :until group by 1 order by 1", from, until);
    }

    List<Count> guidesByStatus() {
        return counts("select status, count(*) from guide group by 1 order by 1", null, null);
    }

    List<Count> hospitalsByStatus() {
        return counts("select status, count(*) from hospital group by 1 order by 1", null, null);
    }

    /** Guides not archived whose next medical review is due on or before {@code by} (overdue ones first). */
    List<GuideDue> guidesDueForReview(LocalDate by) {
        return jdbc.sql("""
                select id, slug, content ->> 'title' as title, status,
                       cast(content -> 'medicalReview' ->> 'nextReviewDue' as date) as review_due
                from guide
                where status <> 'ARCHIVED' and cast(content -> 'medicalReview' ->> 'nextReviewDue' as date) <= :by
                order by review_due, id""")
                .param("by", by)
                .query((rs, n) -> new GuideDue(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getString("status"), rs.getObject("review_due", LocalDate.class)))
                .list();
    }

    /** VERIFIED hospitals whose current verification expires on or before {@code by}. */
    List<HospitalDue> hospitalsDueForReverification(LocalDate by) {
        return jdbc.sql("""
                select h.id, h.slug, h.name, h.status, v.expires_on
                from hospital h join hospital_verification v on v.id = h.latest_verification_id
                where h.status = 'VERIFIED' and v.expires_on <= :by
                order by v.expires_on, h.id""")
                .param("by", by)
                .query((rs, n) -> new HospitalDue(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        rs.getString("status"), rs.getObject("expires_on", LocalDate.class)))
                .list();
    }

    /**
     * A query over {@code weeks} Monday weeks from the week of {@code firstWeek}: {@code query}
     * follows a {@code weeks(week_start)} table and may use {@code :zone}, {@code :from} and
     * {@code :until} (the first instant of the first week and after the last).
     */
    private JdbcClient.StatementSpec byWeek(LocalDate firstWeek, int weeks, String query) {
        LocalDate first = ReportPeriod.weekStart(firstWeek);
        return jdbc.sql("""
                with weeks as (
                    select cast(g as date) as week_start
                    from generate_series(cast(:first as date), cast(:last as date), interval '7 day') g),
                """ + query)
                .param("first", first).param("last", first.plusWeeks(weeks - 1L)).param("zone", zone.getId())
                .param("from", first.atStartOfDay(zone).toOffsetDateTime())
                .param("until", first.plusWeeks(weeks).atStartOfDay(zone).toOffsetDateTime());
    }

    private List<Count> counts(String sql, OffsetDateTime from, OffsetDateTime until) {
        var statement = jdbc.sql(sql);
        if (from != null) {
            statement = statement.param("from", from).param("until", until);
        }
        return statement.query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
    }

    /** The sign-up attributes the workbook breaks down by (columns, never typed by a client). */
    enum Dimension {
        SPECIALTY("specialty"), COUNTRY("country"), LANGUAGE("preferred_language"), SOURCE_PAGE("source_page");

        private final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    record Funnel(long signups, long uniquePeople, long duplicatesMerged, long allocated, long invited, long delivered,
            long accepted, long declined, long expired, long bounced, long unsubscribed) {

        /** The figures' names in the order of {@link #values()}. */
        static final List<String> LABELS = List.of("Sign-ups", "Unique people", "Duplicates merged", "Allocated",
                "Invited", "Delivered", "Accepted", "Declined", "Expired", "Bounced", "Unsubscribed");

        List<Long> values() {
            return List.of(signups, uniquePeople, duplicatesMerged, allocated, invited, delivered, accepted, declined,
                    expired, bounced, unsubscribed);
        }
    }

    record WeeklySignups(LocalDate weekStart, long signups, long uniquePeople) {
    }

    record Breakdown(String value, long periodSignups, long periodPeople, long allSignups) {
    }

    record WindowUse(long windowId, OffsetDateTime startsAt, String timeZone, String specialty, String status,
            Long hospitalId, String hospitalName, int seats, int taken, long accepted, long held, long declined,
            long expired) {
    }

    record WeeklyUtilization(LocalDate weekStart, long seats, long taken, long accepted) {
    }

    record Count(String status, long count) {
    }

    record GuideDue(long id, String slug, String title, String status, LocalDate reviewDue) {
    }

    record HospitalDue(long id, String slug, String name, String status, LocalDate verificationExpires) {
    }
}
