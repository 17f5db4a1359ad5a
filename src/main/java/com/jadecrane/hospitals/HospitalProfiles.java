package com.jadecrane.hospitals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;

import com.jadecrane.security.CurrentUser;
import com.jadecrane.specialties.Specialties;
import com.jadecrane.system.ConflictException;
import com.jadecrane.system.FieldProblem;
import com.jadecrane.system.InvalidInputException;
import com.jadecrane.system.Problems;
import com.jadecrane.system.ResourceNotFoundException;
import com.jadecrane.system.StaleVersionException;

/**
 * Keeping profiles verified: edits, the status machine and verifications with their evidence.
 * A profile becomes VERIFIED only by recording a verification, and EXPIRED only by the expiry job.
 */
@Service
class HospitalProfiles {

    static final String RESOURCE = "Hospital";

    /** The status changes an editor may make by hand; VERIFIED and EXPIRED are never among them. */
    private static final Map<HospitalStatus, Set<HospitalStatus>> MANUAL_CHANGES = Map.of(
            HospitalStatus.UNVERIFIED, EnumSet.of(HospitalStatus.IN_VERIFICATION, HospitalStatus.SUSPENDED),
            HospitalStatus.IN_VERIFICATION, EnumSet.of(HospitalStatus.SUSPENDED),
            HospitalStatus.VERIFIED, EnumSet.of(HospitalStatus.SUSPENDED),
            HospitalStatus.EXPIRED, EnumSet.of(HospitalStatus.IN_VERIFICATION, HospitalStatus.SUSPENDED),
            HospitalStatus.SUSPENDED, EnumSet.of(HospitalStatus.IN_VERIFICATION));

    /** A verification can be recorded while it is under way, to renew a current one, or to renew a lapsed one. */
    private static final Set<HospitalStatus> VERIFIABLE = EnumSet.of(HospitalStatus.IN_VERIFICATION,
            HospitalStatus.VERIFIED, HospitalStatus.EXPIRED);

    private static final int DEFAULT_VALIDITY_MONTHS = 12;

    private final HospitalRepository hospitals;
    private final VerificationRepository verifications;
    private final Specialties specialties;
    private final ApplicationEventPublisher events;
    private final DataSize maxEvidenceSize;

    HospitalProfiles(HospitalRepository hospitals, VerificationRepository verifications, Specialties specialties,
            ApplicationEventPublisher events,
            @Value("${jadecrane.hospitals.evidence-max-size:10MB}") DataSize maxEvidenceSize) {
        this.hospitals = hospitals;
        this.verifications = verifications;
        this.specialties = specialties;
        this.events = events;
        this.maxEvidenceSize = maxEvidenceSize;
    }

    Hospital get(long id) {
        return hospitals.findById(id).orElseThrow(() -> new ResourceNotFoundException(RESOURCE, id));
    }

    @Transactional
    Hospital create(HospitalForm form) {
        check(form, null);
        return get(hospitals.insert(form, CurrentUser.username()));
    }

    @Transactional
    Hospital update(long id, HospitalForm form) {
        if (form.version() == null) {
            throw new InvalidInputException("version", "is required: send the version you last read");
        }
        check(form, id);
        if (!hospitals.update(id, form.version(), form, CurrentUser.username())) {
            throw staleOrMissing(id);
        }
        return get(id);
    }

    @Transactional
    Hospital changeStatus(long id, StatusChange change) {
        Hospital hospital = hospitals.lock(id).orElseThrow(() -> new ResourceNotFoundException(RESOURCE, id));
        if (hospital.version() != change.version()) {
            throw new StaleVersionException(RESOURCE, id, hospital.version());
        }
        HospitalStatus target = change.status();
        if (target == HospitalStatus.VERIFIED || target == HospitalStatus.EXPIRED || target == HospitalStatus.UNVERIFIED) {
            throw new InvalidInputException("status", target == HospitalStatus.VERIFIED
                    ? "VERIFIED is reached only by recording a verification"
                    : target + " cannot be set by hand; use IN_VERIFICATION or SUSPENDED");
        }
        if (!MANUAL_CHANGES.get(hospital.status()).contains(target)) {
            throw new ConflictException("A " + hospital.status() + " profile cannot move to " + target);
        }
        String reason = change.reason() == null || change.reason().isBlank() ? null : change.reason().trim();
        if (target == HospitalStatus.SUSPENDED && reason == null) {
            throw new InvalidInputException("reason", "say why the profile is suspended");
        }
        hospitals.changeStatus(id, change.version(), target, reason, CurrentUser.username());
        events.publishEvent(new HospitalStatusChanged(id, hospital.slug(), hospital.status(), target, reason,
                CurrentUser.username()));
        return get(id);
    }

    List<Verification> verifications(long hospitalId) {
        get(hospitalId);
        return verifications.findByHospital(hospitalId);
    }

