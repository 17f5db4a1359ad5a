package com.jadecrane.audit;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes each module event in the same transaction as the change it reports, so there is no
 * change without its audit entry. Events listed in {@code jadecrane.audit.ignored-events} (high-
 * volume ones that are not staff actions) are skipped.
 */
@Component
class AuditLog {

    private static final String BASE_PACKAGE = "com.jadecrane.";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Set<String> ignored;

    AuditLog(JdbcClient jdbc, JsonMapper json, @Value("${jadecrane.audit.ignored-events:}") Set<String> ignored) {
        this.jdbc = jdbc;
        this.json = json;
        this.ignored = ignored;
    }

    @EventListener
    void on(PayloadApplicationEvent<?> event) {
        Object payload = event.getPayload();
        Class<?> type = payload.getClass();
        if (!type.isRecord() || !type.getPackageName().startsWith(BASE_PACKAGE) || ignored.contains(type.getSimpleName())) {
            return;
        }
        String module = type.getPackageName().substring(BASE_PACKAGE.length()).split("\\.")[0];
        jdbc.sql("""
                insert into audit_event (actor, action, module, remote_address, details)
                values (?, ?, ?, ?, cast(? as jsonb))
                """)
                .params(actor(payload), type.getSimpleName(), module, remoteAddress(), storable(json.writeValueAsString(payload)))
                .update();
    }

    /** jsonb cannot hold NUL: an event quoting hostile input must still be written down. */
    private static String storable(String json) {
        return json.replace("\\u0000", "\\uFFFD");
    }

    /** Sign-in events name their user themselves: nobody is signed in yet when they happen. */
    private static String actor(Object payload) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && !"anonymousUser".equals(authentication.getName())) {
            return truncate(authentication.getName());
        }
        for (var component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals("username") && component.getType() == String.class) {
                try {
                    return truncate(String.valueOf(component.getAccessor().invoke(payload)).replace('\u0000', '\uFFFD'));
                }
                catch (ReflectiveOperationException ex) {
                    break;
                }
            }
        }
        return RequestContextHolder.getRequestAttributes() == null ? "system" : "anonymous";
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String value) {
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
