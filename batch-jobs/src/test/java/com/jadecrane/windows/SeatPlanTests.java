package com.jadecrane.windows;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.jadecrane.windows.SeatPlan.OpenWindow;
import com.jadecrane.windows.SeatPlan.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/** The matching rules in memory, without a database: hours at the edges, zones, reasons. */
class SeatPlanTests {

    /** The earliest start a run may offer; the windows below start after it unless a test says otherwise. */
    static final Instant RUN_NOTICE_ENDS = Instant.parse("2027-01-13T00:00:00Z");

    @Test
    void aWindowMustLieWithin0800To2100OfOneLocalDay() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(window("2027-01-15T00:00:00Z", "2027-01-15T13:00:00Z").atReasonableHourIn(shanghai)).as("08:00-21:00").isTrue();
        assertThat(window("2027-01-14T23:59:00Z", "2027-01-15T01:00:00Z").atReasonableHourIn(shanghai)).as("07:59").isFalse();
        assertThat(window("2027-01-15T12:00:00Z", "2027-01-15T13:01:00Z").atReasonableHourIn(shanghai)).as("ends 21:01").isFalse();
        assertThat(window("2027-01-15T12:00:00Z", "2027-01-16T01:00:00Z").atReasonableHourIn(shanghai)).as("overnight").isFalse();
    }

    /** New York leaves daylight saving on 7 November 2027: 01:30 UTC is 21:30 before and 20:30 after. */
    @Test
    void theNovemberChangeMovesTheLocalHour() {
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(window("2027-11-05T00:30:00Z", "2027-11-05T01:30:00Z").atReasonableHourIn(newYork)).as("EDT 20:30-21:30").isFalse();
        assertThat(window("2027-11-09T00:30:00Z", "2027-11-09T01:30:00Z").atReasonableHourIn(newYork)).as("EST 19:30-20:30").isTrue();
    }

    @Test
    void anEntryWithSeveralSpecialtiesTakesTheEarliestOfThemAndReportsItsMostPromisingReason() {
        OpenWindow cardiology = new OpenWindow(1, Instant.parse("2027-01-20T02:00:00Z"), Instant.parse("2027-01-20T03:00:00Z"),
                "cardiology", Set.of("en"), false, 1);
        OpenWindow oncology = new OpenWindow(2, Instant.parse("2027-01-18T02:00:00Z"), Instant.parse("2027-01-18T03:00:00Z"),
                "oncology", Set.of("en"), false, 1);
        SeatPlan plan = new SeatPlan(List.of(cardiology, oncology), RUN_NOTICE_ENDS);
        ZoneId zone = ZoneId.of("Asia/Shanghai");

        assertThat(plan.decide(entry(1, zone, "en", "cardiology", "oncology")).window()).isSameAs(oncology);
        assertThat(plan.decide(entry(2, zone, "en", "oncology", "cardiology")).window()).isSameAs(cardiology);
        assertThat(plan.decide(entry(3, zone, "en", "neurology", "oncology")).reason()).isEqualTo(Reason.ALL_FULL);
        assertThat(plan.decide(entry(4, zone, "fr", "oncology")).reason()).isEqualTo(Reason.NO_WINDOW_FOR_LANGUAGE);
        assertThat(plan.decide(entry(5, ZoneId.of("Europe/London"), "en", "oncology")).reason())
                .isEqualTo(Reason.NO_REASONABLE_HOUR);
        assertThat(plan.decide(entry(6, zone, "en", "neurology")).reason()).isEqualTo(Reason.NO_WINDOW_FOR_SPECIALTY);
    }

    @Test
    void aSeatGivenBackIsOfferedAgainEvenAfterTheLaneMovedPastIt() {
        OpenWindow only = new OpenWindow(1, Instant.parse("2027-01-20T02:00:00Z"), Instant.parse("2027-01-20T03:00:00Z"),
                "oncology", Set.of("en"), false, 1);
        SeatPlan plan = new SeatPlan(List.of(only), RUN_NOTICE_ENDS);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        assertThat(plan.decide(entry(1, zone, "en", "oncology")).window()).isSameAs(only);
        assertThat(plan.decide(entry(2, zone, "en", "oncology")).reason()).isEqualTo(Reason.ALL_FULL);

        plan.giveBack(only);

        assertThat(plan.decide(entry(3, zone, "en", "oncology")).window()).isSameAs(only);
    }

    /**
     * Too soon ranks between language and hour: a window too soon in the person's language beats having
     * none in it, and a later one at an unreasonable hour beats having none later at all.
     */
    @Test
    void windowsStartingWithinTheNoticeAreNeverOfferedButExplainTheReason() {
        OpenWindow tooSoon = new OpenWindow(1, Instant.parse("2027-01-12T02:00:00Z"), Instant.parse("2027-01-12T03:00:00Z"),
                "oncology", Set.of("en"), false, 5);
        OpenWindow laterAtNight = new OpenWindow(2, Instant.parse("2027-01-20T16:00:00Z"),
                Instant.parse("2027-01-20T17:00:00Z"), "cardiology", Set.of("en"), false, 5);
        OpenWindow cardiologySoon = new OpenWindow(3, Instant.parse("2027-01-12T02:00:00Z"),
                Instant.parse("2027-01-12T03:00:00Z"), "cardiology", Set.of("en"), false, 5);
        SeatPlan plan = new SeatPlan(List.of(tooSoon, laterAtNight, cardiologySoon), RUN_NOTICE_ENDS);
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");

        assertThat(plan.decide(entry(1, shanghai, "en", "oncology")).reason()).isEqualTo(Reason.NO_WINDOW_WITH_ENOUGH_NOTICE);
        assertThat(plan.decide(entry(2, shanghai, "fr", "oncology")).reason()).isEqualTo(Reason.NO_WINDOW_FOR_LANGUAGE);
        assertThat(plan.decide(entry(3, shanghai, "en", "oncology", "neurology")).reason())
                .isEqualTo(Reason.NO_WINDOW_WITH_ENOUGH_NOTICE);
        assertThat(plan.decide(entry(4, shanghai, "en", "cardiology")).reason()).as("00:00 in Shanghai")
                .isEqualTo(Reason.NO_REASONABLE_HOUR);
        assertThat(plan.decide(entry(5, shanghai, "en", "oncology", "cardiology")).reason())
                .isEqualTo(Reason.NO_REASONABLE_HOUR);
        assertThat(tooSoon.free).as("no seat taken in a window too soon").isEqualTo(5);
        assertThat(cardiologySoon.free).isEqualTo(5);
    }

    private static OpenWindow window(String start, String end) {
        return new OpenWindow(1, Instant.parse(start), Instant.parse(end), "oncology", Set.of("en"), false, 1);
    }

    private static QueuedEntry entry(long id, ZoneId zone, String language, String... specialties) {
        return new QueuedEntry(id, Instant.EPOCH.plusSeconds(id), specialties, language, zone, new long[0]);
    }
}
