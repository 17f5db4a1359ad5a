package com.jadecrane.hospitals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;

@Repository
class HospitalRepository {

    static final Map<String, String> SORTABLE = Map.of("name", "h.name", "city", "h.city", "status", "h.status",
            "slug", "h.slug", "updatedAt", "h.updated_at", "verifiedOn", "v.verified_on",
            "verificationExpiresOn", "v.expires_on");

    private static final String FROM = """
            from hospital h left join hospital_verification v on v.id = h.latest_verification_id
            """;

    private static final String SELECT = """
            select h.*, v.verified_on, v.expires_on, v.method, v.verifier
            """ + FROM;

    /** Currently verified: VERIFIED and the latest verification still runs today. */
    private static final String CURRENTLY_VERIFIED = " h.status = 'VERIFIED' and v.expires_on >= :today ";

    /** The specialty filter's column: every code any department serves, derived in the same statement. */
    private static final String SPECIALTIES_OF_DEPARTMENTS = """
            array(select distinct s from jsonb_array_elements(cast(:departments as jsonb)) d,
                  jsonb_array_elements_text(d -> 'specialties') s order by s)
            """;

    private static final TypeReference<List<Department>> DEPARTMENTS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HospitalRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long count() {
        return jdbc.sql("select count(*) from hospital").query(Long.class).single();
    }

    Optional<Hospital> findById(long id) {
        return jdbc.sql(SELECT + " where h.id = :id").param("id", id).query(this::map).optional();
    }

    /** The profile row locked until the end of the transaction, so concurrent status changes queue up. */
    Optional<Hospital> lock(long id) {
        return jdbc.sql(SELECT + " where h.id = :id for update of h").param("id", id).query(this::map).optional();
    }

    Optional<Long> currentVersion(long id) {
        return jdbc.sql("select version from hospital where id = ?").param(id).query(Long.class).optional();
    }

    boolean slugTaken(String slug, Long exceptId) {
        return jdbc.sql("select exists(select 1 from hospital where slug = :slug and id <> coalesce(:id, -1))")
                .param("slug", slug).param("id", exceptId).query(Boolean.class).single();
    }

    Page<Hospital> find(HospitalSearch search, PageQuery page) {
        String where = """
                 where (cast(:q as text) is null or h.name ilike :like or h.local_name ilike :like or h.slug ilike :like)
                   and (cast(:status as text) is null or h.status = :status)
                   and (cast(:city as text) is null or lower(h.city) = lower(:city))
                   and (cast(:specialty as text) is null or h.specialties @> array[cast(:specialty as text)])
                   and (cast(:dueBy as date) is null or (h.status = 'VERIFIED' and v.expires_on between :today and :dueBy))
                """;
        List<Hospital> content = bind(jdbc.sql(SELECT + where + " order by " + page.orderBy()
                + " limit :limit offset :offset"), search)
                .param("limit", page.size()).param("offset", page.offset())
                .query(this::map).list();
        long total = bind(jdbc.sql("select count(*) " + FROM + where), search).query(Long.class).single();
        return new Page<>(content, total);
    }

    Page<Hospital> findCurrentlyVerified(String city, String specialty, PageQuery page) {
        String where = " where" + CURRENTLY_VERIFIED + """
                   and (cast(:city as text) is null or lower(h.city) = lower(:city))
                   and (cast(:specialty as text) is null or h.specialties @> array[cast(:specialty as text)])
                """;
        List<Hospital> content = jdbc.sql(SELECT + where + " order by " + page.orderBy() + " limit :limit offset :offset")
                .param("today", LocalDate.now()).param("city", city).param("specialty", specialty)
                .param("limit", page.size()).param("offset", page.offset())
                .query(this::map).list();
        long total = jdbc.sql("select count(*) " + FROM + where)
                .param("today", LocalDate.now()).param("city", city).param("specialty", specialty)
                .query(Long.class).single();
        return new Page<>(content, total);
    }

    Optional<Hospital> findCurrentlyVerified(String slug) {
        return jdbc.sql(SELECT + " where h.slug = :slug and" + CURRENTLY_VERIFIED)
                .param("slug", slug).param("today", LocalDate.now()).query(this::map).optional();
    }

    long insert(HospitalForm form, String username) {
        return bindProfile(jdbc.sql("""
                insert into hospital (slug, name, local_name, city, province, grade, website, international_desk,
                    departments, specialties, outside_pathology_review, imaging_review_dicom, multidisciplinary_team,
                    translated_written_summary, summary_languages, remote_record_triage, follow_up_channel,
                    follow_up_notes, records_required, red_flags_observed, created_by, updated_by)
                values (:slug, :name, :localName, :city, :province, :grade, :website, cast(:desk as jsonb),
                    cast(:departments as jsonb), """ + SPECIALTIES_OF_DEPARTMENTS + """
                    , :pathology, :imaging, :mdt,
                    :summary, cast(:summaryLanguages as jsonb), :triage, :followUp,
                    :followUpNotes, cast(:records as jsonb), cast(:redFlags as jsonb), :user, :user)
                returning id
                """), form).param("user", username).query(Long.class).single();
    }

