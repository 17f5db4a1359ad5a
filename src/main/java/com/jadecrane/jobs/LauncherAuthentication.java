package com.jadecrane.jobs;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who launched the job, as the security context of the thread that runs it, so that what the job
 * does (an erasure by the retention job, say) is audited under the launcher's name, not
 * {@code system}. It grants no authority: a job is no more allowed to call secured methods than
 * before. It is only set where no one is signed in (a background thread, a schedule, the command
 * line); a job run in a request's own thread keeps that request's user.
 */
final class LauncherAuthentication extends AbstractAuthenticationToken {

    private final String launchedBy;

    private LauncherAuthentication(String launchedBy) {
        super(List.of());
        this.launchedBy = launchedBy;
        setAuthenticated(true);
    }

    /** Runs as {@code launchedBy} from now on in this thread, unless someone is signed in here. */
    static void assume(String launchedBy) {
        var current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || current instanceof LauncherAuthentication) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new LauncherAuthentication(launchedBy));
            SecurityContextHolder.setContext(context);
        }
    }

    /** Undoes {@link #assume} (a signed-in user's context is left as it was). */
    static void release() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof LauncherAuthentication) {
            SecurityContextHolder.clearContext();
        }
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return launchedBy;
    }
}
