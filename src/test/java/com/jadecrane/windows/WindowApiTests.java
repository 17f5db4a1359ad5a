package com.jadecrane.windows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.hospitals.HospitalFixtures;
import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class WindowApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WindowTestData data;
    String specialty;

    @BeforeEach
    void data() {
        data = new WindowTestData(jdbc);
        specialty = data.specialty();
    }

    @Test
    void everyEndpointIsForOpsAndAdminOnly() {
        long window = data.window(Instant.parse("2027-05-04T01:00:00Z"), Instant.parse("2027-05-04T04:00:00Z"), specialty, 2,
                false, "en");
        long entry = data.entry(Instant.parse("2026-01-01T00:00:00Z"), "en", "Asia/Shanghai", specialty);
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        long allocation = ((Number) ops.post("/api/windows/" + window + "/allocations",
                Json.object("entryId", entry, "reason", "role test")).json("$.id")).longValue();
        String windowBody = windowBody("2027-05-05T09:00:00+08:00", "2027-05-05T12:00:00+08:00", 2);
        String seriesBody = Json.write(seriesBody(Map.of("weeks", 1)));
        List<String[]> calls = List.of(
                new String[] { "GET", "/api/windows", null },
                new String[] { "GET", "/api/windows/" + window, null },
                new String[] { "POST", "/api/windows", windowBody },
                new String[] { "PUT", "/api/windows/" + window, windowBody },
                new String[] { "POST", "/api/windows/" + window + "/open", "{}" },
                new String[] { "POST", "/api/windows/" + window + "/close", "{}" },
                new String[] { "POST", "/api/windows/series", seriesBody },
                new String[] { "POST", "/api/windows/" + window + "/allocations", Json.object("entryId", entry, "reason", "x") },
                new String[] { "GET", "/api/allocations?entryId=" + entry, null },
                new String[] { "GET", "/api/allocations/" + allocation, null },
                new String[] { "POST", "/api/allocations/" + allocation + "/release", Json.object("reason", "x") },
                new String[] { "GET", "/api/allocation-runs", null },
                new String[] { "GET", "/api/allocation-runs/1", null },
                new String[] { "GET", "/api/allocation-runs/1/outcomes", null });
        ApiClient anonymous = new ApiClient(port);
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        ApiClient leadership = TestUsers.signedIn(port, "LEADERSHIP");
        for (String[] call : calls) {
            assertThat(send(anonymous, call).status()).as("anonymous " + call[0] + " " + call[1]).isEqualTo(401);
            assertThat(send(editor, call).status()).as("EDITOR " + call[0] + " " + call[1]).isEqualTo(403);
            assertThat(send(leadership, call).status()).as("LEADERSHIP " + call[0] + " " + call[1]).isEqualTo(403);
        }
        ApiClient admin = TestUsers.admin(port);
        for (ApiClient allowed : List.of(ops, admin)) {
            assertThat(allowed.get("/api/windows").status()).isEqualTo(200);
            assertThat(allowed.get("/api/windows/" + window).status()).isEqualTo(200);
            assertThat(allowed.get("/api/allocations/" + allocation).status()).isEqualTo(200);
            assertThat(allowed.get("/api/allocations?entryId=" + entry).status()).isEqualTo(200);
            assertThat(allowed.get("/api/allocation-runs").status()).isEqualTo(200);
            assertThat(allowed.post("/api/windows", windowBody).status()).isEqualTo(201);
            assertThat(allowed.post("/api/windows/series", seriesBody).status()).isEqualTo(201);
            assertThat(allowed.post("/api/windows/" + window + "/close", "{}").status()).isEqualTo(200);
            assertThat(allowed.post("/api/windows/" + window + "/open", "{}").status()).isEqualTo(200);
        }
    }

    @Test
    void aWindowIsCreatedShownWithItsSeatsAndTimesInItsOwnZone() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");

        ApiClient.Response created = ops.post("/api/windows", Json.object("startsAt", "2027-05-04T01:00:00Z",
                "endsAt", "2027-05-04T04:00:00Z", "specialty", specialty, "languages", List.of("en", "zh-hans-cn"),
                "interpreterAvailable", true, "capacity", 5, "coordinator", " Li Wei ", "status", "OPEN"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/api/windows/"));
        assertThat((String) created.json("$.startsAt")).isEqualTo("2027-05-04T09:00:00+08:00");
        assertThat((String) created.json("$.endsAt")).isEqualTo("2027-05-04T12:00:00+08:00");
        assertThat((String) created.json("$.timeZone")).isEqualTo("Asia/Shanghai");
        assertThat((List<String>) created.json("$.languages")).containsExactly("en", "zh-Hans-CN");
        assertThat((Integer) created.json("$.seatsTaken")).isZero();
        assertThat((Integer) created.json("$.seatsFree")).isEqualTo(5);
        assertThat((String) created.json("$.coordinator")).isEqualTo("Li Wei");
        assertThat((String) created.json("$.status")).isEqualTo("OPEN");
        assertThat((List<?>) created.json("$.allocations")).isEmpty();
    }

    @Test
    void aWindowMayOnlyNameACurrentlyVerifiedHospital() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        long verified = HospitalFixtures.verified(editor, HospitalFixtures.uniqueSlug("window-verified"));
        long unverified = HospitalFixtures.id(HospitalFixtures.create(editor, HospitalFixtures.uniqueSlug("window-unverified")));
        ApiClient ops = TestUsers.signedIn(port, "OPS");

        for (long hospital : new long[] { unverified, 987_654_321L }) {
            ApiClient.Response refused = ops.post("/api/windows", Json.object("startsAt", "2027-05-04T01:00:00Z",
                    "endsAt", "2027-05-04T04:00:00Z", "specialty", specialty, "languages", List.of("en"), "capacity", 2,
                    "hospitalId", hospital));
            assertThat(refused.status()).isEqualTo(400);
            assertThat((List<String>) refused.json("$.errors[*].field")).containsExactly("hospitalId");
        }
        assertThat(ops.post("/api/windows", Json.object("startsAt", "2027-05-04T01:00:00Z", "endsAt", "2027-05-04T04:00:00Z",
                "specialty", specialty, "languages", List.of("en"), "capacity", 2, "hospitalId", verified)).status())
                .isEqualTo(201);
    }

    @Test
    void badWindowsGetA400NamingEachField() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");

        ApiClient.Response response = ops.post("/api/windows", Json.object("startsAt", "2027-05-04T04:00:00Z",
                "endsAt", "2027-05-04T01:00:00Z", "specialty", "no-such-specialty", "languages", List.of("en", "not a tag!"),
                "capacity", 5, "status", "PENDING", "timeZone", "Mars/Olympus"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat((List<String>) response.json("$.errors[*].field")).containsExactlyInAnyOrder("endsAt", "specialty",
                "languages[1]", "status", "timeZone");
        for (int capacity : new int[] { 0, 1001 }) {
            assertThat((List<String>) ops.post("/api/windows", windowBody("2027-05-04T09:00:00+08:00", "2027-05-04T10:00:00+08:00",
                    capacity)).json("$.errors[*].field")).containsExactly("capacity");
        }
        assertThat((List<String>) ops.post("/api/windows", Json.object("specialty", specialty, "capacity", 1))
                .json("$.errors[*].field")).containsExactlyInAnyOrder("startsAt", "endsAt");
        assertThat(ops.get("/api/windows?status=SOMETIMES").status()).isEqualTo(400);
    }

    @Test
    void aRecurringSeriesMakesEveryOccurrenceOnTheLocalWallClock() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");

        ApiClient.Response series = ops.post("/api/windows/series", Json.write(seriesBody(Map.of("weeks", 6))));

        assertThat(series.status()).isEqualTo(201);
        assertThat((Integer) series.json("$.windowCount")).isEqualTo(12);
        assertThat((List<String>) series.json("$.windows[*].startsAt")).first().isEqualTo("2027-05-04T09:00:00+08:00");
        assertThat((List<String>) series.json("$.windows[*].startsAt")).last().isEqualTo("2027-06-10T09:00:00+08:00");
        assertThat((List<String>) series.json("$.windows[*].endsAt")).allSatisfy(end -> assertThat(end).endsWith("T12:00:00+08:00"));
        assertThat((String) series.json("$.description")).isEqualTo("TUESDAY, THURSDAY 09:00-12:00 Asia/Shanghai, 2027-05-03 to 2027-06-13");
        long seriesId = ((Number) series.json("$.id")).longValue();
        ApiClient.Response listed = ops.get("/api/windows?seriesId=" + seriesId + "&size=5&sort=startsAt,desc");
        assertThat(listed.header("X-Total-Count")).hasValue("12");
        assertThat((List<String>) listed.json("$[*].startsAt")).hasSize(5).first().isEqualTo("2027-06-10T09:00:00+08:00");
    }

    /** New York moves its clocks on 14 March 2027: 09:00 local is 14:00 UTC before and 13:00 UTC after. */
    @Test
    void aSeriesAcrossADaylightSavingChangeKeepsTheLocalTime() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        Map<String, Object> body = seriesBody(Map.of("endDate", "2027-03-18"));
        body.put("startDate", "2027-03-08");
        body.put("timeZone", "America/New_York");
        body.put("daysOfWeek", List.of("MONDAY"));

        ApiClient.Response series = ops.post("/api/windows/series", Json.write(body));

        assertThat((List<String>) series.json("$.windows[*].startsAt")).containsExactly("2027-03-08T09:00:00-05:00",
                "2027-03-15T09:00:00-04:00");
        long first = ((Number) series.json("$.windows[0].id")).longValue();
        long second = ((Number) series.json("$.windows[1].id")).longValue();
        assertThat(utcHour(first)).isEqualTo(14);
        assertThat(utcHour(second)).isEqualTo(13);
    }

    @Test
    void badSeriesGetA400NamingEachField() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        Map<String, Object> both = seriesBody(Map.of("weeks", 2, "endDate", "2027-06-01"));
        both.put("endTime", "08:00");
        assertThat((List<String>) ops.post("/api/windows/series", Json.write(both)).json("$.errors[*].field"))
                .containsExactlyInAnyOrder("endDate", "endTime");
        Map<String, Object> tooLong = seriesBody(Map.of("endDate", "2029-06-01"));
        tooLong.put("daysOfWeek", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
        assertThat((List<String>) ops.post("/api/windows/series", Json.write(tooLong)).json("$.errors[*].field"))
                .containsExactly("endDate");
        Map<String, Object> badDay = seriesBody(Map.of("weeks", 1));
        badDay.put("daysOfWeek", List.of("FUNDAY"));
        assertThat((List<String>) ops.post("/api/windows/series", Json.write(badDay)).json("$.errors[*].field"))
                .containsExactly("daysOfWeek[0]");
    }

    @Test
    void listsFilterByStatusSpecialtyAndTimeWithSeatsInEachRow() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        long open = data.window(Instant.parse("2027-07-01T01:00:00Z"), Instant.parse("2027-07-01T02:00:00Z"), specialty, 3, false, "en");
        data.window(Instant.parse("2027-07-02T01:00:00Z"), Instant.parse("2027-07-02T02:00:00Z"), specialty, 3, "DRAFT", false, "en");
        data.window(Instant.parse("2027-08-01T01:00:00Z"), Instant.parse("2027-08-01T02:00:00Z"), specialty, 3, false, "en");
        long entry = data.entry(Instant.parse("2026-01-01T00:00:00Z"), "en", "Asia/Shanghai", specialty);
        ops.post("/api/windows/" + open + "/allocations", Json.object("entryId", entry, "reason", "VIP follow-up"));

        ApiClient.Response july = ops.get("/api/windows?specialty=" + specialty + "&status=OPEN&from=2027-07-01T00:00:00Z"
                + "&to=2027-07-31T00:00:00Z");

        assertThat(july.header("X-Total-Count")).hasValue("1");
        assertThat(((Number) july.json("$[0].id")).longValue()).isEqualTo(open);
        assertThat((Integer) july.json("$[0].seatsTaken")).isEqualTo(1);
        assertThat((Integer) july.json("$[0].seatsFree")).isEqualTo(2);
        assertThat(ops.get("/api/windows?specialty=" + specialty).header("X-Total-Count")).hasValue("3");
        assertThat(ops.get("/api/windows?sort=nonsense").status()).isEqualTo(400);
    }

    @Test
    void editsNeedTheCurrentVersionAndCannotShrinkBelowTheSeatsTaken() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        long window = data.window(Instant.parse("2027-07-01T01:00:00Z"), Instant.parse("2027-07-01T02:00:00Z"), specialty, 3,
                false, "en");
        for (int i = 0; i < 2; i++) {
            long entry = data.entry(Instant.parse("2026-01-01T00:00:00Z"), "en", "Asia/Shanghai", specialty);
            ops.post("/api/windows/" + window + "/allocations", Json.object("entryId", entry, "reason", "by hand"));
        }
        Map<String, Object> edit = Map.of("startsAt", "2027-07-01T09:00:00+08:00", "endsAt", "2027-07-01T11:00:00+08:00",
                "specialty", specialty, "languages", List.of("en"), "capacity", 4, "status", "OPEN", "version", 0);

        ApiClient.Response saved = ops.put("/api/windows/" + window, Json.write(edit));
        assertThat(saved.status()).isEqualTo(200);
        assertThat((Integer) saved.json("$.version")).isEqualTo(1);
        assertThat((String) saved.json("$.endsAt")).isEqualTo("2027-07-01T11:00:00+08:00");

        ApiClient.Response stale = ops.put("/api/windows/" + window, Json.write(edit));
        assertThat(stale.status()).isEqualTo(409);
        assertThat((Integer) stale.json("$.currentVersion")).isEqualTo(1);

        Map<String, Object> shrink = new java.util.HashMap<>(edit);
        shrink.put("capacity", 1);
        shrink.put("version", 1);
        ApiClient.Response refused = ops.put("/api/windows/" + window, Json.write(shrink));
        assertThat(refused.status()).isEqualTo(400);
        assertThat((List<String>) refused.json("$.errors[*].field")).containsExactly("capacity");
        assertThat(ops.put("/api/windows/999999999", Json.write(edit)).status()).isEqualTo(404);
    }

    @Test
    void openAndCloseAreAudited() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        long window = data.window(Instant.parse("2027-07-01T01:00:00Z"), Instant.parse("2027-07-01T02:00:00Z"), specialty, 3,
                "DRAFT", false, "en");

        assertThat((String) ops.post("/api/windows/" + window + "/open", "{}").json("$.status")).isEqualTo("OPEN");
        assertThat((String) ops.post("/api/windows/" + window + "/close", "{}").json("$.status")).isEqualTo("CLOSED");

        assertThat(audited("WindowStatusChanged", "windowId", window)).hasSize(2);
    }

    @Test
    void opsAllocateAndReleaseByHandWithAReasonAuditedAndCapacityStillHolds() {
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        long window = data.window(Instant.parse("2027-07-01T01:00:00Z"), Instant.parse("2027-07-01T02:00:00Z"), specialty, 1,
                false, "en");
        long first = data.entry(Instant.parse("2026-01-01T00:00:00Z"), "en", "Asia/Shanghai", specialty);
        long second = data.entry(Instant.parse("2026-01-02T00:00:00Z"), "en", "Asia/Shanghai", specialty);

        assertThat((List<String>) ops.post("/api/windows/" + window + "/allocations", Json.object("entryId", first))
                .json("$.errors[*].field")).containsExactly("reason");
        ApiClient.Response allocated = ops.post("/api/windows/" + window + "/allocations",
                Json.object("entryId", first, "reason", "Referred by partner hospital"));
        assertThat(allocated.status()).isEqualTo(201);
        assertThat((String) allocated.json("$.status")).isEqualTo("HELD");
        assertThat((String) allocated.json("$.reason")).isEqualTo("Referred by partner hospital");
        long allocationId = ((Number) allocated.json("$.id")).longValue();
        assertThat(data.seatsTaken(window)).isEqualTo(1);

        assertThat(ops.post("/api/windows/" + window + "/allocations", Json.object("entryId", second, "reason", "one more"))
                .status()).as("full").isEqualTo(409);
        assertThat(ops.post("/api/windows/" + window + "/allocations", Json.object("entryId", 999999999, "reason", "x"))
                .status()).isEqualTo(400);
        ApiClient.Response shown = ops.get("/api/windows/" + window);
        assertThat((List<Integer>) shown.json("$.allocations[*].entryId")).containsExactly((int) first);

        ApiClient.Response released = ops.post("/api/allocations/" + allocationId + "/release",
                Json.object("reason", "Patient travelling later"));
        assertThat(released.status()).isEqualTo(200);
        assertThat((String) released.json("$.status")).isEqualTo("RELEASED");
        assertThat((String) released.json("$.releaseReason")).isEqualTo("Patient travelling later");
        assertThat(data.seatsTaken(window)).isZero();
        assertThat(ops.post("/api/allocations/" + allocationId + "/release", Json.object("reason", "again")).status())
                .isEqualTo(409);

        assertThat(ops.post("/api/windows/" + window + "/allocations", Json.object("entryId", second, "reason", "next in line"))
                .status()).isEqualTo(201);
        List<Map<String, Object>> audit = audited("AllocationOverridden", "windowId", window);
        assertThat(audit).extracting(row -> row.get("details").toString())
                .anySatisfy(details -> assertThat(details).contains("ALLOCATE", "Referred by partner hospital"))
                .anySatisfy(details -> assertThat(details).contains("RELEASE", "Patient travelling later"));
        assertThat(audit).extracting(row -> row.get("remote_address")).doesNotContainNull();
    }

    private List<Map<String, Object>> audited(String action, String key, long id) {
        return jdbc.sql("select actor, remote_address, cast(details as text) as details from audit_event where action = ? "
                + "and details ->> ? = ? order by id").params(action, key, Long.toString(id)).query().listOfRows();
    }

    private int utcHour(long windowId) {
        return jdbc.sql("select extract(hour from starts_at at time zone 'UTC') from consultation_window where id = ?")
                .param(windowId).query(Integer.class).single();
    }

    private String windowBody(String startsAt, String endsAt, int capacity) {
        return Json.object("startsAt", startsAt, "endsAt", endsAt, "specialty", specialty, "languages", List.of("en"),
                "capacity", capacity);
    }

    private Map<String, Object> seriesBody(Map<String, Object> end) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("startDate", "2027-05-03", "daysOfWeek",
                List.of("TUESDAY", "THURSDAY"), "startTime", "09:00", "endTime", "12:00", "specialty", specialty,
                "languages", List.of("en"), "capacity", 5, "status", "OPEN"));
        body.putAll(end);
        return body;
    }

    private static ApiClient.Response send(ApiClient client, String[] call) {
        return switch (call[0]) {
            case "GET" -> client.get(call[1]);
            case "PUT" -> client.put(call[1], call[2]);
            default -> client.post(call[1], call[2]);
        };
    }
}
