package dev.herald.access.control;

import dev.herald.access.entity.PasswordReset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The rules of forgotten-password links, as plain Java: the secret (256 random bits, stored as its
 * SHA-256, like an API token: so much entropy needs no slow hash), whether a request earns a link,
 * and whether a link still works.
 *
 * <p>Requests are bounded twice: per account (a few links an hour, so nobody can fill a partner's
 * mailbox) and per client address (counted whether or not a name matched, so nobody can mail many
 * partners or probe names). The person asking is told the same thing every time; only the audit log
 * says why no link went out.
 */
public final class PasswordResetRules {

    /** How long a link works unless herald.password-reset.lifetime says otherwise. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);

    /** Links mailed to one account within {@link #ACCOUNT_WINDOW}; a further request mails nothing. */
    public static final int ACCOUNT_LINKS = 3;

    public static final Duration ACCOUNT_WINDOW = Duration.ofHours(1);

    /** Requests from one client address within {@link #CLIENT_WINDOW}, whatever names were typed. */
    public static final int CLIENT_REQUESTS = 10;

    public static final Duration CLIENT_WINDOW = Duration.ofMinutes(15);

    /** How long requests are remembered for counting; older ones are deleted. */
    public static final Duration KEPT = Duration.ofDays(1);

    private static final String PREFIX = "pwr_";
    private static final int SECRET_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile(PREFIX + "[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Whether a request earns a link, and if not, why (for the audit log only). */
    public enum Decision {
        SEND("a link was sent"),
        NO_ACCOUNT("no account has this user name or e-mail address"),
        AMBIGUOUS("the name is one account's user name and another account's e-mail address"),
        NO_ADDRESS("the account has no e-mail address"),
        DISABLED("the account is disabled"),
        STAFF("the account is staff's: administrators set staff passwords"),
        BLOCKED("the account or the client address is blocked after failed sign-ins"),
        ACCOUNT_LIMIT(
                ACCOUNT_LINKS + " links were sent to this account within " + ACCOUNT_WINDOW.toMinutes() + " minutes"),
        CLIENT_LIMIT(CLIENT_REQUESTS + " requests came from this client address within " + CLIENT_WINDOW.toMinutes()
                + " minutes");

        private final String reason;

        Decision(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** What is known about a request when it is decided. */
    public record Request(
            boolean clientOverLimit,
            boolean found,
            boolean ambiguous,
            boolean hasAddress,
            boolean enabled,
            boolean partnerOnly,
            boolean blocked,
            long linksInWindow) {}

    /** Whether a link still works, and if not, what the page says. */
    public enum LinkState {
        USABLE,
        UNKNOWN,
        EXPIRED,
        USED,
        REPLACED
    }

    private PasswordResetRules() {}

    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a string has the shape of a link's secret: anything else is not looked up. */
    public static boolean looksLikeSecret(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    public static String digest(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The client's limit first (it holds whatever was typed), then whether there is one account that
     * may get a link, then the account's own limit.
     */
    public static Decision decide(Request request) {
        if (request.clientOverLimit()) {
            return Decision.CLIENT_LIMIT;
        }
        if (request.ambiguous()) {
            return Decision.AMBIGUOUS;
        }
        if (!request.found()) {
            return Decision.NO_ACCOUNT;
        }
        if (!request.enabled()) {
            return Decision.DISABLED;
        }
        if (!request.partnerOnly()) {
            return Decision.STAFF;
        }
        if (!request.hasAddress()) {
            return Decision.NO_ADDRESS;
        }
        if (request.blocked()) {
            return Decision.BLOCKED;
        }
        if (request.linksInWindow() >= ACCOUNT_LINKS) {
            return Decision.ACCOUNT_LIMIT;
        }
        return Decision.SEND;
    }

    /**
     * A link works until it expires, is used or replaced, and while its account is enabled and has
     * kept the session stamp the link was made with (a changed password moves the stamp on).
     */
    public static LinkState state(PasswordReset link, boolean accountEnabled, long accountStamp, Instant now) {
        if (link == null) {
            return LinkState.UNKNOWN;
        }
        if (link.getEndedWhy() == PasswordReset.Ended.USED) {
            return LinkState.USED;
        }
        if (link.getEndedWhy() == PasswordReset.Ended.REPLACED
                || !accountEnabled
                || accountStamp != link.getSessionStamp()) {
            return LinkState.REPLACED;
        }
        if (!now.isBefore(link.getExpiresAt())) {
            return LinkState.EXPIRED;
        }
        return LinkState.USABLE;
    }
}
