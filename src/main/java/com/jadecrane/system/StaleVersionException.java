package com.jadecrane.system;

/**
 * A save carried a {@code version} that is no longer the current one: somebody else saved in
 * between. Answered with 409 and the current version, so that nothing is overwritten silently.
 */
public class StaleVersionException extends RuntimeException {

    private final long currentVersion;

    public StaleVersionException(String resource, Object id, long currentVersion) {
        super(resource + " " + id + " was changed by someone else meanwhile (now at version " + currentVersion
                + "); reload it and apply your change again");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
