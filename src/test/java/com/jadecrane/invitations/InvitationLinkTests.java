package com.jadecrane.invitations;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.invitations.InvitationTestData.Seat;
import com.jadecrane.invitations.InvitationTokens.LinkTokens;
import com.jadecrane.mail.Suppressions;
import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The links of a sent invitation, anonymously over real HTTP: the API under /api/public and the
 * pages behind the email's links. Tokens answer once, expire, and unknown ones get a clear 404.
 */
@IntegrationTest
class InvitationLinkTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvitationLedger ledger;

    @Autowired
    Suppressions suppressions;

    InvitationTestData data;

    ApiClient anonymous;

    @BeforeEach
    void setUp() {
        data = new InvitationTestData(jdbc);
        anonymous = new ApiClient(port);
    }

    @Test
    void theLinkSaysWhatTheInvitationIsWithoutTheEmailAddress() {
        Seat seat = data.pendingInvitation();
        LinkTokens tokens = sent(seat);

        ApiClient.Response response = anonymous.get("/api/public/invitations/" + tokens.accept());

        assertThat(response.status()).isEqualTo(200);
        assertThat((String) response.json("$.action")).isEqualTo("ACCEPT");
        assertThat((String) response.json("$.specialty")).isEqualTo("Specialty " + seat.specialty().substring(7));
        assertThat((String) response.json("$.replyDeadline")).isNotBlank();
        assertThat(response.body()).doesNotContain(seat.email());
    }

    @Test
    void acceptingConfirmsTheSeatOnce() {
        Seat seat = data.pendingInvitation();
        LinkTokens tokens = sent(seat);

        ApiClient.Response accepted = anonymous.post("/api/public/invitations/" + tokens.accept() + "/accept", "");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(data.allocationStatus(seat.allocationId())).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("select response from invitation where id = ?").param(seat.invitationId()).query(String.class)
                .single()).isEqualTo("ACCEPTED");

        ApiClient.Response replayed = anonymous.post("/api/public/invitations/" + tokens.accept() + "/accept", "");
        assertThat(replayed.status()).isEqualTo(410);
        assertThat(replayed.contentType()).contains("application/problem+json");
        assertThat(anonymous.post("/api/public/invitations/" + tokens.decline() + "/decline", "").status())
                .as("answered: the other link is used too").isEqualTo(410);
        assertThat(data.allocationStatus(seat.allocationId())).isEqualTo("CONFIRMED");
    }

    @Test
    void decliningReleasesTheSeat() {
        Seat seat = data.pendingInvitation();
        LinkTokens tokens = sent(seat);

        assertThat(anonymous.post("/api/public/invitations/" + tokens.decline() + "/accept", "").status())
                .as("a decline link cannot accept").isEqualTo(404);
        assertThat(anonymous.post("/api/public/invitations/" + tokens.decline() + "/decline", "").status()).isEqualTo(200);

        assertThat(data.allocationStatus(seat.allocationId())).isEqualTo("DECLINED");
    }

    @Test
    void unknownAndExpiredLinksAreClearProblems() {
        Seat seat = data.pendingInvitation();
        LinkTokens tokens = sent(seat);
        jdbc.sql("update invitation set reply_deadline = now() - interval '1 minute' where id = ?")
                .param(seat.invitationId()).update();

        ApiClient.Response unknown = anonymous.get("/api/public/invitations/" + InvitationTokens.newToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat((String) unknown.json("$.title")).isEqualTo("Unknown link");
        ApiClient.Response expired = anonymous.post("/api/public/invitations/" + tokens.accept() + "/accept", "");
        assertThat(expired.status()).isEqualTo(410);
        assertThat((String) expired.json("$.title")).isEqualTo("Link expired");
        assertThat(data.allocationStatus(seat.allocationId())).isEqualTo("HELD");
    }

    @Test
    void oneClickUnsubscribeSuppressesTheAddressOnce() {
        Seat seat = data.pendingInvitation();
        LinkTokens tokens = sent(seat);

        ApiClient.Response response = anonymous.send(anonymous.request("/api/public/unsubscribe/" + tokens.unsubscribe())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(suppressions.find(seat.email())).get().extracting(Suppressions.Suppression::reason).isEqualTo("UNSUBSCRIBED");
        assertThat(anonymous.post("/api/public/unsubscribe/" + tokens.unsubscribe(), "").status()).isEqualTo(410);
    }

    @Test
    void thePagesBehindTheLinksShowTheInvitationAndConfirmTheAnswerByAFormPost() {
        Seat seat = data.pendingInvitation();
        LinkTokens tokens = sent(seat);
        ApiClient browser = new ApiClient(port).withoutCsrfHeader();

        ApiClient.Response page = browser.get("/invitations/" + tokens.accept());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).contains("text/html");
        assertThat(page.body()).contains("Accept the seat").contains("action=\"/invitations/" + tokens.accept() + "/accept\"")
                .doesNotContain("<script");
        assertThat(data.allocationStatus(seat.allocationId())).as("opening the link answers nothing").isEqualTo("HELD");

        ApiClient.Response confirmed = form(browser, "/invitations/" + tokens.accept() + "/accept");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Your seat is confirmed");
        assertThat(data.allocationStatus(seat.allocationId())).isEqualTo("CONFIRMED");

        ApiClient.Response again = browser.get("/invitations/" + tokens.accept());
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("Link already used").doesNotContain("Exception");
        ApiClient.Response unknown = browser.get("/invitations/" + InvitationTokens.newToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("Unknown link");

        assertThat(browser.get("/unsubscribe/" + tokens.unsubscribe()).body()).contains("<form");
        assertThat(form(browser, "/unsubscribe/" + tokens.unsubscribe()).body()).contains("You are unsubscribed");
        assertThat(suppressions.find(seat.email())).isPresent();
    }

    private static ApiClient.Response form(ApiClient browser, String path) {
        return browser.send(browser.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("answer=yes")));
    }

    /** Records the invitation as sent with tokens the test knows (the email itself is not needed here). */
    private LinkTokens sent(Seat seat) {
        LinkTokens tokens = LinkTokens.fresh();
        Instant now = Instant.now();
        ledger.claim(seat.invitationId(), List.of("PENDING"), tokens, now.plus(5, ChronoUnit.DAYS), now.plus(90, ChronoUnit.DAYS));
        ledger.sent(seat.invitationId(), "msg-" + seat.invitationId(), now);
        return tokens;
    }
}
