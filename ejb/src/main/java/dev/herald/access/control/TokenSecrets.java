package dev.herald.access.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes and recognises API token secrets: "hrld_" and 256 random bits in URL-safe Base64. The secret
 * has so much entropy that a plain SHA-256 is a safe and fast way to store it; a slow password hash
 * would only slow down every API call.
 */
public final class TokenSecrets {

    public static final String PREFIX = "hrld_";
    private static final int SECRET_BYTES = 32;
    private static final int SHOWN_PREFIX_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {}

    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String digest(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The start of a secret, safe to show in lists so that people can tell their tokens apart. */
    public static String shownPrefix(String secret) {
        return secret.substring(0, Math.min(SHOWN_PREFIX_LENGTH, secret.length()));
    }

    public static boolean looksLikeSecret(String candidate) {
        return candidate != null && candidate.startsWith(PREFIX) && candidate.length() < 200;
    }
}
