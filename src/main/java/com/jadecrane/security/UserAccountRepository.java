package com.jadecrane.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.jadecrane.system.Page;
import com.jadecrane.system.PageQuery;

@Repository
class UserAccountRepository {

    static final Map<String, String> SORTABLE = Map.of("username", "u.username", "displayName", "u.display_name",
            "email", "u.email", "enabled", "u.enabled", "createdAt", "u.created_at");

    private static final String SELECT = """
            select u.id, u.username, u.email, u.display_name, u.enabled, u.version, u.created_at,
                   coalesce(string_agg(r.role, ',' order by r.role), '') as roles
            from app_user u left join app_user_role r on r.user_id = u.id
            """;

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select exists(select 1 from app_user where lower(username) = lower(?))")
                .param(username).query(Boolean.class).single();
    }

    Page<UserAccount> find(String search, PageQuery page) {
        String where = " where (cast(:q as text) is null or u.username ilike :like or u.email ilike :like"
                + " or u.display_name ilike :like)";
        String like = search == null ? null : "%" + search.replace("%", "\\%").replace("_", "\\_") + "%";
        List<UserAccount> users = jdbc.sql(SELECT + where + " group by u.id order by " + page.orderBy()
                        + " limit :limit offset :offset")
                .param("q", search).param("like", like)
                .param("limit", page.size()).param("offset", page.offset())
                .query(UserAccountRepository::map).list();
        long total = jdbc.sql("select count(*) from app_user u" + where)
                .param("q", search).param("like", like).query(Long.class).single();
        return new Page<>(users, total);
    }

    Optional<UserAccount> findById(long id) {
        return jdbc.sql(SELECT + " where u.id = ? group by u.id").param(id).query(UserAccountRepository::map).optional();
    }

    /** For sign-in: the hash and roles of an account, by username regardless of case. */
    Optional<Credentials> findCredentials(String username) {
        return jdbc.sql("""
                select u.username, u.password_hash, u.enabled, u.locked_until > now() as locked,
                       coalesce(string_agg(r.role, ',' order by r.role), '') as roles
                from app_user u left join app_user_role r on r.user_id = u.id
                where lower(u.username) = lower(?) group by u.id
                """)
                .param(username)
                .query((rs, n) -> new Credentials(rs.getString("username"), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), rs.getBoolean("locked"), roles(rs.getString("roles"))))
                .optional();
    }

    long insert(String username, String passwordHash, String email, String displayName, Set<Role> roles) {
        long id = jdbc.sql("""
                insert into app_user (username, password_hash, email, display_name)
                values (?, ?, ?, ?) returning id
                """)
                .params(username, passwordHash, email, displayName).query(Long.class).single();
        replaceRoles(id, roles);
        return id;
    }

    /** @return false when {@code expectedVersion} is no longer current (nothing was changed) */
    boolean update(long id, long expectedVersion, String email, String displayName, Set<Role> roles, boolean enabled) {
        int updated = jdbc.sql("""
                update app_user set email = ?, display_name = ?, enabled = ?, version = version + 1, updated_at = now()
                where id = ? and version = ?
                """)
                .params(email, displayName, enabled, id, expectedVersion).update();
        if (updated == 0) {
            return false;
        }
        replaceRoles(id, roles);
        return true;
    }

    private void replaceRoles(long id, Set<Role> roles) {
        jdbc.sql("delete from app_user_role where user_id = ?").param(id).update();
        for (Role role : roles) {
            jdbc.sql("insert into app_user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
        }
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
                rs.getString("display_name"), roles(rs.getString("roles")), rs.getBoolean("enabled"),
                rs.getLong("version"), rs.getObject("created_at", OffsetDateTime.class));
    }

    private static Set<Role> roles(String joined) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : joined.split(",")) {
            if (!role.isEmpty()) {
                roles.add(Role.valueOf(role));
            }
        }
        return roles;
    }

    /**
     * Counts a failed sign-in; the fifth in a row locks the account for {@code lockFor}.
     *
     * @return true when this failure locked the account
     */
    boolean recordFailedSignIn(String username, int maxFailures, java.time.Duration lockFor) {
        return jdbc.sql("""
                update app_user set
                    failed_sign_ins = case when failed_sign_ins + 1 >= :max then 0 else failed_sign_ins + 1 end,
                    locked_until = case when failed_sign_ins + 1 >= :max
                                        then now() + make_interval(secs => :seconds) else locked_until end
                where lower(username) = lower(:username)
                returning locked_until > now()
                """)
                .param("max", maxFailures).param("seconds", lockFor.toSeconds()).param("username", username)
                .query(Boolean.class).optional().orElse(false);
    }

    void recordSuccessfulSignIn(String username) {
        jdbc.sql("update app_user set failed_sign_ins = 0, locked_until = null where lower(username) = lower(?)"
                + " and (failed_sign_ins > 0 or locked_until is not null)").param(username).update();
    }

    record Credentials(String username, String passwordHash, boolean enabled, boolean locked, Set<Role> roles) {
    }
}
