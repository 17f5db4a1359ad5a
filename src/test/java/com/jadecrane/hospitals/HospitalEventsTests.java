package com.jadecrane.hospitals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.jadecrane.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events other modules (the audit log first) will hear. Called on the service in the test's
 * own thread, where {@link ApplicationEvents} records them; without a signed-in user the actor is
 * "system".
 */
@IntegrationTest
@RecordApplicationEvents
class HospitalEventsTests {

    @Autowired
    HospitalProfiles profiles;

    @Autowired
    ApplicationEvents events;

    @Test
    void statusChangesAndVerificationsArePublished() {
        String slug = HospitalFixtures.uniqueSlug("events");
        Hospital hospital = profiles.create(new HospitalForm(null, slug, "Events Hospital", null, "Xi'an", null, null,
                null, null, List.of(), null, List.of()));

        Hospital started = profiles.changeStatus(hospital.id(),
                new HospitalProfiles.StatusChange(HospitalStatus.IN_VERIFICATION, "Video call booked", hospital.version()));
        Verification verification = profiles.recordVerification(hospital.id(), new VerificationForm(LocalDate.now(),
                VerificationMethod.DOCUMENT_CHECK, "Verifier", null, null, started.version()));

        assertThat(events.stream(HospitalStatusChanged.class)).containsExactly(new HospitalStatusChanged(hospital.id(),
                slug, HospitalStatus.UNVERIFIED, HospitalStatus.IN_VERIFICATION, "Video call booked", "system"));
        assertThat(events.stream(HospitalVerified.class)).containsExactly(new HospitalVerified(hospital.id(), slug,
                verification.id(), LocalDate.now(), LocalDate.now().plusMonths(12), "system"));
    }
}
