package com.jadecrane.invitations;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.jadecrane.waitlist.PersonalDataHolder;

/**
 * A person's invitations, for the data-subject export and erasure. The ledger rows stay (they count
 * what was sent and answered, and name the person only through the entry, which is anonymized);
 * what could still reach or describe the person goes.
 */
@Component
class InvitationPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;
    private final InvitationAdministration administration;

    InvitationPersonalData(JdbcClient jdbc, InvitationAdministration administration) {
        this.jdbc = jdbc;
        this.administration = administration;
    }

    @Override
    public String section() {
        return "invitations";
    }

    @Override
    public List<InvitationView> recordsOf(DataSubject person) {
        return administration.ofEntries(person.entryIds());
    }

    /**
     * An invitation not sent yet is cancelled (there is no address left to send it to); the failure
     * reasons go (a bounce quotes the address, a release reason is what ops typed); the hashes of the
     * link tokens go, so a link in an old mail answers nothing for a person nobody knows any more.
     */
    @Override
    public void erase(DataSubject person, String erasedBy) {
        jdbc.sql("""
                update invitation set status = case when status = 'PENDING' then 'CANCELLED' else status end,
                    failure_reason = case when status = 'PENDING' or failure_reason is not null then :erased end,
                    accept_token_hash = null, decline_token_hash = null, unsubscribe_token_hash = null,
                    updated_at = now(), version = version + 1
                where entry_id in (:entries)""")
                .param("erased", ERASED_REASON).param("entries", person.entryIds()).update();
    }
}
