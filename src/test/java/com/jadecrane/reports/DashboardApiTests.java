package com.jadecrane.reports;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/dashboard}: the contract's shape, its figures against the database, no personal data. */
@IntegrationTest
class DashboardApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDashboardShowsTheFunnelWeeksAndWhatIsDue() {
        ReportTestData data = new ReportTestData(jdbc).seed();
        long guide = jdbc.sql("""
                insert into guide (translation_group, locale, slug, status, content)
                values (0, 'en', ?, 'PUBLISHED', cast(? as jsonb)) returning id""")
                .params("dashboard-" + data.marker, "{\"title\": \"Dashboard guide\", \"medicalReview\": {\"nextReviewDue\": \""
                        + LocalDate.now(ReportTestData.ZONE).plusDays(3) + "\"}}")
                .query(Long.class).single();

        ApiClient.Response dashboard = TestUsers.signedIn(port, "LEADERSHIP").get("/api/dashboard");

        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(((Number) dashboard.json("$.funnel.signups")).longValue())
                .isEqualTo(jdbc.sql("select count(*) from waitlist_signup").query(Long.class).single());
        assertThat(((Number) dashboard.json("$.funnel.accepted")).longValue()).isEqualTo(jdbc.sql(
                "select count(*) from invitation where response = 'ACCEPTED' and responded_at is not null")
                .query(Long.class).single());
        List<String> weeks = dashboard.json("$.signupsByWeek[*].weekStart");
        LocalDate thisWeek = ReportPeriod.weekStart(LocalDate.now(ReportTestData.ZONE));
        assertThat(weeks).hasSize(26).endsWith(thisWeek.toString()).startsWith(thisWeek.minusWeeks(25).toString());
        List<String> utilizationWeeks = dashboard.json("$.windowUtilizationByWeek[*].weekStart");
        assertThat(utilizationWeeks).hasSize(13).startsWith(thisWeek.minusWeeks(4).toString())
                .endsWith(thisWeek.plusWeeks(8).toString());
        assertThat((List<String>) dashboard.json("$.deliveryHealth[*].status")).contains("SENT", "FAILED");
        assertThat((List<String>) dashboard.json("$.guidesDueForReview[*].slug")).contains("dashboard-" + data.marker);
        assertThat((List<Integer>) dashboard.json("$.guidesDueForReview[?(@.id == " + guide + ")].id")).hasSize(1);
        assertThat(dashboard.body()).contains("\"hospitalsDueForReverification\":[").contains("\"nightlyRun\":")
                .contains("\"generatedAt\":");
        assertThat(dashboard.body()).doesNotContain(data.email("a")).doesNotContain("Ana Report");

        assertThat(TestUsers.signedIn(port, "OPS").get("/api/dashboard").status()).isEqualTo(200);
        assertThat(TestUsers.signedIn(port, "EDITOR").get("/api/dashboard").status()).isEqualTo(403);
        assertThat(new ApiClient(port).get("/api/dashboard").status()).isEqualTo(401);
    }
}
