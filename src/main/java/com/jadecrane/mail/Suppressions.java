package com.jadecrane.mail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.jadecrane.security.CurrentUser;
import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;
import com.jadecrane.system.ResourceNotFoundException;

/** The addresses nobody may email: unsubscribed, bounced, spam reports, and ops' own additions. */
@Service
public class Suppressions {

    public enum Reason {
        UNSUBSCRIBED, BOUNCED, SPAM_REPORT, DROPPED, MANUAL
    }

    public record Suppression(String email, String reason, String note, String source, OffsetDateTime createdAt) {
    }

    static final java.util.Map<String, String> SORTABLE = java.util.Map.of("email", "email", "reason", "reason",
            "createdAt", "created_at");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Suppressions(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<Suppression> find(String email) {
        return jdbc.sql("select email, reason, note, source, created_at from mail_suppression where email = ?")
                .param(normalize(email)).query(Suppression.class).optional();
    }

    /** The suppressed ones among these addresses (normalized) and their reasons, in one query. */
    Map<String, String> reasons(List<String> emails) {
        List<String> normalized = emails.stream().map(Suppressions::normalize).distinct().toList();
        return jdbc.sql("select email, reason from mail_suppression where email in (:emails)").param("emails", normalized)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Adds the address (the first reason stays when it is already suppressed). */
    @Transactional
    public void suppress(String email, Reason reason, String note, String source) {
        int added = jdbc.sql("""
                insert into mail_suppression (email, reason, note, source) values (?, ?, ?, ?)
                on conflict (email) do nothing
                """).params(normalize(email), reason.name(), note, source).update();
        if (added > 0) {
            events.publishEvent(new SuppressionAdded(normalize(email), reason.name(), source));
        }
    }

    @Transactional
    public void remove(String email, String note) {
        Suppression existing = find(email).orElseThrow(() -> new ResourceNotFoundException("Suppression", email));
        jdbc.sql("delete from mail_suppression where email = ?").param(existing.email()).update();
        jdbc.sql("insert into mail_suppression_removal (email, reason, note, removed_by) values (?, ?, ?, ?)")
                .params(existing.email(), existing.reason(), note, CurrentUser.username()).update();
        events.publishEvent(new SuppressionRemoved(existing.email(), existing.reason(), CurrentUser.username()));
    }

    Page<Suppression> list(String search, String reason, PageQuery page) {
        String where = " where (cast(:q as text) is null or email like :like) and (cast(:reason as text) is null or reason = :reason)";
        String like = search == null ? null : "%" + normalize(search).replace("%", "\\%").replace("_", "\\_") + "%";
        List<Suppression> content = jdbc.sql("select email, reason, note, source, created_at from mail_suppression"
                        + where + " order by " + page.orderBy() + " limit :limit offset :offset")
                .param("q", search).param("like", like).param("reason", reason)
                .param("limit", page.size()).param("offset", page.offset())
                .query(Suppression.class).list();
        long total = jdbc.sql("select count(*) from mail_suppression" + where)
                .param("q", search).param("like", like).param("reason", reason).query(Long.class).single();
        return new Page<>(content, total);
    }

    static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
