package com.jadecrane.system;

import java.util.List;

/**
 * A step whose promise rests on a commit (claimed before mailing, erased for good) was asked to run
 * on a database that may lose that commit in a crash. Answered 503: the server, not the request,
 * is at fault, and it lasts until ops change the setting or accept the risk.
 */
public class NonDurableCommitsException extends IllegalStateException {

    NonDurableCommitsException(String action, List<String> unsafeSettings) {
        super("Refusing " + action + ": the database may lose a committed transaction in a crash ("
                + String.join(", ", unsafeSettings) + "). Turn the setting on in PostgreSQL, or accept the risk with "
                + DurableCommits.ACCEPT_RISK_PROPERTY + "=true");
    }
}
