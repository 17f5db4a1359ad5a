package com.jadecrane.hospitals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VerificationRepository {

    private static final String SELECT_EVIDENCE = """
            select e.id, e.verification_id, e.file_name, e.content_type, e.size_bytes, e.sha256, e.uploaded_by, e.uploaded_at
            from hospital_verification_evidence e join hospital_verification v on v.id = e.verification_id
            """;

    private final JdbcClient jdbc;

    VerificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long hospitalId, LocalDate verifiedOn, LocalDate expiresOn, VerificationMethod method, String verifier,
            String notes, String recordedBy) {
        return jdbc.sql("""
                insert into hospital_verification (hospital_id, verified_on, expires_on, method, verifier, notes, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(hospitalId, verifiedOn, expiresOn, method.name(), verifier, notes, recordedBy)
                .query(Long.class).single();
    }

    /** Latest first: the order of the timeline. */
    List<Verification> findByHospital(long hospitalId) {
        Map<Long, List<Verification.Evidence>> evidence = jdbc.sql(SELECT_EVIDENCE + " where v.hospital_id = ? order by e.id")
                .param(hospitalId).query(VerificationRepository::mapEvidence).list().stream()
                .collect(Collectors.groupingBy(Verification.Evidence::verificationId));
        return jdbc.sql("select * from hospital_verification where hospital_id = ? order by verified_on desc, id desc")
                .param(hospitalId)
                .query((rs, row) -> map(rs, evidence.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    Optional<Verification> find(long hospitalId, long verificationId) {
        return jdbc.sql("select * from hospital_verification where hospital_id = ? and id = ?")
                .params(hospitalId, verificationId)
                .query((rs, row) -> map(rs, jdbc.sql(SELECT_EVIDENCE + " where v.id = ? order by e.id")
                        .param(verificationId).query(VerificationRepository::mapEvidence).list()))
                .optional();
    }

    long insertEvidence(long verificationId, EvidenceFile file, String uploadedBy) {
        return jdbc.sql("""
                insert into hospital_verification_evidence
                    (verification_id, file_name, content_type, size_bytes, sha256, content, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(verificationId, file.fileName(), file.contentType(), file.content().length, file.sha256(),
                        file.content(), uploadedBy)
                .query(Long.class).single();
    }

    Optional<Verification.Evidence> findEvidence(long hospitalId, long verificationId, long evidenceId) {
        return jdbc.sql(SELECT_EVIDENCE + " where v.hospital_id = ? and v.id = ? and e.id = ?")
                .params(hospitalId, verificationId, evidenceId).query(VerificationRepository::mapEvidence).optional();
    }

    byte[] evidenceContent(long evidenceId) {
        return jdbc.sql("select content from hospital_verification_evidence where id = ?").param(evidenceId)
                .query(byte[].class).single();
    }

    private static Verification map(ResultSet rs, List<Verification.Evidence> evidence) throws SQLException {
        return new Verification(rs.getLong("id"), rs.getLong("hospital_id"), rs.getObject("verified_on", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class), VerificationMethod.valueOf(rs.getString("method")),
                rs.getString("verifier"), rs.getString("notes"), rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class), evidence);
    }

    private static Verification.Evidence mapEvidence(ResultSet rs, int row) throws SQLException {
        return new Verification.Evidence(rs.getLong("id"), rs.getLong("verification_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class));
    }
}
