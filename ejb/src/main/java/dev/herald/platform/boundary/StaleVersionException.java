package dev.herald.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A change made against a version that is no longer the current one: someone else changed the thing
 * in between. Nothing was saved; {@link #currentVersion()} is what it is now.
 */
@ApplicationException(rollback = true)
public class StaleVersionException extends RuntimeException {

    private final String kind;
    private final long currentVersion;

    public StaleVersionException(String kind, Object id, long currentVersion) {
        super("The " + kind + " " + id + " was changed by someone else since you read it; it is now at version "
                + currentVersion + ". Read it again, apply your change to it and send it with its new version.");
        this.kind = kind;
        this.currentVersion = currentVersion;
    }

    public String kind() {
        return kind;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
