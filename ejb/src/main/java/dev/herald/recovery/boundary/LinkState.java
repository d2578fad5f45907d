package dev.herald.recovery.boundary;

/**
 * What a new-password link can do, as its page says it: choose a password ({@code username} names
 * the account, for password managers), or nothing, and why.
 */
public record LinkState(Status status, String username) {

    public enum Status {
        USABLE,
        UNKNOWN,
        EXPIRED,
        USED,
        REPLACED
    }

    public boolean isUsable() {
        return status == Status.USABLE;
    }
}
