package com.jadecrane.mail;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.jadecrane.system.Problems;

/** SendGrid's signed Event Webhook (public: the signature is the authentication). */
@RestController
class SendGridEventController {

    static final String SIGNATURE = "X-Twilio-Email-Event-Webhook-Signature";
    static final String TIMESTAMP = "X-Twilio-Email-Event-Webhook-Timestamp";

    private final SignedEventVerifier verifier;
    private final DeliveryEvents deliveryEvents;

    SendGridEventController(SignedEventVerifier verifier, DeliveryEvents deliveryEvents) {
        this.verifier = verifier;
        this.deliveryEvents = deliveryEvents;
    }

    @PostMapping("/api/public/sendgrid/events")
    @PreAuthorize("permitAll()")
    ResponseEntity<?> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = SIGNATURE, required = false) String signature,
            @RequestHeader(name = TIMESTAMP, required = false) String timestamp) {
        byte[] payload = body == null ? new byte[0] : body;
        var refusal = verifier.refusal(payload, signature, timestamp);
        if (refusal.isPresent()) {
            ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "Event post refused: " + refusal.get());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        return ResponseEntity.ok(Map.of("received", deliveryEvents.file(payload)));
    }
}
