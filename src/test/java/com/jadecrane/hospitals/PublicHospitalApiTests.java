package com.jadecrane.hospitals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.TestUsers;

import static com.jadecrane.hospitals.HospitalFixtures.changeStatus;
import static com.jadecrane.hospitals.HospitalFixtures.create;
import static com.jadecrane.hospitals.HospitalFixtures.id;
import static com.jadecrane.hospitals.HospitalFixtures.profile;
import static com.jadecrane.hospitals.HospitalFixtures.uniqueSlug;
import static com.jadecrane.hospitals.HospitalFixtures.verified;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PublicHospitalApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HospitalDirectory directory;

    @Test
    void aVerifiedProfileIsPublicWithItsVerificationDatesAndNothingInternal() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String slug = uniqueSlug("public");
        verified(editor, slug);

        ApiClient.Response response = new ApiClient(port).get("/api/public/hospitals/" + slug);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.<Map<String, Object>>json("$").keySet()).containsExactlyInAnyOrder("slug", "name",
                "localName", "city", "province", "grade", "website", "internationalDesk", "departments",
                "specialties", "fit", "verifiedOn", "verificationExpiresOn");
        assertThat(response.<Map<String, Object>>json("$.internationalDesk").keySet())
                .containsExactlyInAnyOrder("email", "phone", "wechat", "languages");
        assertThat(response.<Map<String, Object>>json("$.departments[0]").keySet())
                .containsExactlyInAnyOrder("name", "specialties");
        assertThat(response.<Map<String, Object>>json("$.fit").keySet()).containsExactlyInAnyOrder(
                "outsidePathologyReview", "imagingReviewDicom", "multidisciplinaryTeam", "translatedWrittenSummary",
                "summaryLanguages", "remoteRecordTriage", "followUpChannel", "recordsRequired");
        assertThat(response.body()).doesNotContain("INTERNAL").doesNotContain("Test Verifier")
                .doesNotContain("\"id\"").doesNotContain("VERIFIED");
        assertThat(response.<String>json("$.verifiedOn")).isEqualTo(LocalDate.now().toString());
        assertThat(response.<String>json("$.verificationExpiresOn")).isEqualTo(LocalDate.now().plusMonths(12).toString());
    }

    @Test
    void unverifiedSuspendedAndLapsedProfilesAreNotPublic() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String marker = uniqueSlug("hidden");
        String city = "Hidden" + marker.substring(marker.length() - 8);
        long unverified = id(create(editor, profile(marker + "-unverified", city, "lung-cancer")));
        long inVerification = id(create(editor, profile(marker + "-in-verification", city, "lung-cancer")));
        changeStatus(editor, inVerification, "IN_VERIFICATION", null);
        long suspended = verified(editor, profile(marker + "-suspended", city, "lung-cancer"));
        changeStatus(editor, suspended, "SUSPENDED", "Under review");
        long lapsed = verified(editor, profile(marker + "-lapsed", city, "lung-cancer"));
        jdbc.sql("""
                update hospital_verification set verified_on = current_date - 400, expires_on = current_date - 1
                where id = (select latest_verification_id from hospital where id = ?)
                """).param(lapsed).update();
        verified(editor, profile(marker + "-shown", city, "lung-cancer"));

        ApiClient anonymous = new ApiClient(port);
        for (String suffix : new String[] { "-unverified", "-in-verification", "-suspended", "-lapsed", "-nobody" }) {
            ApiClient.Response response = anonymous.get("/api/public/hospitals/" + marker + suffix);
            assertThat(response.status()).as(suffix).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        ApiClient.Response list = anonymous.get("/api/public/hospitals?city=" + city);
        assertThat(list.<List<String>>json("$[*].slug")).containsExactly(marker + "-shown");
        assertThat(list.header("X-Total-Count")).contains("1");
        assertThat(unverified).isPositive();

        assertThat(directory.isVerified(marker + "-shown")).isTrue();
        assertThat(directory.isVerified(marker + "-lapsed")).isFalse();
        assertThat(directory.isVerified(null)).isFalse();
        assertThat(directory.unverified(List.of(marker + "-shown", marker + "-suspended", marker + "-unverified",
                marker + "-nobody"))).isEqualTo(Set.of(marker + "-suspended", marker + "-unverified", marker + "-nobody"));
        assertThat(directory.unverified(List.of())).isEmpty();
    }

    @Test
    void theListFiltersBySpecialtyAndCityAndPages() {
        ApiClient editor = TestUsers.signedIn(port, "EDITOR");
        String marker = uniqueSlug("pub-list");
        String city = "Pub" + marker.substring(marker.length() - 8);
        verified(editor, profile(marker + "-a", city, "liver-cancer"));
        verified(editor, profile(marker + "-b", city, "gastric-cancer"));
        verified(editor, profile(marker + "-c", city, "liver-cancer"));

        ApiClient anonymous = new ApiClient(port);
        ApiClient.Response liver = anonymous.get("/api/public/hospitals?specialty=liver-cancer&city=" + city.toUpperCase());
        assertThat(liver.<List<String>>json("$[*].slug")).containsExactly(marker + "-a", marker + "-c");
        assertThat(liver.<List<String>>json("$[0].departments[0].specialties")).contains("liver-cancer");
        ApiClient.Response page = anonymous.get("/api/public/hospitals?city=" + city + "&size=2&page=1");
        assertThat(page.header("X-Total-Count")).contains("3");
        assertThat(page.<List<String>>json("$[*].slug")).containsExactly(marker + "-c");
        assertThat(anonymous.get("/api/public/hospitals?size=0").status()).isEqualTo(400);
    }
}
