package dev.herald.access.boundary;

import java.util.Set;

/**
 * The answer to a sign-in attempt. Anything but {@link Outcome#VALID} carries no user details, and
 * an unknown user, a wrong password and a disabled account all answer {@link Outcome#INVALID}, so
 * that the answer does not tell which of them it was.
 */
public record Authentication(
        Outcome outcome, String username, String displayName, Set<String> groups, boolean mustChangePassword) {

    public enum Outcome {
        VALID,
        INVALID,
        LOCKED
    }

    public static Authentication invalid() {
        return new Authentication(Outcome.INVALID, null, null, Set.of(), false);
    }

    public static Authentication locked() {
        return new Authentication(Outcome.LOCKED, null, null, Set.of(), false);
    }

    public boolean isValid() {
        return outcome == Outcome.VALID;
    }
}
