package dev.herald.access.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.access.control.PasswordHasher;
import dev.herald.access.control.SignInChecks;
import dev.herald.access.control.SignInCounters;
import dev.herald.access.control.SignInCounters.Admission;
import dev.herald.access.control.SignInCounters.Started;
import dev.herald.access.control.SignInThrottle;
import dev.herald.access.control.SignInThrottles;
import dev.herald.access.entity.UserAccount;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.platform.control.Jdbc;
import dev.herald.testing.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Password sign-ins through the service as the server makes them (one transaction each, the
 * throttle's own transactions beside it) on H2 and PostgreSQL, with a hasher that counts its
 * verifications: an API caller's right password is verified once a minute, a wrong one every time,
 * and a change to the account, made through this service or straight in the database as another
 * instance would, is seen at the next request.
 */
class AuthenticationServiceTest {

    private static final String ADDRESS = "192.0.2.10";
    private static final String PASSWORD = "Right Password 2026";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anApiCallersRightPasswordIsVerifiedOnceAMinute(TestDatabase database) throws SQLException {
        Fixture fixture = new Fixture(database);
        String ann = fixture.user(PASSWORD);

        for (int i = 0; i < 5; i++) {
            assertThat(fixture.signIn(ann, PASSWORD, Channel.API).isValid()).isTrue();
            fixture.clock.now = fixture.clock.now.plusSeconds(5);
        }
        assertThat(fixture.hasher.verifications).hasValue(1);

        fixture.clock.now = fixture.clock.now.plusSeconds(60);
        assertThat(fixture.signIn(ann, PASSWORD, Channel.API).isValid()).isTrue();
        assertThat(fixture.hasher.verifications).as("a minute later").hasValue(2);
        assertThat(fixture.signIn(ann, PASSWORD, Channel.API).isValid()).isTrue();
        assertThat(fixture.hasher.verifications)
                .as("after a verification that moved the last sign-in time")
                .hasValue(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWrongPasswordCostsAWholeVerificationEveryTimeAndCounts(TestDatabase database) throws SQLException {
        Fixture fixture = new Fixture(database);
        String ann = fixture.user(PASSWORD);
        assertThat(fixture.signIn(ann, PASSWORD, Channel.API).isValid()).isTrue();

        for (int i = 0; i < 3; i++) {
            Authentication wrong = fixture.signIn(ann, PASSWORD + "!", Channel.API);
            assertThat(wrong).isEqualTo(Authentication.invalid());
        }

        assertThat(fixture.hasher.verifications).hasValue(4);
        assertThat(fixture.audit.stream().filter(r -> r.action().equals("login.failed")))
                .hasSize(3);
        assertThat(fixture.throttles.failedCalls).hasValue(3);
        assertThat(fixture.signIn(ann, PASSWORD, Channel.API).isValid()).isTrue();
        assertThat(fixture.hasher.verifications).hasValue(4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPasswordChangedOnAnotherInstanceRefusesTheOldOneAtTheNextRequest(TestDatabase database) throws SQLException {
        Fixture fixture = new Fixture(database);
        String ann = fixture.user(PASSWORD);
        assertThat(fixture.signIn(ann, PASSWORD, Channel.API).isValid()).isTrue();

        // As another instance's EclipseLink writes it: the row and its version.
        fixture.execute("UPDATE app_user SET password_hash = 'plain:New Password 2026', version = version + 1"
                + " WHERE username = '" + ann + "'");

        assertThat(fixture.signIn(ann, PASSWORD, Channel.API)).isEqualTo(Authentication.invalid());
        assertThat(fixture.hasher.verifications)
                .as("verified again, and refused")
                .hasValue(2);
        assertThat(fixture.audit).anySatisfy(r -> assertThat(r.action()).isEqualTo("login.failed"));
        assertThat(fixture.signIn(ann, "New Password 2026", Channel.API).isValid())
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDisabledAccountAndARoleChangeAreSeenAtTheNextRequest(TestDatabase database) throws SQLException {
        Fixture fixture = new Fixture(database);
        String ann = fixture.user(PASSWORD);
        assertThat(fixture.signIn(ann, PASSWORD, Channel.API).groups()).doesNotContain("STAFF");

        fixture.execute("INSERT INTO user_role (user_id, role_id) SELECT u.id, r.id FROM app_user u, app_role r"
                + " WHERE u.username = '" + ann + "' AND r.name = 'Administrator'");
        fixture.execute("UPDATE app_user SET session_stamp = session_stamp + 1, version = version + 1"
                + " WHERE username = '" + ann + "'");
        assertThat(fixture.signIn(ann, PASSWORD, Channel.API).groups()).contains("STAFF");

        fixture.execute("UPDATE app_user SET enabled = FALSE, version = version + 1 WHERE username = '" + ann + "'");
        assertThat(fixture.signIn(ann, PASSWORD, Channel.API)).isEqualTo(Authentication.invalid());
        assertThat(fixture.hasher.verifications).hasValue(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChangeThroughThisInstanceForgetsTheAccountsEntriesHere(TestDatabase database) throws SQLException {
        Fixture fixture = new Fixture(database);
        String ann = fixture.user(PASSWORD);
        assertThat(fixture.signIn(ann, PASSWORD, Channel.API).isValid()).isTrue();
        assertThat(fixture.service.apiSignIns.verified().size()).isEqualTo(1);

        fixture.service.apiSignIns.forgetAccount(fixture.idOf(ann));

        assertThat(fixture.service.apiSignIns.verified().size()).isZero();
        assertThat(fixture.signIn(ann, PASSWORD, Channel.API).isValid()).isTrue();
        assertThat(fixture.hasher.verifications).hasValue(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void consoleAndPortalSignInsAreVerifiedEveryTime(TestDatabase database) throws SQLException {
        Fixture fixture = new Fixture(database);
        String ann = fixture.user(PASSWORD);

        fixture.signIn(ann, PASSWORD, Channel.CONSOLE);
        fixture.signIn(ann, PASSWORD, Channel.PORTAL);
        fixture.signIn(ann, PASSWORD, Channel.PORTAL);

        assertThat(fixture.hasher.verifications).hasValue(3);
        assertThat(fixture.service.apiSignIns.verified().size()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twelveSimultaneousCallsWithTheRightPasswordShareOneVerificationAndBlockNothing(TestDatabase database)
            throws Exception {
        Fixture fixture = new Fixture(database);
        String ann = fixture.user(PASSWORD);
        int calls = 12;
        // A slow verification: every call that starts one meanwhile has started its own by the end.
        fixture.hasher.gate = n -> holdUntil(() -> fixture.hasher.verifications.get() >= calls);

        List<Authentication> answers = fixture.together(calls, () -> fixture.signIn(ann, PASSWORD, Channel.API));

        assertThat(answers).hasSize(calls).allSatisfy(answer -> assertThat(answer.isValid())
                .isTrue());
        assertThat(fixture.hasher.verifications).as("one verification for all").hasValue(1);
        assertThat(fixture.actions()).doesNotContain("user.blocked", "login.refused.busy", "login.failed");
        assertThat(fixture.throttles.failedCalls).hasValue(0);
        fixture.hasher.gate = n -> {};
        assertThat(fixture.signIn(ann, PASSWORD, Channel.API).isValid()).isTrue();
        fixture.service.apiSignIns.forgetAll();
        assertThat(fixture.signIn(ann, PASSWORD, Channel.API).isValid())
                .as("verified again: not blocked")
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAttemptRefusedForWantOfRoomStartsNoBlock(TestDatabase database) throws SQLException {
        Fixture fixture = new Fixture(database);
        String ann = fixture.user(PASSWORD);
        long annId = fixture.idOf(ann);
        // Five attempts being checked on other instances at this moment.
        for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES; i++) {
            assertThat(fixture.throttles.admit(annId, ADDRESS)).isEqualTo(Admission.ADMITTED);
        }

        assertThat(fixture.signIn(ann, PASSWORD, Channel.API))
                .as("no room for a sixth")
                .isEqualTo(Authentication.invalid());
        assertThat(fixture.signIn(ann, PASSWORD, Channel.CONSOLE)).isEqualTo(Authentication.invalid());

        assertThat(fixture.actions()).containsExactly("login.refused.busy", "login.refused.busy");
        assertThat(fixture.throttles.failedCalls).hasValue(0);
        assertThat(fixture.hasher.verifications)
                .as("refused after a verification all the same")
                .hasValue(2);
        // The five were right.
        for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES; i++) {
            fixture.throttles.succeeded(annId, ADDRESS);
        }
        assertThat(fixture.signIn(ann, PASSWORD, Channel.API).isValid())
                .as("not blocked")
                .isTrue();
        assertThat(fixture.actions()).doesNotContain("user.blocked");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCallWaitingForAWrongPasswordsVerificationGoesTheWholeWayAndIsCounted(TestDatabase database) throws Exception {
        Fixture fixture = new Fixture(database);
        String ann = fixture.user(PASSWORD);
        VerifiedPasswordsProbe waiting =
                () -> fixture.service.apiSignIns.verified().waiting();
        // The first verification lasts until the second call waits for it.
        fixture.hasher.gate = n -> {
            if (n == 1) {
                holdUntil(() -> waiting.count() >= 1);
            }
        };

        List<Authentication> answers = fixture.oneThenAnother(
                () -> fixture.signIn(ann, "Wrong Password", Channel.API),
                () -> fixture.signIn(ann, "Wrong Password", Channel.API));

        assertThat(answers).containsOnly(Authentication.invalid());
        assertThat(fixture.hasher.verifications).as("each verified").hasValue(2);
        assertThat(fixture.throttles.failedCalls).as("each counted").hasValue(2);
        assertThat(fixture.actions()).containsExactly("login.failed", "login.failed");
        assertThat(fixture.service.apiSignIns.verified().size()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aVerificationWhoseTransactionRolledBackIsNotRememberedNorHandedToTheOthers(TestDatabase database)
            throws Exception {
        Fixture fixture = new Fixture(database);
        String ann = fixture.user(PASSWORD);

        assertThat(fixture.signIn(ann, PASSWORD, Channel.API, true).isValid()).isTrue();
        assertThat(fixture.service.apiSignIns.verified().size())
                .as("rolled back: nothing remembered")
                .isZero();

        VerifiedPasswordsProbe waiting =
                () -> fixture.service.apiSignIns.verified().waiting();
        fixture.hasher.gate = n -> {
            if (n == 2) {
                holdUntil(() -> waiting.count() >= 1);
            }
        };
        List<Authentication> answers = fixture.oneThenAnother(
                () -> fixture.signIn(ann, PASSWORD, Channel.API, true),
                () -> fixture.signIn(ann, PASSWORD, Channel.API));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.isValid()).isTrue());
        assertThat(fixture.hasher.verifications)
                .as("the second call verified the password itself")
                .hasValue(3);
        assertThat(fixture.service.apiSignIns.verified().size())
                .as("its own, committed")
                .isEqualTo(1);
    }

    @FunctionalInterface
    private interface VerifiedPasswordsProbe {
        int count();
    }

    /** The service with its collaborators, over one database. */
    private static final class Fixture {

        final TestDatabase database;
        final TestClock clock = new TestClock();
        final CountingHasher hasher = new CountingHasher();
        final DirectThrottles throttles;
        final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
        final AuthenticationService service = new AuthenticationService();

        Fixture(TestDatabase database) {
            this.database = database;
            this.throttles = new DirectThrottles(database, clock);
            service.passwordHasher = hasher;
            service.throttles = throttles;
            service.clock = clock;
            service.apiSignIns = new ApiSignIns();
            service.auditLog = new AuditLog() {
                @Override
                public void record(AuditRecord entry) {
                    audit.add(entry);
                }
            };
        }

        /** One sign-in in a transaction of its own, as the container runs the EJB method. */
        Authentication signIn(String username, String password, Channel channel) {
            return signIn(username, password, channel, false);
        }

        /**
         * One sign-in in a transaction of its own, on a service instance of its own (as the container
         * hands each call one from the pool), with the transaction's synchronizations told of its end;
         * rolled back after the method instead of committed when asked (as when the commit fails).
         */
        Authentication signIn(String username, String password, Channel channel, boolean rollBack) {
            EntityManager em = database.entityManagerFactory().createEntityManager();
            LocalTransaction transaction = new LocalTransaction();
            boolean committed = false;
            try {
                em.getTransaction().begin();
                AuthenticationService call = new AuthenticationService();
                call.em = em;
                call.passwordHasher = service.passwordHasher;
                call.throttles = service.throttles;
                call.clock = service.clock;
                call.apiSignIns = service.apiSignIns;
                call.auditLog = service.auditLog;
                call.transactions = transaction;
                Authentication result = call.authenticate(username, password, channel, ADDRESS);
                if (!rollBack) {
                    em.getTransaction().commit();
                    committed = true;
                }
                return result;
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
                transaction.completed(committed ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK);
            }
        }

        /** The audited actions, in order. */
        List<String> actions() {
            return audit.stream().map(AuditRecord::action).toList();
        }

        /** These many calls at the same moment, each on a thread of its own; their answers. */
        List<Authentication> together(int calls, Callable<Authentication> call) throws Exception {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(calls);
            try {
                List<Future<Authentication>> futures = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return call.call();
                    }));
                }
                start.countDown();
                List<Authentication> answers = new ArrayList<>();
                for (Future<Authentication> future : futures) {
                    answers.add(future.get(30, TimeUnit.SECONDS));
                }
                return answers;
            } finally {
                pool.shutdownNow();
            }
        }

        /** The first call, and the second once the first is verifying its password; their answers. */
        List<Authentication> oneThenAnother(Callable<Authentication> first, Callable<Authentication> second)
                throws Exception {
            int before = hasher.verifications.get();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Authentication> one = pool.submit(first);
                awaitAtMost(Duration.ofSeconds(10), () -> hasher.verifications.get() != before);
                Future<Authentication> other = pool.submit(second);
                return List.of(one.get(30, TimeUnit.SECONDS), other.get(30, TimeUnit.SECONDS));
            } finally {
                pool.shutdownNow();
            }
        }

        String user(String password) {
            String username = "verified-" + UUID.randomUUID();
            EntityManager em = database.entityManagerFactory().createEntityManager();
            try {
                em.getTransaction().begin();
                em.persist(new UserAccount(
                        username, "Verified", username + "@example.org", "plain:" + password, clock.instant()));
                em.getTransaction().commit();
                return username;
            } finally {
                em.close();
            }
        }

        long idOf(String username) {
            EntityManager em = database.entityManagerFactory().createEntityManager();
            try {
                return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                        .setParameter("username", username)
                        .getSingleResult()
                        .getId();
            } finally {
                em.close();
            }
        }

        void execute(String sql) throws SQLException {
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    private static final class TestClock extends Clock {

        volatile Instant now = Instant.parse("2026-12-05T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The container's registry of one transaction: its synchronizations are told how it ended. */
    private static final class LocalTransaction implements TransactionSynchronizationRegistry {

        private final List<Synchronization> synchronizations = new ArrayList<>();
        private int status = Status.STATUS_ACTIVE;

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }

        void completed(int outcome) {
            status = outcome;
            synchronizations.forEach(sync -> sync.afterCompletion(outcome));
        }
    }

    /** Holds each verification until the condition holds, or a second has passed. */
    private static void holdUntil(BooleanSupplier condition) {
        awaitAtMost(Duration.ofSeconds(1), condition);
    }

    /** Waits until the condition holds or the time has passed, and goes on either way. */
    private static void awaitAtMost(Duration atMost, BooleanSupplier condition) {
        try {
            Awaitility.await()
                    .atMost(atMost)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(5))
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            // the caller goes on, as a call that took longer would
        }
    }

    /** PBKDF2's stand-in: as right or wrong, and counted, but instant. */
    private static final class CountingHasher extends PasswordHasher {

        final AtomicInteger verifications = new AtomicInteger();
        /** Told the number of each verification as it starts; may hold it up, as PBKDF2 takes its time. */
        volatile IntConsumer gate = n -> {};

        @Override
        public String hash(String password) {
            return "plain:" + password;
        }

        @Override
        public boolean verify(String password, String storedHash) {
            gate.accept(verifications.incrementAndGet());
            return password != null && storedHash.equals("plain:" + password);
        }

        @Override
        public boolean verifyNothing(String password) {
            verifications.incrementAndGet();
            return false;
        }
    }

    /** The throttle's steps, each in a local transaction of its own, as the EJB's REQUIRES_NEW makes them. */
    private static final class DirectThrottles extends SignInThrottles {

        final TestDatabase database;
        final Clock testClock;
        final AtomicInteger failedCalls = new AtomicInteger();

        DirectThrottles(TestDatabase database, Clock clock) {
            this.database = database;
            this.testClock = clock;
        }

        @Override
        public Admission admit(Long userId, String address) {
            return work(c -> SignInCounters.admit(c, userId, address, testClock.instant()));
        }

        @Override
        public List<Started> failed(Long userId, String address) {
            failedCalls.incrementAndGet();
            return work(c -> SignInCounters.failed(c, userId, address, testClock.instant()));
        }

        @Override
        public void succeeded(long userId, String address) {
            work(c -> {
                SignInCounters.succeeded(c, userId, address, testClock.instant());
                return null;
            });
        }

        @Override
        public boolean isUnchanged(long userId, long version, String signInName, String address) {
            return work(c -> SignInChecks.isUnchanged(c, userId, version, signInName, address, testClock.instant()));
        }

        private <T> T work(Jdbc.Work<T> work) {
            try {
                return Jdbc.inTransaction(database.dataSource(), work);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
