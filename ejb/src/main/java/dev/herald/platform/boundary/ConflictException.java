package dev.herald.platform.boundary;

import jakarta.ejb.ApplicationException;

/** Someone else changed the same thing at the same time; nothing was saved. */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
