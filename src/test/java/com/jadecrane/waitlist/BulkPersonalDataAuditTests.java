package com.jadecrane.waitlist;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static com.jadecrane.waitlist.WaitlistTestData.signUp;
import static com.jadecrane.waitlist.WaitlistTestData.signup;
import static com.jadecrane.waitlist.WaitlistTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list that shows people's names or addresses is audited once per request (which list, the
 * filter, how many rows), without the addresses, and without a search term, which may be one.
 */
@IntegrationTest
class BulkPersonalDataAuditTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyBulkViewOfPersonalDataIsAuditedOncePerRequestWithoutTheAddresses() {
        String m = unique();
        List<String> emails = List.of("listed-a-" + m + "@example.org", "listed-b-" + m + "@example.org",
                "listed-c-" + m + "@example.org");
        emails.forEach(email -> signUp(port, signup(email, "Listed Person " + m)));
        String username = TestUsers.create(port, "OPS");
        ApiClient ops = new ApiClient(port).login(username, TestUsers.PASSWORD);
        assertThat(ops.post("/api/waitlist/dedupe-runs", "{}").status()).isEqualTo(200);
        assertThat(ops.post("/api/mail/suppressions", Json.object("email", emails.get(0), "note", "asked by phone"))
                .status()).isEqualTo(201);

        Map<String, String> lists = new java.util.LinkedHashMap<>();
        lists.put("/api/waitlist?q=" + emails.get(1), "waitlist");
        lists.put("/api/waitlist?country=PT&size=50", "waitlist");
        lists.put("/api/waitlist/possible-duplicates", "waitlist/possible-duplicates");
        lists.put("/api/mail/outbox?q=" + emails.get(2), "mail/outbox");
        lists.put("/api/mail/suppressions?q=" + emails.get(0), "mail/suppressions");
        lists.put("/api/invitations", "invitations");
        for (var list : lists.entrySet()) {
            int before = listed(username).size();
            ApiClient.Response response = ops.get(list.getKey());
            assertThat(response.status()).as(list.getKey()).isEqualTo(200);

            List<Map<String, Object>> rows = listed(username);
            assertThat(rows).as("one audit row for " + list.getKey()).hasSize(before + 1);
            Map<String, Object> row = rows.get(rows.size() - 1);
            assertThat(row).as(list.getKey()).containsEntry("list", list.getValue())
                    .containsEntry("rows", response.<List<Object>>json("$").size())
                    .containsEntry("total", Integer.parseInt(response.header("X-Total-Count").orElseThrow()))
                    .containsEntry("listedBy", username);
        }
        assertThat(ops.get("/api/waitlist?q=" + emails.get(1)).<List<String>>json("$[*].email")).containsExactly(emails.get(1));
        assertThat(listed(username).get(0).get("filter")).isEqualTo(Map.of("q", "(search given)"));
        // (the suppression added above is audited with its address, on purpose: see the README)
        assertThat(jdbc.sql("select string_agg(details::text, ' ') from audit_event where actor = ? and action = 'PersonalDataListed'")
                .param(username).query(String.class).single()).as("no address in the list audit, not even as a search term")
                .doesNotContain(emails.get(0)).doesNotContain(emails.get(1)).doesNotContain(emails.get(2));
    }

    private List<Map<String, Object>> listed(String username) {
        return jdbc.sql("select details::text from audit_event where actor = ? and action = 'PersonalDataListed' order by id")
                .param(username).query(String.class).list().stream()
                .map(details -> com.jayway.jsonpath.JsonPath.<Map<String, Object>>read(details, "$")).toList();
    }
}
