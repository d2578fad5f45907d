package dev.herald.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * The caller holds the permission for this kind of action but not for this case: assigning a role
 * they may not manage, say. The message says which rule refused it; nothing was saved.
 */
@ApplicationException(rollback = true)
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
