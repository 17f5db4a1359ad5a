package com.jadecrane.waitlist;

import java.util.List;
import java.util.Set;

/**
 * A module that keeps personal data of waitlist people in tables of its own (seats, invitations,
 * the mail sent to them). The waitlist cannot know those tables without depending on the modules
 * that already depend on it, so they answer for their own rows: the data-subject export adds what
 * each holder reports under its {@link #section()}, and erasure calls every holder in the erasing
 * transaction, so a person is erased everywhere or nowhere.
 */
public interface PersonalDataHolder {

    /** The reason a holder writes where a row had to be changed because its person was erased. */
    String ERASED_REASON = "the person's personal data was erased";

    /** One person as the waitlist knows them, read before anything of theirs is erased. */
    record DataSubject(long entryId, List<Long> entryIds, Set<String> emails) {

        /**
         * @param entryIds the person's entry and every entry merged into it (a seat may have been
         *        given to an entry before it was merged)
         * @param emails every address they signed up with, lower case (mail is found by address)
         */
        public DataSubject {
            entryIds = List.copyOf(entryIds);
            emails = Set.copyOf(emails);
        }
    }

    /** The export's key for this holder's records, e.g. {@code allocations}. */
    String section();

    /** This holder's records of the person, as they are kept (serialized as JSON in the export). */
    Object recordsOf(DataSubject person);

    /**
     * Removes or anonymizes the person's personal data in this holder's tables. Runs inside the
     * waitlist's erasing transaction: a failure here rolls the whole erasure back.
     */
    void erase(DataSubject person, String erasedBy);
}
