package dev.herald.platform.boundary;

import jakarta.ejb.ApplicationException;

/** A change to something guarded against lost updates came without the version it was made against. */
@ApplicationException(rollback = true)
public class VersionRequiredException extends RuntimeException {

    public VersionRequiredException(String kind) {
        super("Changing or deleting a " + kind + " needs If-Match with the ETag you read it with (GET answers it),"
                + " or If-Match: * to change whatever version is there now.");
    }
}
