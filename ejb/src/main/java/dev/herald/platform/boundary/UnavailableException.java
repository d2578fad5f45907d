package dev.herald.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * Something Herald depends on cannot be used now, for a reason an administrator can act on (the
 * message says it in plain words): the API answers 503, a run records it as its failure.
 */
@ApplicationException(rollback = true)
public class UnavailableException extends RuntimeException {

    public UnavailableException(String message) {
        super(message);
    }
}
