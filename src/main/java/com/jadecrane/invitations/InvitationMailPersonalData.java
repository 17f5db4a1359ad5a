package com.jadecrane.invitations;

import org.springframework.stereotype.Component;

import com.jadecrane.mail.MailHistory;
import com.jadecrane.mail.MailHistory.HeldMail;
import com.jadecrane.waitlist.PersonalDataHolder;

/**
 * The mail kept about a person's addresses (outbox, delivery events, suppression), for the
 * data-subject export and erasure. Answered here because the invitations are what mails waitlist
 * people, and the mail module cannot answer itself: it may not depend on the waitlist (the waitlist
 * depends on it through the jobs). Found by address, so mail ops sent them by hand goes too.
 */
@Component
class InvitationMailPersonalData implements PersonalDataHolder {

    private final MailHistory mail;

    InvitationMailPersonalData(MailHistory mail) {
        this.mail = mail;
    }

    @Override
    public String section() {
        return "emails";
    }

    @Override
    public HeldMail recordsOf(DataSubject person) {
        return mail.of(person.emails());
    }

    @Override
    public void erase(DataSubject person, String erasedBy) {
        mail.erase(person.emails());
    }
}
