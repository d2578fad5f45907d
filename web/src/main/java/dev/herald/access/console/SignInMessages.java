package dev.herald.access.console;

import dev.herald.access.boundary.Authentication;
import dev.herald.access.boundary.PasswordCredential;

/**
 * What a refused sign-in says. An unknown user name, a wrong password, a disabled account and too
 * many failed attempts all get the same words (those of the portal and the API too), so that the
 * page tells nobody which user names exist or which are being guessed at. Only someone who typed
 * the right password hears that this is the wrong application for them.
 */
public final class SignInMessages {

    public static final String REFUSED = Authentication.REFUSED;
    public static final String NOT_STAFF =
            "This account is for the partner portal, not the console. Sign in at /partner instead.";

    private SignInMessages() {}

    public static String forRefused(PasswordCredential credential) {
        return credential.refusedHere() ? NOT_STAFF : REFUSED;
    }
}
