package com.jadecrane.invitations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.jadecrane.invitations.InvitationLedger.Claim;
import com.jadecrane.invitations.InvitationMail.Addressed;
import com.jadecrane.invitations.InvitationLedger.Outcome;
import com.jadecrane.invitations.InvitationTokens.LinkTokens;
import com.jadecrane.mail.DeliveryOutcome;
import com.jadecrane.mail.Mailer;
import com.jadecrane.mail.OutgoingMail;
import com.jadecrane.system.ResourceNotFoundException;
import com.jadecrane.windows.SeatHolds;

/**
 * Sends invitations exactly once: the rows are claimed (SENDING, committed) before the Mailer is
 * called, and their outcomes recorded after. A crash between the two leaves them SENDING, which the
 * next run turns UNCONFIRMED instead of sending them again. A batch (the send step's chunk) is
 * claimed in one transaction, sent in requests of up to
 * {@code jadecrane.invitations.recipients-per-request} personalizations on a bounded pool (the
 * Mailer keeps to the rate limit), and recorded, with the reply deadlines of the seats, in one more.
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
    private final TransactionTemplate ownTransaction;
    private final ExecutorService pool;

    InvitationSending(InvitationLedger ledger, InvitationMail mails, Mailer mailer, SeatHolds seatHolds,
            InvitationsProperties properties, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.events = events;
        this.mails = mails;
        this.mailer = mailer;
        this.seatHolds = seatHolds;
        this.properties = properties;
        // never the send step's chunk transaction: a claim must be committed before its mail leaves
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, properties.sendThreads()), task -> {
            Thread thread = new Thread(task, "invitation-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends the PENDING invitations given, several at once, and says how many went which way. */
    Map<Result, Integer> sendPending(List<PendingInvitation> invitations) throws InterruptedException {
        Map<Result, Integer> counts = new EnumMap<>(Result.class);
        send(invitations, List.of("PENDING")).forEach(result -> counts.merge(result, 1, Integer::sum));
        return counts;
    }

    /** Sends one invitation if it is still in one of {@code from}. */
    Result send(PendingInvitation invitation, List<String> from) throws InterruptedException {
        return send(List.of(invitation), from).get(0);
    }

    /**
     * Sends the invitations still in one of {@code from}; says, in order, how each went. The mails
     * are composed before the claim, so nothing that can fail sits between the claim and the
     * Mailer but the sending itself.
     */
    private List<Result> send(List<PendingInvitation> invitations, List<String> from) throws InterruptedException {
        Instant sendingAt = Instant.now();
        List<Addressed> addressed = new ArrayList<>(invitations.size());
        for (PendingInvitation invitation : invitations) {
            Instant deadline = invitation.holdExpiresAt() != null ? invitation.holdExpiresAt()
                    : seatHolds.holdDeadline(invitation.windowStartsAt(), sendingAt);
            addressed.add(new Addressed(invitation, LinkTokens.fresh(), deadline));
        }
        List<OutgoingMail> composed = mails.compose(addressed);
        boolean[] claimed = ownTransaction.execute(status -> ledger.claim(
                addressed.stream().map(a -> new Claim(a.invitation().id(), a.tokens(), a.replyDeadline())).toList(), from,
                sendingAt.plus(properties.unsubscribeLinkValidity())));
        // the claimed mails that share their content go out together; such groups go out side by side
        Map<List<Object>, List<Integer>> together = new LinkedHashMap<>();
        for (int i = 0; i < composed.size(); i++) {
            if (claimed[i]) {
                together.computeIfAbsent(composed.get(i).content(), content -> new ArrayList<>()).add(i);
            }
        }
        Map<List<Integer>, Future<List<DeliveryOutcome>>> sends = new LinkedHashMap<>();
        for (List<Integer> group : together.values()) {
            for (int start = 0; start < group.size(); start += properties.recipientsPerRequest()) {
                List<Integer> request = group.subList(start, Math.min(group.size(), start + properties.recipientsPerRequest()));
                List<OutgoingMail> requestMails = request.stream().map(composed::get).toList();
                sends.put(request, pool.submit(() -> deliver(requestMails)));
            }
        }
        InterruptedException stopped = null;
        DeliveryOutcome[] outcomes = new DeliveryOutcome[invitations.size()];
        for (Map.Entry<List<Integer>, Future<List<DeliveryOutcome>>> send : sends.entrySet()) {
            List<DeliveryOutcome> delivered;
            try {
                delivered = stopped == null ? send.getValue().get() : outcomesAfterStop(send.getValue(), send.getKey().size());
            }
            catch (InterruptedException interrupted) {
                stopped = interrupted;
                delivered = outcomesAfterStop(send.getValue(), send.getKey().size());
            }
            catch (ExecutionException impossible) {
                throw new IllegalStateException("Sending invitations failed unexpectedly", impossible.getCause());
            }
            for (int i = 0; i < delivered.size(); i++) {
                outcomes[send.getKey().get(i)] = delivered.get(i);
            }
        }
        List<Result> results = record(invitations, Arrays.asList(outcomes), sendingAt);
        if (stopped != null) {
            throw stopped;
        }
        return results;
    }

    private List<DeliveryOutcome> deliver(List<OutgoingMail> mails) {
        try {
            return mailer.sendTogether(mails);
        }
        catch (InterruptedException stopped) {
            // the request may already have left: never guess that it did not
            return Collections.nCopies(mails.size(), new DeliveryOutcome.Unconfirmed("interrupted while sending"));
        }
        catch (RuntimeException unexpected) {
            log.warn("{} invitation(s): sending ended without an answer", mails.size(), unexpected);
            return Collections.nCopies(mails.size(), new DeliveryOutcome.Unconfirmed("sending ended without an answer: " + unexpected));
        }
    }

    /** The run was stopped while this request was queued or under way: only one never started is known unsent. */
    private static List<DeliveryOutcome> outcomesAfterStop(Future<List<DeliveryOutcome>> send, int mails) {
        if (send.cancel(false)) {
            return Collections.nCopies(mails, new DeliveryOutcome.NotSent("the run was stopped before it was sent"));
        }
        if (send.isDone()) {
            try {
                return send.get();
            }
            catch (ExecutionException | InterruptedException impossible) {
                throw new IllegalStateException("Sending invitations failed unexpectedly", impossible);
            }
        }
        return Collections.nCopies(mails, new DeliveryOutcome.Unconfirmed("interrupted while sending"));
    }

    /**
     * Records every outcome and starts the reply deadline of every seat whose invitation was sent,
     * in one transaction; then frees the seats of those who can never be invited.
     */
    private List<Result> record(List<PendingInvitation> invitations, List<DeliveryOutcome> outcomes, Instant sendingAt) {
        Instant sentAt = Instant.now();
        List<Outcome> recorded = new ArrayList<>();
        List<Result> results = new ArrayList<>(invitations.size());
        List<PendingInvitation> sent = new ArrayList<>();
        Map<PendingInvitation, String> unreachable = new LinkedHashMap<>();
        for (int i = 0; i < invitations.size(); i++) {
            PendingInvitation invitation = invitations.get(i);
            DeliveryOutcome outcome = outcomes.get(i);
            if (outcome == null) {
                results.add(Result.SKIPPED);
            }
            else if (outcome instanceof DeliveryOutcome.Accepted accepted) {
                recorded.add(Outcome.sent(invitation.id(), accepted.messageId(), sentAt));
                sent.add(invitation);
                results.add(Result.SENT);
            }
            else if (outcome instanceof DeliveryOutcome.Rejected rejected) {
                // a refused key or account (401, 403) is fixed by ops, after which a resend may work
                boolean transientFailure = rejected.status() == 401 || rejected.status() == 403;
                String reason = rejected.status() + ": " + rejected.reason();
                recorded.add(Outcome.ended(invitation.id(), "FAILED", reason, transientFailure));
                if (!transientFailure) {
                    unreachable.put(invitation, "invitation refused by SendGrid (" + reason + ")");
                }
                results.add(Result.FAILED);
            }
            else if (outcome instanceof DeliveryOutcome.Suppressed suppressed) {
                recorded.add(Outcome.ended(invitation.id(), "SUPPRESSED", suppressed.reason(), false));
                unreachable.put(invitation, "the address may not be emailed (" + suppressed.reason() + ")");
                results.add(Result.SUPPRESSED);
            }
            else if (outcome instanceof DeliveryOutcome.NotSent notSent) {
                // nothing was sent and it may work later: the next run tries again
                recorded.add(Outcome.ended(invitation.id(), "PENDING", notSent.reason(), false));
                results.add(Result.NOT_SENT);
            }
            else {
                recorded.add(Outcome.ended(invitation.id(), "UNCONFIRMED", ((DeliveryOutcome.Unconfirmed) outcome).reason(), false));
                results.add(Result.UNCONFIRMED);
            }
        }
        ownTransaction.executeWithoutResult(status -> {
            ledger.record(recorded);
            // the reply deadline runs from the moment of sending, as the email says
            int held = seatHolds.startHolds(sent.stream().map(PendingInvitation::allocationId).toList(), sendingAt).size();
            if (held < sent.size()) {
                log.info("{} invitation(s) were sent but their seat is no longer held", sent.size() - held);
            }
        });
        sent.forEach(invitation -> events.publishEvent(
                new InvitationSent(invitation.id(), invitation.allocationId(), invitation.entryId(), sentAt)));
        unreachable.forEach(this::releaseSeat);
        return results;
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
