package dev.herald.runs.control;

import dev.herald.access.control.TokenSecrets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The tokens of download links: 256 random bits, URL-safe. Only their SHA-256 is stored; the token
 * itself exists only in the e-mail. A token alone opens nothing: the portal also asks the holder to
 * sign in as a recipient of the file.
 */
public final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private LinkTokens() {}

    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String digest(String token) {
        return TokenSecrets.digest(token);
    }

    /** True when the text could be a token: checked before any lookup, so junk costs nothing. */
    public static boolean looksLikeToken(String candidate) {
        return candidate != null && candidate.length() == 43 && candidate.matches("[A-Za-z0-9_-]+");
    }
}
