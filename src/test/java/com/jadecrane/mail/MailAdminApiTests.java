package com.jadecrane.mail;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.jadecrane.support.ApiClient;
import com.jadecrane.support.IntegrationTest;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox and the suppression list through the admin API (tests run without a SendGrid key). */
@IntegrationTest
class MailAdminApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Mailer mailer;

    @Test
    void onlyOpsSeesTheOutboxAndTheSuppressionList() {
        assertThat(new ApiClient(port).get("/api/mail/outbox").status()).isEqualTo(401);
        for (String role : new String[] { "EDITOR", "LEADERSHIP" }) {
            ApiClient client = TestUsers.signedIn(port, role);
            assertThat(client.get("/api/mail/outbox").status()).as(role).isEqualTo(403);
            assertThat(client.get("/api/mail/status").status()).as(role).isEqualTo(403);
            assertThat(client.get("/api/mail/suppressions").status()).as(role).isEqualTo(403);
            assertThat(client.post("/api/mail/suppressions", Json.object("email", "x@example.org", "note", "test"))
                    .status()).as(role).isEqualTo(403);
            assertThat(client.delete("/api/mail/suppressions/x@example.org?note=test").status()).as(role).isEqualTo(403);
        }
        assertThat(TestUsers.signedIn(port, "OPS").get("/api/mail/outbox").status()).isEqualTo(200);
    }

    @Test
    void withoutASendGridKeyMailIsKeptInTheOutbox() throws Exception {
        String address = "outbox-" + System.nanoTime() + "@example.org";

        DeliveryOutcome outcome = mailer.send(OutgoingMail.rendered(address, "Ana", "Your window", "Hello",
                "<p>Hello</p>", List.of("invitation"), Map.of("invitationId", "9"), Map.of()));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Accepted.class);
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        assertThat(ops.get("/api/mail/status").<String>json("$.mode")).isEqualTo("OUTBOX");
        ApiClient.Response outbox = ops.get("/api/mail/outbox?q=" + address);
        assertThat(outbox.<List<String>>json("$[*].toEmail")).containsExactly(address);
        assertThat(outbox.<String>json("$[0].subject")).isEqualTo("Your window");
        assertThat(outbox.<String>json("$[0].customArgs")).contains("invitationId");
        assertThat(outbox.<List<Object>>json("$[0].attachments")).isEmpty();
    }

    /** The outbox keeps the name, type and size of each attachment (not the file), and ops see them. */
    @Test
    void theOutboxNamesTheAttachments() throws Exception {
        String address = "attached-" + System.nanoTime() + "@example.org";
        OutgoingMail.Attachment workbook = new OutgoingMail.Attachment("funnel.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[1234]);

        DeliveryOutcome outcome = mailer.send(OutgoingMail.rendered(address, null, "The funnel", "Attached", null, null, null,
                null).withAttachments(List.of(workbook)));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Accepted.class);
        ApiClient.Response outbox = TestUsers.signedIn(port, "OPS").get("/api/mail/outbox?q=" + address);
        assertThat(outbox.<List<String>>json("$[0].attachments[*].fileName")).containsExactly("funnel.xlsx");
        assertThat(outbox.<List<String>>json("$[0].attachments[*].type")).containsExactly(workbook.type());
        assertThat(outbox.<List<Integer>>json("$[0].attachments[*].sizeBytes")).containsExactly(1234);
    }

    @Test
    void opsSuppressAndAllowAgainWithAReason() throws Exception {
        ApiClient ops = TestUsers.signedIn(port, "OPS");
        String address = "Manual." + System.nanoTime() + "@Example.org";

        ApiClient.Response added = ops.post("/api/mail/suppressions", Json.object("email", address, "note", "asked by phone"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.<String>json("$.email")).isEqualTo(address.toLowerCase());
        assertThat(added.<String>json("$.reason")).isEqualTo("MANUAL");
        assertThat(mailer.send(OutgoingMail.rendered(address, null, "s", "t", null, null, null, null)))
                .isEqualTo(new DeliveryOutcome.Suppressed("MANUAL"));

        ApiClient.Response withoutNote = ops.delete("/api/mail/suppressions/" + address.toLowerCase());
        assertThat(withoutNote.status()).isEqualTo(400);
        assertThat(withoutNote.<List<String>>json("$.errors[*].field")).containsExactly("note");
        assertThat(ops.delete("/api/mail/suppressions/" + address.toLowerCase() + "?note=confirmed%20by%20email").status())
                .isEqualTo(204);
        assertThat(ops.get("/api/mail/suppressions?q=" + address.toLowerCase()).body()).isEqualTo("[]");
        assertThat(ops.post("/api/mail/suppressions", Json.object("email", "not-an-address", "note", "x")).status())
                .isEqualTo(400);
    }
}
