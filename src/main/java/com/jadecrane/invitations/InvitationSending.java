package com.jadecrane.invitations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import com.jadecrane.invitations.InvitationTokens.LinkTokens;
import com.jadecrane.mail.DeliveryOutcome;
import com.jadecrane.mail.Mailer;
import com.jadecrane.mail.OutgoingMail;
import com.jadecrane.system.ConflictException;
import com.jadecrane.system.ResourceNotFoundException;
import com.jadecrane.windows.SeatHolds;

/**
 * Sends invitations exactly once: each row is claimed (SENDING, committed) before the Mailer is
 * called, and its outcome recorded after. A crash between the two leaves it SENDING, which the next
 * run turns UNCONFIRMED instead of sending it again. Several invitations go out at once on a
 * bounded pool; the Mailer keeps to the rate limit.
 */
@Service
class InvitationSending implements DisposableBean {

    enum Result {
        SENT, FAILED, UNCONFIRMED, SUPPRESSED, NOT_SENT, SKIPPED
    }

    private static final Logger log = LoggerFactory.getLogger(InvitationSending.class);

    private final InvitationLedger ledger;
    private final InvitationMail mails;
    private final Mailer mailer;
    private final SeatHolds seatHolds;
    private final InvitationsProperties properties;
    private final ApplicationEventPublisher events;
    private final ExecutorService pool;

    InvitationSending(InvitationLedger ledger, InvitationMail mails, Mailer mailer, SeatHolds seatHolds,
            InvitationsProperties properties, ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.events = events;
        this.mails = mails;
        this.mailer = mailer;
        this.seatHolds = seatHolds;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, properties.sendThreads()), task -> {
            Thread thread = new Thread(task, "invitation-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends the PENDING invitations given, several at once, and says how each went. */
    Map<Result, Integer> sendPending(List<PendingInvitation> invitations) throws InterruptedException {
        List<Future<Result>> sends = new ArrayList<>(invitations.size());
        for (PendingInvitation invitation : invitations) {
            sends.add(pool.submit(() -> send(invitation, List.of("PENDING"))));
        }
        Map<Result, Integer> counts = new EnumMap<>(Result.class);
        for (Future<Result> send : sends) {
            try {
                counts.merge(send.get(), 1, Integer::sum);
            }
            catch (ExecutionException e) {
                throw new IllegalStateException("Sending an invitation failed unexpectedly", e.getCause());
            }
        }
        return counts;
    }

    /**
     * Sends one invitation if it is still in one of {@code from}. The mail is composed before the
     * claim, so nothing that can fail sits between the claim and the Mailer but the sending itself.
     */
    Result send(PendingInvitation invitation, List<String> from) throws InterruptedException {
        Instant sendingAt = Instant.now();
        Instant deadline = invitation.holdExpiresAt() != null ? invitation.holdExpiresAt()
                : seatHolds.holdDeadline(invitation.windowStartsAt(), sendingAt);
        LinkTokens tokens = LinkTokens.fresh();
        OutgoingMail mail = mails.compose(invitation, tokens, deadline);
        if (!ledger.claim(invitation.id(), from, tokens, deadline, sendingAt.plus(properties.unsubscribeLinkValidity()))) {
            return Result.SKIPPED;
        }
        DeliveryOutcome outcome;
        try {
            outcome = mailer.send(mail);
        }
        catch (InterruptedException stopped) {
            // the request may already have left: never guess that it did not
            ledger.unconfirmed(invitation.id(), "interrupted while sending");
            throw stopped;
        }
        catch (RuntimeException unexpected) {
            log.warn("Invitation {}: sending ended without an answer", invitation.id(), unexpected);
            ledger.unconfirmed(invitation.id(), "sending ended without an answer: " + unexpected);
            return Result.UNCONFIRMED;
        }
        return record(invitation, outcome, sendingAt);
    }

    private Result record(PendingInvitation invitation, DeliveryOutcome outcome, Instant sendingAt) {
        if (outcome instanceof DeliveryOutcome.Accepted accepted) {
            Instant sentAt = Instant.now();
            ledger.sent(invitation.id(), accepted.messageId(), sentAt);
            startHold(invitation, sendingAt);
            events.publishEvent(new InvitationSent(invitation.id(), invitation.allocationId(), invitation.entryId(), sentAt));
            return Result.SENT;
        }
        if (outcome instanceof DeliveryOutcome.Rejected rejected) {
            // a refused key or account (401, 403) is fixed by ops, after which a resend may work
            boolean transientFailure = rejected.status() == 401 || rejected.status() == 403;
            String reason = rejected.status() + ": " + rejected.reason();
            ledger.failed(invitation.id(), reason, transientFailure);
            if (!transientFailure) {
                releaseSeat(invitation, "invitation refused by SendGrid (" + reason + ")");
            }
            return Result.FAILED;
        }
        if (outcome instanceof DeliveryOutcome.Suppressed suppressed) {
            ledger.suppressed(invitation.id(), suppressed.reason());
            releaseSeat(invitation, "the address may not be emailed (" + suppressed.reason() + ")");
            return Result.SUPPRESSED;
        }
        if (outcome instanceof DeliveryOutcome.NotSent notSent) {
            ledger.backToPending(invitation.id(), notSent.reason());
            return Result.NOT_SENT;
        }
        ledger.unconfirmed(invitation.id(), ((DeliveryOutcome.Unconfirmed) outcome).reason());
        return Result.UNCONFIRMED;
    }

    /** The reply deadline runs from the moment of sending, as the email says. */
    private void startHold(PendingInvitation invitation, Instant sendingAt) {
        try {
            seatHolds.startHold(invitation.allocationId(), sendingAt);
        }
        catch (ConflictException | ResourceNotFoundException released) {
            log.info("Invitation {} was sent but its seat is no longer held: {}", invitation.id(), released.getMessage());
        }
    }

    /** Nobody can answer an invitation that never arrives: the seat goes to the next person at once. */
    private void releaseSeat(PendingInvitation invitation, String reason) {
        try {
            seatHolds.release(invitation.allocationId(), reason, "invitations");
        }
        catch (ResourceNotFoundException gone) {
            log.info("Invitation {} could not be sent and its allocation is gone", invitation.id());
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
