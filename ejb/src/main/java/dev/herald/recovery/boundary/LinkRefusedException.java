package dev.herald.recovery.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A new-password link that no longer works (or never did) was used to set a password: nothing changed
 * but the audit log, which keeps the attempt (so the transaction is not rolled back).
 */
@ApplicationException(rollback = false)
public class LinkRefusedException extends RuntimeException {

    private final LinkState.Status status;

    public LinkRefusedException(LinkState.Status status) {
        super("The new-password link is " + status.name().toLowerCase(java.util.Locale.ROOT));
        this.status = status;
    }

    public LinkState.Status status() {
        return status;
    }
}
