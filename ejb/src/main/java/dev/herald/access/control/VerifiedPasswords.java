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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>Sign-ins with the same name and password that arrive together while nothing is remembered (a
 * client's first burst of parallel calls, or its first after an entry ended) share one
 * verification ({@link #begin}): the first leads and verifies; the others wait for it, at most
 * {@link #FLIGHT_WAIT}, and then look for the entry it remembered. Only the leader's success, once
 * remembered, lets them use it; after its failure or a wait that ran out, each goes the whole way
 * itself. Otherwise each would be counted by the throttle as an attempt of its own, and more than the
 * throttle's room at once would be refused with the right password.
 *
 * @param <T> what the verification answered, handed back on a hit
 */
public final class VerifiedPasswords<T> {

    public static final Duration LIFETIME = Duration.ofSeconds(60);
    public static final int CAPACITY = 10_000;
    /** The longest a sign-in waits for another one's verification of the same name and password. */
    public static final Duration FLIGHT_WAIT = Duration.ofSeconds(5);

    private static final String ALGORITHM = "HmacSHA256";

    /** A right password's verification, as remembered. */
    public record Entry<T>(long userId, long version, T answer, Instant verifiedAt) {}

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final int capacity;
    private final LinkedHashMap<ByteBuffer, Entry<T>> entries;
    private final Duration flightWait;
    private final ConcurrentHashMap<ByteBuffer, Flight> flights = new ConcurrentHashMap<>();

    public VerifiedPasswords() {
        this(LIFETIME, CAPACITY);
    }

    public VerifiedPasswords(Duration lifetime, int capacity) {
        this(lifetime, capacity, FLIGHT_WAIT);
    }

    public VerifiedPasswords(Duration lifetime, int capacity, Duration flightWait) {
        if (lifetime.isNegative() || capacity < 0 || flightWait.isNegative()) {
            throw new IllegalArgumentException("lifetime, capacity and wait must not be negative");
        }
        this.flightWait = flightWait;
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
        put(keyOf(name, password), new Entry<>(userId, version, answer, now));
    }

    private void put(ByteBuffer id, Entry<T> entry) {
        synchronized (entries) {
            entries.put(id, entry);
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
     * Leads the verification of this name and password on this instance, or joins the one under way.
     * A leader must end its turn ({@link Turn#succeeded} or {@link Turn#failed}) whatever happens; a
     * follower {@link Turn#awaitSuccess waits} for it. A flight whose leader has not ended it within
     * the wait is given up: the next sign-in leads a new one.
     */
    public Turn begin(String name, String password) {
        if (name == null || password == null || capacity == 0 || lifetime.isZero()) {
            // Nothing could be remembered for the others: each goes its own way, and remembers nothing.
            return new Turn(null, null, true);
        }
        ByteBuffer id = keyOf(name, password);
        long now = System.nanoTime();
        if (flights.size() > capacity) {
            // Flights whose leaders never ended them (none should be): they go, so the map stays bounded.
            flights.values().removeIf(flight -> flight.isOver() || flight.isGivenUpAt(now, flightWait));
        }
        Flight mine = new Flight(now);
        Flight current = flights.compute(
                id,
                (key, existing) -> existing == null || existing.isOver() || existing.isGivenUpAt(now, flightWait)
                        ? mine
                        : existing);
        return new Turn(id, current, current == mine);
    }

    /** How many sign-ins are waiting now for another one's verification. */
    public int waiting() {
        return flights.values().stream()
                .mapToInt(flight -> flight.waiting.get())
                .sum();
    }

    /** One verification of a name and password under way, as those waiting for it see it. */
    private static final class Flight {

        private final long startedAt;
        private final CountDownLatch landed = new CountDownLatch(1);
        private final AtomicInteger waiting = new AtomicInteger();
        private volatile boolean succeeded;

        Flight(long startedAt) {
            this.startedAt = startedAt;
        }

        boolean isOver() {
            return landed.getCount() == 0;
        }

        boolean isGivenUpAt(long now, Duration wait) {
            return now - startedAt >= wait.toNanos();
        }

        synchronized void land(boolean success) {
            if (!isOver()) {
                succeeded = success;
                landed.countDown();
            }
        }
    }

    /** A sign-in's part in a verification: leading it, or waiting for the one leading it. */
    public final class Turn {

        private final ByteBuffer id;
        private final Flight flight;
        private final boolean leads;
        private volatile boolean handedOver;

        private Turn(ByteBuffer id, Flight flight, boolean leads) {
            this.id = id;
            this.flight = flight;
            this.leads = leads;
        }

        /** Whether this sign-in verifies the password itself. */
        public boolean leads() {
            return leads;
        }

        /**
         * A follower waits, at most the wait, for the leader's verification: true only when it found
         * the password right and its answer is remembered (then look for the entry, as ever); false
         * after its failure, when the wait runs out, or when interrupted. A leader gets false at once.
         */
        public boolean awaitSuccess() {
            if (leads) {
                return false;
            }
            flight.waiting.incrementAndGet();
            try {
                return flight.landed.await(flightWait.toNanos(), TimeUnit.NANOSECONDS) && flight.succeeded;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                flight.waiting.decrementAndGet();
            }
        }

        /**
         * The password was right and its transaction committed: remembers the answer for this turn's
         * name and password (as {@link #remember} does) and, for a leader, lets the followers look for
         * it. A follower that went the whole way itself remembers its answer the same way.
         */
        public void succeeded(long userId, long version, T answer, Instant now) {
            if (id == null) {
                return;
            }
            put(id, new Entry<>(userId, version, answer, now));
            if (leads) {
                end(true);
            }
        }

        /** The leader: refused, failed or rolled back; the followers go their own ways. Safe to repeat. */
        public void failed() {
            if (leads) {
                end(false);
            }
        }

        /** The leader found the entry remembered after all (by a flight that just ended): so may the followers. */
        public void found() {
            if (leads) {
                end(true);
            }
        }

        /**
         * The turn will be ended by {@link #succeeded} or {@link #failed} later, when the leader's
         * transaction completes, and not by {@link #release}.
         */
        public void handOver() {
            handedOver = true;
        }

        /**
         * The leader's last word, in a {@code finally}: unless handed over, the turn ends as a failure
         * (if it has not ended already), so that no follower waits for a verification that will not
         * come.
         */
        public void release() {
            if (!handedOver) {
                failed();
            }
        }

        private void end(boolean success) {
            if (flight == null) {
                return;
            }
            // Landed before it is removed: one who joins in between finds the answer at once.
            flight.land(success);
            flights.remove(id, flight);
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
