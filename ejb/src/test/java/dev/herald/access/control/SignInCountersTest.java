package dev.herald.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.access.control.SignInCounters.Admission;
import dev.herald.access.control.SignInCounters.Started;
import dev.herald.platform.control.Jdbc;
import dev.herald.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The throttle's SQL on H2 and PostgreSQL, an attempt at a time as the server makes them (one
 * transaction to admit, the password check, one to settle), with addresses and clock given.
 */
class SignInCountersTest {

    private static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void fiveFailuresBlockTheAccountFromThatAddressOnly(TestDatabase database) throws SQLException {
        long ann = user(database);
        String stranger = address();
        String owner = address();

        for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES; i++) {
            assertThat(attempt(database, ann, stranger, false, NINE.plusSeconds(i)))
                    .isEqualTo(Admission.ADMITTED);
        }

        assertThat(attempt(database, ann, stranger, true, NINE.plusSeconds(10)))
                .as("even the right password, from the stranger's address")
                .isEqualTo(Admission.ACCOUNT_BLOCKED);
        assertThat(attempt(database, ann, owner, true, NINE.plusSeconds(11)))
                .as("the owner from another address")
                .isEqualTo(Admission.ADMITTED);
        assertThat(attempt(database, ann, stranger, true, NINE.plusSeconds(4).plus(SignInThrottle.BLOCK)))
                .as("fifteen minutes after the fifth failure")
                .isEqualTo(Admission.ADMITTED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theFifthFailureStartsABlockThatIsAuditedOnce(TestDatabase database) throws SQLException {
        long ann = user(database);
        String stranger = address();
        List<Started> started = new ArrayList<>();

        for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES + 2; i++) {
            Instant at = NINE.plusSeconds(i);
            inTransaction(database, c -> SignInCounters.admit(c, ann, stranger, at));
            started.addAll(inTransaction(database, c -> SignInCounters.failed(c, ann, stranger, at)));
        }

        assertThat(started).singleElement().satisfies(block -> {
            assertThat(block.userId()).isEqualTo(ann);
            assertThat(block.address()).isEqualTo(stranger);
            assertThat(block.until()).isEqualTo(NINE.plusSeconds(4).plus(SignInThrottle.BLOCK));
        });
        Map<Long, List<SignInCounters.Block>> blocks =
                inTransaction(database, c -> SignInCounters.blocks(c, List.of(ann), NINE.plusSeconds(9)));
        assertThat(blocks).containsOnlyKeys(ann);
        assertThat(blocks.get(ann)).extracting(SignInCounters.Block::address).containsExactly(stranger);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void failuresAcrossAccountsAndUnknownNamesBlockTheAddress(TestDatabase database) throws SQLException {
        String sprayer = address();
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accounts.add(user(database));
        }
        int failures = 0;
        while (failures < SignInThrottle.ADDRESS_FAILURES) {
            Long userId = failures % 2 == 0 ? accounts.get((failures / 2) % accounts.size()) : null;
            assertThat(attempt(database, userId, sprayer, false, NINE.plusSeconds(failures)))
                    .as("attempt %d", failures + 1)
                    .isEqualTo(Admission.ADMITTED);
            failures++;
        }
        long fresh = user(database);

        assertThat(attempt(database, fresh, sprayer, true, NINE.plusSeconds(60)))
                .isEqualTo(Admission.ADDRESS_BLOCKED);
        assertThat(attempt(database, fresh, address(), true, NINE.plusSeconds(61)))
                .isEqualTo(Admission.ADMITTED);
        Map<Long, List<SignInCounters.Block>> blocks =
                inTransaction(database, c -> SignInCounters.blocks(c, accounts, NINE.plusSeconds(62)));
        assertThat(blocks)
                .as("no account of theirs is blocked: each had at most three failures")
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRightPasswordForgetsThePairsFailuresButNotTheAddresss(TestDatabase database) throws SQLException {
        long ann = user(database);
        long bob = user(database);
        String shared = address();
        for (int i = 0; i < 4; i++) {
            attempt(database, ann, shared, false, NINE.plusSeconds(i));
        }
        for (int i = 0; i < 4; i++) {
            attempt(database, bob, shared, false, NINE.plusSeconds(10 + i));
        }

        attempt(database, ann, shared, true, NINE.plusSeconds(20));

        assertThat(count(database, "sign_in_account_throttle", "user_id = " + ann))
                .isZero();
        assertThat(failures(database, "sign_in_address_throttle", "address = '" + shared + "'"))
                .isEqualTo(8);
        for (int i = 0; i < 4; i++) {
            assertThat(attempt(database, ann, shared, false, NINE.plusSeconds(30 + i)))
                    .as("ann has her five again")
                    .isEqualTo(Admission.ADMITTED);
        }
        assertThat(attempt(database, bob, shared, false, NINE.plusSeconds(40))).isEqualTo(Admission.ADMITTED);
        assertThat(attempt(database, bob, shared, true, NINE.plusSeconds(41)))
                .as("bob's fifth failure blocked him")
                .isEqualTo(Admission.ACCOUNT_BLOCKED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void guessesSentAllAtOnceGetNoMoreThanFiveChecks(TestDatabase database) throws Exception {
        long ann = user(database);
        String stranger = address();
        int guesses = 20;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger admitted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            List<Future<Admission>> answers = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                answers.add(pool.submit((Callable<Admission>) () -> {
                    start.await();
                    Admission admission = inTransaction(database, c -> SignInCounters.admit(c, ann, stranger, NINE));
                    if (admission == Admission.ADMITTED) {
                        admitted.incrementAndGet();
                    }
                    return admission;
                }));
            }
            start.countDown();
            for (Future<Admission> answer : answers) {
                answer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(admitted.get()).isEqualTo(SignInThrottle.ACCOUNT_FAILURES);
        assertThat(failures(database, "sign_in_address_throttle", "address = '" + stranger + "'"))
                .as("every attempt counted for the address")
                .isEqualTo(guesses);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAttemptWithNoRoomLeftIsTurnedAwayAsFullNotBlocked(TestDatabase database) throws SQLException {
        long ann = user(database);
        String office = address();
        for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES; i++) {
            assertThat(admit(database, ann, office, NINE)).isEqualTo(Admission.ADMITTED);
        }

        Admission sixth = admit(database, ann, office, NINE);

        assertThat(sixth).isEqualTo(Admission.ACCOUNT_FULL);
        assertThat(sixth.isFull()).isTrue();
        for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES; i++) {
            inTransaction(database, c -> {
                SignInCounters.succeeded(c, ann, office, NINE.plusSeconds(1));
                return null;
            });
        }
        Map<Long, List<SignInCounters.Block>> blocks =
                inTransaction(database, c -> SignInCounters.blocks(c, List.of(ann), NINE.plusSeconds(1)));
        assertThat(blocks).isEmpty();
        assertThat(attempt(database, ann, office, true, NINE.plusSeconds(2)))
                .as("the five checked were right: room again")
                .isEqualTo(Admission.ADMITTED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void fiveGuessesInFlightStillBlockWhenTheyFailAndNoMoreAreChecked(TestDatabase database) throws SQLException {
        long ann = user(database);
        String stranger = address();
        for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES; i++) {
            admit(database, ann, stranger, NINE);
        }
        assertThat(admit(database, ann, stranger, NINE)).isEqualTo(Admission.ACCOUNT_FULL);
        List<Started> started = new ArrayList<>();

        for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES; i++) {
            started.addAll(inTransaction(database, c -> SignInCounters.failed(c, ann, stranger, NINE.plusSeconds(1))));
        }

        assertThat(started).singleElement().satisfies(block -> assertThat(block.userId())
                .isEqualTo(ann));
        assertThat(admit(database, ann, stranger, NINE.plusSeconds(2))).isEqualTo(Admission.ACCOUNT_BLOCKED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAddressWithNoRoomLeftIsFullNotBlocked(TestDatabase database) throws SQLException {
        String busy = address();
        for (int i = 0; i < SignInThrottle.ADDRESS_FAILURES; i++) {
            assertThat(admit(database, null, busy, NINE)).isEqualTo(Admission.ADMITTED);
        }

        assertThat(admit(database, null, busy, NINE)).isEqualTo(Admission.ADDRESS_FULL);
        List<Started> started = inTransaction(database, c -> SignInCounters.failed(c, null, busy, NINE.plusSeconds(1)));
        assertThat(started)
                .as("a finished failure with the room taken blocks the address")
                .singleElement()
                .satisfies(block -> assertThat(block.isAddressBlock()).isTrue());
        assertThat(admit(database, null, busy, NINE.plusSeconds(2))).isEqualTo(Admission.ADDRESS_BLOCKED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unlockingLiftsTheAccountsBlocksFromEveryAddressAndPurgingForgetsWhatIsOver(TestDatabase database)
            throws SQLException {
        long ann = user(database);
        String first = address();
        String second = address();
        for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES; i++) {
            attempt(database, ann, first, false, NINE.plusSeconds(i));
            attempt(database, ann, second, false, NINE.plusSeconds(i));
        }

        int lifted = inTransaction(database, c -> SignInCounters.clear(c, ann, NINE.plusSeconds(30)));

        assertThat(lifted).isEqualTo(2);
        assertThat(attempt(database, ann, first, true, NINE.plusSeconds(31))).isEqualTo(Admission.ADMITTED);
        assertThat(count(database, "sign_in_address_throttle", "address = '" + first + "'"))
                .isEqualTo(1);
        inTransaction(database, c -> SignInCounters.purge(c, NINE.plus(Duration.ofMinutes(16))));
        assertThat(count(database, "sign_in_address_throttle", "address IN ('" + first + "', '" + second + "')"))
                .as("their windows are over and nothing is blocked")
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSessionHoldsWhileItsStampDoesAndTheAccountIsNotBlockedFromItsAddress(TestDatabase database)
            throws SQLException {
        long ann = user(database);
        String username = usernameOf(database, ann);
        String office = address();
        String elsewhere = address();

        assertThat(current(database, username, 0, office, NINE)).isTrue();
        assertThat(current(database, username, 1, office, NINE))
                .as("another stamp")
                .isFalse();
        assertThat(current(database, "nobody-" + UUID.randomUUID(), 0, office, NINE))
                .isFalse();

        for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES; i++) {
            attempt(database, ann, office, false, NINE.plusSeconds(i));
        }
        assertThat(current(database, username, 0, office, NINE.plusSeconds(10)))
                .as("blocked from here")
                .isFalse();
        assertThat(current(database, username, 0, elsewhere, NINE.plusSeconds(10)))
                .isTrue();

        execute(database, "UPDATE app_user SET session_stamp = session_stamp + 1 WHERE id = " + ann);
        assertThat(current(database, username, 0, elsewhere, NINE.plusSeconds(11)))
                .isFalse();
        execute(database, "UPDATE app_user SET enabled = FALSE WHERE id = " + ann);
        assertThat(current(database, username, 1, elsewhere, NINE.plusSeconds(12)))
                .as("disabled")
                .isFalse();
    }

    /** One whole attempt: admitted or not, then settled as the password check came out. */
    private static Admission attempt(TestDatabase database, Long userId, String address, boolean right, Instant at)
            throws SQLException {
        Admission admission = inTransaction(database, c -> SignInCounters.admit(c, userId, address, at));
        if (admission == Admission.ADMITTED && right && userId != null) {
            inTransaction(database, c -> {
                SignInCounters.succeeded(c, userId, address, at);
                return null;
            });
        } else {
            inTransaction(database, c -> SignInCounters.failed(c, userId, address, at));
        }
        return admission;
    }

    private static Admission admit(TestDatabase database, Long userId, String address, Instant at) throws SQLException {
        return inTransaction(database, c -> SignInCounters.admit(c, userId, address, at));
    }

    private static boolean current(TestDatabase database, String username, long stamp, String address, Instant at)
            throws SQLException {
        return inTransaction(database, c -> SessionStamps.isCurrent(c, username, stamp, address, at));
    }

    private static <T> T inTransaction(TestDatabase database, Jdbc.Work<T> work) throws SQLException {
        return Jdbc.inTransaction(database.dataSource(), work);
    }

    /** A fresh address per test, so that tests sharing the database do not count for each other. */
    private static String address() {
        return "test-" + UUID.randomUUID();
    }

    private static long user(TestDatabase database) throws SQLException {
        String username = "throttled-" + UUID.randomUUID();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO app_user (username, display_name, password_hash, enabled, must_change_password,"
                                + " created_at, version) VALUES (?, 'Throttled', 'hash', TRUE, FALSE, CURRENT_TIMESTAMP, 0)",
                        Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, username);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        }
    }

    private static String usernameOf(TestDatabase database, long id) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT username FROM app_user WHERE id = " + id)) {
            row.next();
            return row.getString(1);
        }
    }

    private static long count(TestDatabase database, String table, String where) throws SQLException {
        return single(database, "SELECT COUNT(*) FROM " + table + " WHERE " + where);
    }

    private static long failures(TestDatabase database, String table, String where) throws SQLException {
        return single(database, "SELECT failures FROM " + table + " WHERE " + where);
    }

    private static long single(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
