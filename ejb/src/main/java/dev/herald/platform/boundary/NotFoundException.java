package dev.herald.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * What was asked for does not exist, or the caller may not see it: the two are told apart to no one.
 */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    private final String kind;
    private final String id;

    public NotFoundException(String kind, Object id) {
        super("No " + kind + " " + id);
        this.kind = kind;
        this.id = String.valueOf(id);
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
