package com.jadecrane.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;

/** Plain SQL over {@code guide} and {@code guide_revision}; content travels as JSONB. */
@Repository
class GuideRepository {

    /** JSON field -> SQL expression the admin list may sort by. */
    static final Map<String, String> SORTABLE = Map.of("title", "g.content ->> 'title'", "slug", "g.slug",
            "locale", "g.locale", "status", "g.status", "updatedAt", "g.updated_at", "createdAt", "g.created_at",
            "publishedAt", "g.published_at", "publishAt", "g.publish_at",
            "nextReviewDue", "(g.content -> 'medicalReview' ->> 'nextReviewDue')");

    private static final String SELECT = """
            select g.id, g.translation_group, g.locale, g.slug, g.status, g.version, g.content, g.current_revision,
                   g.publish_at, g.published_content, g.published_revision, g.published_at, g.created_at, g.updated_at
            from guide g
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    GuideRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Admin list filters; null means "any". */
    record Filter(String search, GuideStatus status, String locale, String specialty, LocalDate reviewDueBefore) {
    }

    Page<Guide> find(Filter filter, PageQuery page) {
        String where = """
                 where (cast(:q as text) is null or g.content ->> 'title' ilike :like or g.slug ilike :like)
                   and (cast(:status as text) is null or g.status = :status)
                   and (cast(:locale as text) is null or g.locale = :locale)
                   and (cast(:specialty as text) is null or g.content -> 'specialties' @> jsonb_build_array(cast(:specialty as text)))
                   and (cast(:dueBefore as date) is null
                        or cast(g.content -> 'medicalReview' ->> 'nextReviewDue' as date) <= cast(:dueBefore as date))
                """;
        String like = filter.search() == null ? null
                : "%" + filter.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("q", filter.search());
        params.put("like", like);
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("locale", filter.locale());
        params.put("specialty", filter.specialty());
        params.put("dueBefore", filter.reviewDueBefore());
        List<Guide> guides = jdbc.sql(SELECT + where + " order by " + page.orderBy() + " limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(this::map).list();
        long total = jdbc.sql("select count(*) from guide g" + where).params(params).query(Long.class).single();
        return new Page<>(guides, total);
    }

    /** Published guides only, for the public list. */
    Page<Guide> findLive(String locale, String specialty, PageQuery page) {
        String where = """
                 where g.status = 'PUBLISHED' and g.published_content is not null
                   and (cast(:locale as text) is null or g.locale = :locale)
                   and (cast(:specialty as text) is null
                        or g.published_content -> 'specialties' @> jsonb_build_array(cast(:specialty as text)))
                """;
        List<Guide> guides = jdbc.sql(SELECT + where + " order by " + page.orderBy() + " limit :limit offset :offset")
                .param("locale", locale).param("specialty", specialty)
                .param("limit", page.size()).param("offset", page.offset()).query(this::map).list();
        long total = jdbc.sql("select count(*) from guide g" + where).param("locale", locale)
                .param("specialty", specialty).query(Long.class).single();
        return new Page<>(guides, total);
    }

    Optional<Guide> findById(long id) {
        return jdbc.sql(SELECT + " where g.id = ?").param(id).query(this::map).optional();
    }

    /** Locks the row for the rest of the transaction, so two saves or publishes queue up. */
    Optional<Guide> lock(long id) {
        return jdbc.sql(SELECT + " where g.id = ? for update").param(id).query(this::map).optional();
    }

    Optional<Guide> findBySlug(String locale, String slug) {
        return jdbc.sql(SELECT + " where g.locale = ? and g.slug = ?").params(locale, slug).query(this::map).optional();
    }

    List<Guide> translations(long translationGroup) {
        return jdbc.sql(SELECT + " where g.translation_group = ? order by g.locale").param(translationGroup)
                .query(this::map).list();
    }

    /** Scheduled pages whose time has come; rows another instance is publishing are skipped. */
    List<Long> lockDueForPublishing(OffsetDateTime now) {
        return jdbc.sql("""
                select id from guide where publish_at <= ? and status in ('IN_REVIEW', 'PUBLISHED')
                order by publish_at, id for update skip locked
                """).param(now).query(Long.class).list();
    }

    boolean isEmpty() {
        return !jdbc.sql("select exists(select 1 from guide)").query(Boolean.class).single();
    }

    long insert(Long translationGroup, String locale, String slug, GuideContent content) {
        long id = jdbc.sql("""
                insert into guide (translation_group, locale, slug, content)
                values (coalesce(cast(:group as bigint), 0), :locale, :slug, cast(:content as jsonb)) returning id
                """)
                .param("group", translationGroup).param("locale", locale).param("slug", slug)
                .param("content", json.writeValueAsString(content)).query(Long.class).single();
        if (translationGroup == null) {
            jdbc.sql("update guide set translation_group = id where id = ?").param(id).update();
        }
        return id;
    }

    /** @return false when {@code expectedVersion} is no longer current (nothing was changed) */
    boolean updateContent(long id, long expectedVersion, GuideContent content, int revision) {
        return jdbc.sql("""
                update guide set content = cast(? as jsonb), current_revision = ?, version = version + 1, updated_at = now()
                where id = ? and version = ?
                """).params(json.writeValueAsString(content), revision, id, expectedVersion).update() == 1;
    }

    boolean updateStatus(long id, long expectedVersion, GuideStatus status, OffsetDateTime publishAt) {
        return jdbc.sql("""
                update guide set status = ?, publish_at = ?, version = version + 1, updated_at = now()
                where id = ? and version = ?
                """).params(status.name(), publishAt, id, expectedVersion).update() == 1;
    }

    /** Makes the working copy the public one; version-checked unless {@code expectedVersion} is null (the scheduler). */
    boolean publish(long id, Long expectedVersion, OffsetDateTime publishedAt) {
        return jdbc.sql("""
                update guide set status = 'PUBLISHED', published_content = content, published_revision = current_revision,
                       published_at = :at, publish_at = null, version = version + 1, updated_at = now()
                where id = :id and (cast(:expected as bigint) is null or version = cast(:expected as bigint))
                """).param("at", publishedAt).param("id", id).param("expected", expectedVersion).update() == 1;
    }

    void clearSchedule(long id) {
        jdbc.sql("update guide set publish_at = null, version = version + 1, updated_at = now() where id = ?")
                .param(id).update();
    }

    void insertRevision(long guideId, int revision, GuideContent content, String savedBy, String note) {
        jdbc.sql("""
                insert into guide_revision (guide_id, revision, content, saved_by, note)
                values (?, ?, cast(? as jsonb), ?, ?)
                """).params(guideId, revision, json.writeValueAsString(content), savedBy, note).update();
    }

    List<GuideRevision> revisions(long guideId) {
        return jdbc.sql("select * from guide_revision where guide_id = ? order by revision desc").param(guideId)
                .query(this::mapRevision).list();
    }

    Optional<GuideRevision> revision(long guideId, int revision) {
        return jdbc.sql("select * from guide_revision where guide_id = ? and revision = ?").params(guideId, revision)
                .query(this::mapRevision).optional();
    }

    /** Which of these slugs are live (published and not archived) in this locale. */
    List<String> liveSlugs(String locale, List<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select slug from guide where locale = :locale and slug in (:slugs)
                and status = 'PUBLISHED' and published_content is not null
                """).param("locale", locale).param("slugs", new ArrayList<>(slugs)).query(String.class).list();
    }

    private Guide map(ResultSet rs, int row) throws SQLException {
        String published = rs.getString("published_content");
        return new Guide(rs.getLong("id"), rs.getLong("translation_group"), rs.getString("locale"),
                rs.getString("slug"), GuideStatus.valueOf(rs.getString("status")), rs.getLong("version"),
                content(rs.getString("content")), rs.getInt("current_revision"),
                rs.getObject("publish_at", OffsetDateTime.class), published == null ? null : content(published),
                (Integer) rs.getObject("published_revision"), rs.getObject("published_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    private GuideRevision mapRevision(ResultSet rs, int row) throws SQLException {
        return new GuideRevision(rs.getLong("guide_id"), rs.getInt("revision"), content(rs.getString("content")),
                rs.getString("saved_by"), rs.getObject("saved_at", OffsetDateTime.class), rs.getString("note"));
    }

    private GuideContent content(String value) {
        return json.readValue(value, GuideContent.class);
    }
}
