package dev.herald.access.console;

import dev.herald.access.boundary.Authentication;
import dev.herald.access.boundary.PasswordCredential;

/**
 * What a refused sign-in says. A wrong user name and a wrong password get the same words, so that
 * the page does not tell which user names exist.
 */
public final class SignInMessages {

    public static final String REFUSED = "The user name or password is not correct.";
    public static final String LOCKED =
            "This account is locked after too many failed sign-ins. Try again in 15 minutes, or ask an administrator to unlock it.";
    public static final String NOT_STAFF =
            "This account is for the partner portal, not the console. Sign in at /partner instead.";

    private SignInMessages() {}

    public static String forRefused(PasswordCredential credential) {
        if (credential.outcome() == Authentication.Outcome.LOCKED) {
            return LOCKED;
        }
        return credential.refusedHere() ? NOT_STAFF : REFUSED;
    }
}
