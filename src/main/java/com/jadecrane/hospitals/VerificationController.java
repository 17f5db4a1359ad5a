package com.jadecrane.hospitals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The verification history of a profile and its evidence files. */
@RestController
@RequestMapping("/api/hospitals/{hospitalId}/verifications")
class VerificationController {

    private final HospitalProfiles profiles;

    VerificationController(HospitalProfiles profiles) {
        this.profiles = profiles;
    }

    /** Latest first. */
    @GetMapping
    @PreAuthorize(HospitalController.READERS)
    List<Verification> list(@PathVariable long hospitalId) {
        return profiles.verifications(hospitalId);
    }

    @PostMapping
    @PreAuthorize(HospitalController.WRITERS)
    @ResponseStatus(HttpStatus.CREATED)
    Verification record(@PathVariable long hospitalId, @Valid @RequestBody VerificationForm form) {
        return profiles.recordVerification(hospitalId, form);
    }

    @PostMapping(path = "/{verificationId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(HospitalController.WRITERS)
    @ResponseStatus(HttpStatus.CREATED)
    Verification.Evidence upload(@PathVariable long hospitalId, @PathVariable long verificationId,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        return profiles.addEvidence(hospitalId, verificationId, file);
    }

    /** Always a download, never rendered inline, so an uploaded file cannot run in the admin's origin. */
    @GetMapping("/{verificationId}/evidence/{evidenceId}")
    @PreAuthorize("hasAnyRole('EDITOR', 'OPS')")
    ResponseEntity<byte[]> download(@PathVariable long hospitalId, @PathVariable long verificationId,
            @PathVariable long evidenceId) {
        Verification.Evidence evidence = profiles.evidence(hospitalId, verificationId, evidenceId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(evidence.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(evidence.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(profiles.evidenceContent(evidenceId));
    }
}
