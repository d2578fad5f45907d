package dev.herald.access.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The password sign-ins that passed their full PBKDF2 verification a moment ago, so that a system
 * calling the API with HTTP Basic does not pay a tenth of a second of CPU on every request.
 *
 * <p>Never weaker than verifying every time:
 *
 * <ul>
 *   <li>an entry is found by an HMAC-SHA-256 of the sign-in name and the password under a random key
 *       made when this object is (one per process, never stored): neither the password nor an
 *       unkeyed hash of it is kept, and the keys mean nothing to another process;
 *   <li>only a right password is remembered ({@link #remember}); a wrong one finds nothing and goes
 *       through the whole verification, throttling and audit as before;
 *   <li>an entry lives {@link #LIFETIME} from its verification at most (it is not lengthened by use),
 *       and there are at most {@link #CAPACITY} entries: the least recently used goes first;
 *   <li>an entry names the account and the account's {@code version} at its verification: the caller
 *       honours it only after reading the account's row and finding that version still there (see
 *       {@link SignInChecks#isUnchanged}), so a change made on any instance ends it at the next
 *       request; the instance that made the change also forgets the account's entries at once.
 * </ul>
 *
 * @param <T> what the verification answered, handed back on a hit
 */
public final class VerifiedPasswords<T> {

    public static final Duration LIFETIME = Duration.ofSeconds(60);
    public static final int CAPACITY = 10_000;

    private static final String ALGORITHM = "HmacSHA256";

    /** A right password's verification, as remembered. */
    public record Entry<T>(long userId, long version, T answer, Instant verifiedAt) {}

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final int capacity;
    private final LinkedHashMap<ByteBuffer, Entry<T>> entries;

    public VerifiedPasswords() {
        this(LIFETIME, CAPACITY);
    }

    public VerifiedPasswords(Duration lifetime, int capacity) {
        if (lifetime.isNegative() || capacity < 0) {
            throw new IllegalArgumentException("lifetime and capacity must not be negative");
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.lifetime = lifetime;
        this.capacity = capacity;
        // Access order: the eldest entry is the least recently used one.
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Entry<T>> eldest) {
                return size() > VerifiedPasswords.this.capacity;
            }
        };
    }

    /** The entry for this name and password, if one was verified less than the lifetime ago. */
    public Optional<Entry<T>> find(String name, String password, Instant now) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        ByteBuffer id = keyOf(name, password);
        synchronized (entries) {
            Entry<T> entry = entries.get(id);
            if (entry == null) {
                return Optional.empty();
            }
            if (!now.isBefore(entry.verifiedAt().plus(lifetime)) || now.isBefore(entry.verifiedAt())) {
                entries.remove(id);
                return Optional.empty();
            }
            return Optional.of(entry);
        }
    }

    /** After the full verification found the password right for this account at this version. */
    public void remember(String name, String password, long userId, long version, T answer, Instant now) {
        if (name == null || password == null || capacity == 0 || lifetime.isZero()) {
            return;
        }
        ByteBuffer id = keyOf(name, password);
        synchronized (entries) {
            entries.put(id, new Entry<>(userId, version, answer, now));
        }
    }

    /** This name and password are no longer known good (the account changed since). */
    public void forget(String name, String password) {
        if (name == null || password == null) {
            return;
        }
        ByteBuffer id = keyOf(name, password);
        synchronized (entries) {
            entries.remove(id);
        }
    }

    /** Every entry of this account: it has just changed. */
    public void forgetAccount(long userId) {
        synchronized (entries) {
            for (Iterator<Entry<T>> it = entries.values().iterator(); it.hasNext(); ) {
                if (it.next().userId() == userId) {
                    it.remove();
                }
            }
        }
    }

    /** Every entry: many accounts changed at once (a role's permissions). */
    public void forgetAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /**
     * The HMAC of the name's length, the name and the password (the length first, so that no other
     * split of the same characters gives the same key).
     */
    ByteBuffer keyOf(String name, String password) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            mac.update(
                    ByteBuffer.allocate(Integer.BYTES).putInt(nameBytes.length).array());
            mac.update(nameBytes);
            mac.update(password.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