    /** @return false when {@code expectedVersion} is no longer current (nothing was changed) */
    boolean update(long id, long expectedVersion, HospitalForm form, String username) {
        return bindProfile(jdbc.sql("""
                update hospital set slug = :slug, name = :name, local_name = :localName, city = :city,
                    province = :province, grade = :grade, website = :website, international_desk = cast(:desk as jsonb),
                    departments = cast(:departments as jsonb), specialties = """ + SPECIALTIES_OF_DEPARTMENTS + """
                    , outside_pathology_review = :pathology, imaging_review_dicom = :imaging,
                    multidisciplinary_team = :mdt, translated_written_summary = :summary,
                    summary_languages = cast(:summaryLanguages as jsonb), remote_record_triage = :triage,
                    follow_up_channel = :followUp, follow_up_notes = :followUpNotes,
                    records_required = cast(:records as jsonb), red_flags_observed = cast(:redFlags as jsonb),
                    version = version + 1, updated_by = :user, updated_at = now()
                where id = :id and version = :version
                """), form).param("user", username).param("id", id).param("version", expectedVersion)
                .update() == 1;
    }

    /** @return false when {@code expectedVersion} is no longer current (nothing was changed) */
    boolean changeStatus(long id, long expectedVersion, HospitalStatus status, String reason, String username) {
        return jdbc.sql("""
                update hospital set status = :status, status_reason = :reason, status_changed_at = now(),
                    version = version + 1, updated_by = :user, updated_at = now()
                where id = :id and version = :version
                """)
                .param("status", status.name()).param("reason", reason).param("user", username)
                .param("id", id).param("version", expectedVersion).update() == 1;
    }

    void markVerified(long id, long verificationId, String username) {
        jdbc.sql("""
                update hospital set latest_verification_id = :verification, status = 'VERIFIED', status_reason = null,
                    status_changed_at = case when status = 'VERIFIED' then status_changed_at else now() end,
                    version = version + 1, updated_by = :user, updated_at = now()
                where id = :id
                """)
                .param("verification", verificationId).param("user", username).param("id", id).update();
    }

    private JdbcClient.StatementSpec bindProfile(JdbcClient.StatementSpec statement, HospitalForm form) {
        FitCriteria fit = form.fit();
        return statement.param("slug", form.slug()).param("name", form.name().trim())
                .param("localName", blankToNull(form.localName())).param("city", form.city().trim())
                .param("province", blankToNull(form.province())).param("grade", blankToNull(form.grade()))
                .param("website", blankToNull(form.website()))
                .param("desk", json.writeValueAsString(form.internationalDesk()))
                .param("departments", json.writeValueAsString(form.departments()))
                .param("pathology", fit.outsidePathologyReview()).param("imaging", fit.imagingReviewDicom())
                .param("mdt", fit.multidisciplinaryTeam()).param("summary", fit.translatedWrittenSummary())
                .param("summaryLanguages", json.writeValueAsString(fit.summaryLanguages()))
                .param("triage", fit.remoteRecordTriage()).param("followUp", fit.followUpChannel().name())
                .param("followUpNotes", blankToNull(fit.followUpNotes()))
                .param("records", json.writeValueAsString(fit.recordsRequired()))
                .param("redFlags", json.writeValueAsString(form.redFlagsObserved()));
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, HospitalSearch search) {
        String like = search.q() == null ? null : "%" + search.q().replace("%", "\\%").replace("_", "\\_") + "%";
        LocalDate today = LocalDate.now();
        return statement.param("q", search.q()).param("like", like)
                .param("status", search.status() == null ? null : search.status().name())
                .param("city", search.city()).param("specialty", search.specialty())
                .param("today", today)
                .param("dueBy", search.expiringWithinDays() == null ? null : today.plusDays(search.expiringWithinDays()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private Hospital map(ResultSet rs, int row) throws SQLException {
        long verificationId = rs.getLong("latest_verification_id");
        Hospital.LatestVerification latest = rs.wasNull() ? null : new Hospital.LatestVerification(verificationId,
                rs.getObject("verified_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class),
                VerificationMethod.valueOf(rs.getString("method")), rs.getString("verifier"));
        FitCriteria fit = new FitCriteria(rs.getBoolean("outside_pathology_review"), rs.getBoolean("imaging_review_dicom"),
                rs.getBoolean("multidisciplinary_team"), rs.getBoolean("translated_written_summary"),
                json.readValue(rs.getString("summary_languages"), STRINGS), rs.getBoolean("remote_record_triage"),
                FollowUpChannel.valueOf(rs.getString("follow_up_channel")), rs.getString("follow_up_notes"),
                json.readValue(rs.getString("records_required"), STRINGS));
        return new Hospital(rs.getLong("id"), rs.getLong("version"), rs.getString("slug"), rs.getString("name"),
                rs.getString("local_name"), rs.getString("city"), rs.getString("province"), rs.getString("grade"),
                rs.getString("website"), json.readValue(rs.getString("international_desk"), InternationalDesk.class),
                json.readValue(rs.getString("departments"), DEPARTMENTS),
                Arrays.asList((String[]) rs.getArray("specialties").getArray()), fit,
                json.readValue(rs.getString("red_flags_observed"), STRINGS),
                HospitalStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getObject("status_changed_at", OffsetDateTime.class), latest,
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
