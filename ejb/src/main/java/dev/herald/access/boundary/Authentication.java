package dev.herald.access.boundary;

import java.util.Set;

/**
 * The answer to a sign-in attempt. A refused attempt carries nothing: an unknown user, a wrong
 * password, a disabled account and a blocked attempt all answer {@link #invalid()}, so that neither
 * the answer nor the words built on it tell which it was. {@code sessionStamp} is what a console or
 * portal session remembers to notice later changes to the account.
 */
public record Authentication(
        Outcome outcome,
        String username,
        String displayName,
        Set<String> groups,
        boolean mustChangePassword,
        long sessionStamp) {

    /** What the console, the portal and the API say to every refused password sign-in. */
    public static final String REFUSED =
            "The user name or password is not correct, or there were too many failed attempts: wait 15 minutes and try again.";

    public enum Outcome {
        VALID,
        INVALID
    }

    public static Authentication invalid() {
        return new Authentication(Outcome.INVALID, null, null, Set.of(), false, 0);
    }

    public boolean isValid() {
        return outcome == Outcome.VALID;
    }
}