    @Transactional
    Verification recordVerification(long hospitalId, VerificationForm form) {
        Hospital hospital = hospitals.lock(hospitalId)
                .orElseThrow(() -> new ResourceNotFoundException(RESOURCE, hospitalId));
        if (form.version() != null && form.version() != hospital.version()) {
            throw new StaleVersionException(RESOURCE, hospitalId, hospital.version());
        }
        LocalDate today = LocalDate.now();
        LocalDate expiresOn = form.expiresOn() != null ? form.expiresOn() : form.verifiedOn().plusMonths(DEFAULT_VALIDITY_MONTHS);
        List<FieldProblem> problems = new ArrayList<>();
        if (form.verifiedOn().isAfter(today)) {
            problems.add(new FieldProblem("verifiedOn", "must not be in the future"));
        }
        if (hospital.latestVerification() != null && form.verifiedOn().isBefore(hospital.latestVerification().verifiedOn())) {
            problems.add(new FieldProblem("verifiedOn", "must not be before the latest verification ("
                    + hospital.latestVerification().verifiedOn() + ")"));
        }
        if (!expiresOn.isAfter(form.verifiedOn())) {
            problems.add(new FieldProblem("expiresOn", "must be after verifiedOn"));
        }
        else if (expiresOn.isBefore(today)) {
            problems.add(new FieldProblem("expiresOn", "is already past: the verification would have lapsed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!VERIFIABLE.contains(hospital.status())) {
            throw new ConflictException("A " + hospital.status() + " profile cannot be verified; "
                    + (hospital.status() == HospitalStatus.SUSPENDED ? "resume it" : "start its verification") + " first");
        }
        String user = CurrentUser.username();
        long verificationId = verifications.insert(hospitalId, form.verifiedOn(), expiresOn, form.method(),
                form.verifier().trim(), form.notes(), user);
        hospitals.markVerified(hospitalId, verificationId, user);
        events.publishEvent(new HospitalVerified(hospitalId, hospital.slug(), verificationId, form.verifiedOn(),
                expiresOn, user));
        return verifications.find(hospitalId, verificationId).orElseThrow();
    }

    /** Checked before anything is written: a refused file leaves no trace. */
    @Transactional
    Verification.Evidence addEvidence(long hospitalId, long verificationId, MultipartFile upload) {
        verifications.find(hospitalId, verificationId)
                .orElseThrow(() -> new ResourceNotFoundException("Verification", verificationId));
        if (upload == null || upload.isEmpty()) {
            throw new InvalidInputException("file", "choose a file (" + EvidenceFile.ACCEPTED + ")");
        }
        if (upload.getSize() > maxEvidenceSize.toBytes()) {
            throw fileProblem(HttpStatus.CONTENT_TOO_LARGE, "is larger than " + maxEvidenceSize.toMegabytes() + " MB");
        }
        EvidenceFile file = EvidenceFile.of(upload.getOriginalFilename(), bytes(upload))
                .orElseThrow(() -> fileProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "must be a " + EvidenceFile.ACCEPTED + " file"));
        long evidenceId = verifications.insertEvidence(verificationId, file, CurrentUser.username());
        return verifications.findEvidence(hospitalId, verificationId, evidenceId).orElseThrow();
    }

    Verification.Evidence evidence(long hospitalId, long verificationId, long evidenceId) {
        return verifications.findEvidence(hospitalId, verificationId, evidenceId)
                .orElseThrow(() -> new ResourceNotFoundException("Evidence", evidenceId));
    }

    byte[] evidenceContent(long evidenceId) {
        return verifications.evidenceContent(evidenceId);
    }

    /** Rules bean validation cannot see: known specialties, a real web address, a free slug. */
    private void check(HospitalForm form, Long id) {
        List<FieldProblem> problems = new ArrayList<>();
        if (hospitals.slugTaken(form.slug(), id)) {
            problems.add(new FieldProblem("slug", "is already used by another hospital"));
        }
        if (form.website() != null && !form.website().isBlank() && !isWebAddress(form.website().trim())) {
            problems.add(new FieldProblem("website", "must be an http or https address, e.g. https://hospital.example"));
        }
        for (int d = 0; d < form.departments().size(); d++) {
            List<String> codes = form.departments().get(d).specialties();
            for (int s = 0; s < codes.size(); s++) {
                if (specialties.find(codes.get(s)).isEmpty()) {
                    problems.add(new FieldProblem("departments[" + d + "].specialties[" + s + "]",
                            "'" + codes.get(s) + "' is not a known specialty"));
                }
            }
        }
        if (form.fit().translatedWrittenSummary() && form.fit().summaryLanguages().isEmpty()) {
            problems.add(new FieldProblem("fit.summaryLanguages", "name the languages of the translated summary"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static boolean isWebAddress(String website) {
        try {
            URI uri = new URI(website);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        }
        catch (URISyntaxException ex) {
            return false;
        }
    }

    private RuntimeException staleOrMissing(long id) {
        return hospitals.currentVersion(id).<RuntimeException>map(v -> new StaleVersionException(RESOURCE, id, v))
                .orElseGet(() -> new ResourceNotFoundException(RESOURCE, id));
    }

    /** A refused upload, answered with its own status (413, 415) and the {@code file} field named. */
    private static ErrorResponseException fileProblem(HttpStatus status, String message) {
        ProblemDetail problem = Problems.of(status, "Invalid file: " + message);
        problem.setTitle("Invalid file");
        problem.setProperty("errors", List.of(new FieldProblem("file", message)));
        return new ErrorResponseException(status, problem, null);
    }

    private static byte[] bytes(MultipartFile upload) {
        try {
            return upload.getBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    record StatusChange(HospitalStatus status, String reason, long version) {
    }
}
