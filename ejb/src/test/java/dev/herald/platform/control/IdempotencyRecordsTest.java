package dev.herald.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.platform.control.IdempotencyRecords.Answer;
import dev.herald.platform.control.IdempotencyRecords.Claim;
import dev.herald.platform.control.IdempotencyRecords.Outcome;
import dev.herald.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Idempotency-Key table's SQL (V19) on H2 and PostgreSQL, with the clock given. */
class IdempotencyRecordsTest {

    private static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");
    private static final String RUN = "POST /api/v1/schedules/7/run";
    private static final String BODY = "a".repeat(64);
    private static final Answer ACCEPTED =
            new Answer(202, "application/json", null, null, "{\"runId\":12}".getBytes(StandardCharsets.UTF_8));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theFirstAnswerIsReplayedForTheSameOperationAndBody(TestDatabase database) throws SQLException {
        String key = key();
        Claim first = claim(database, "ann", key, RUN, BODY, NINE);
        assertThat(first.outcome()).isEqualTo(Outcome.TAKEN);
        assertThat(done(
                        database,
                        c -> IdempotencyRecords.complete(c, first.id(), first.token(), ACCEPTED, NINE.plusSeconds(1))))
                .isTrue();

        Claim again = claim(database, "ann", key, RUN, BODY, NINE.plusSeconds(60));

        assertThat(again.outcome()).isEqualTo(Outcome.REPLAY);
        assertThat(again.answer().status()).isEqualTo(202);
        assertThat(again.answer().contentType()).isEqualTo("application/json");
        assertThat(again.answer().body()).isEqualTo(ACCEPTED.body());
        assertThat(claim(database, "ann", key, RUN, BODY, NINE.plusSeconds(60)).outcome())
                .as("and again")
                .isEqualTo(Outcome.REPLAY);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anotherBodyOrOperationWithTheKeyIsAMismatchWhateverTheFirstsState(TestDatabase database) throws SQLException {
        String key = key();
        Claim first = claim(database, "ann", key, RUN, BODY, NINE);

        assertThat(claim(database, "ann", key, RUN, "b".repeat(64), NINE).outcome())
                .as("in progress, another body")
                .isEqualTo(Outcome.MISMATCH);
        inTransaction(database, c -> IdempotencyRecords.complete(c, first.id(), first.token(), ACCEPTED, NINE));
        assertThat(claim(database, "ann", key, "POST /api/v1/schedules/8/run", BODY, NINE)
                        .outcome())
                .as("answered, another operation")
                .isEqualTo(Outcome.MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keysArePerCaller(TestDatabase database) throws SQLException {
        String key = key();
        assertThat(claim(database, "ann", key, RUN, BODY, NINE).outcome()).isEqualTo(Outcome.TAKEN);
        assertThat(claim(database, "bob", key, RUN, "b".repeat(64), NINE).outcome())
                .isEqualTo(Outcome.TAKEN);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aClaimInProgressRefusesTheSecondUntilItIsAbandoned(TestDatabase database) throws SQLException {
        String key = key();
        Claim first = claim(database, "ann", key, RUN, BODY, NINE);

        assertThat(claim(database, "ann", key, RUN, BODY, NINE.plusSeconds(10)).outcome())
                .isEqualTo(Outcome.IN_PROGRESS);
        Claim retaken = claim(database, "ann", key, RUN, BODY, NINE.plus(IdempotencyRecords.ABANDONED_AFTER));
        assertThat(retaken.outcome()).isEqualTo(Outcome.TAKEN);

        assertThat(done(
                        database,
                        c -> IdempotencyRecords.complete(
                                c, first.id(), first.token(), ACCEPTED, NINE.plusSeconds(400))))
                .as("the abandoned request answers late: its claim is no longer its own")
                .isFalse();
        assertThat(done(database, c -> IdempotencyRecords.release(c, first.id(), first.token())))
                .isFalse();
        assertThat(claim(database, "ann", key, RUN, BODY, NINE.plusSeconds(400)).outcome())
                .isEqualTo(Outcome.IN_PROGRESS);
        assertThat(done(
                        database,
                        c -> IdempotencyRecords.complete(
                                c, retaken.id(), retaken.token(), ACCEPTED, NINE.plusSeconds(401))))
                .isTrue();
        assertThat(claim(database, "ann", key, RUN, BODY, NINE.plusSeconds(402)).outcome())
                .isEqualTo(Outcome.REPLAY);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReleasedKeyMayBeUsedAgainAndIsNeverReplayed(TestDatabase database) throws SQLException {
        String key = key();
        Claim first = claim(database, "ann", key, RUN, BODY, NINE);
        assertThat(done(database, c -> IdempotencyRecords.release(c, first.id(), first.token())))
                .isTrue();

        Claim retry = claim(database, "ann", key, RUN, BODY, NINE.plusSeconds(1));

        assertThat(retry.outcome()).isEqualTo(Outcome.TAKEN);
        assertThat(retry.token()).isNotEqualTo(first.token());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFileAnswerIsKeptAsItsAddress(TestDatabase database) throws SQLException {
        String key = key();
        Claim first = claim(database, "ann", key, RUN, BODY, NINE);
        Answer file = new Answer(200, "text/csv", null, "http://h/api/v1/on-demand/runs/3/file", null);
        inTransaction(database, c -> IdempotencyRecords.complete(c, first.id(), first.token(), file, NINE));

        Answer replayed = claim(database, "ann", key, RUN, BODY, NINE).answer();

        assertThat(replayed.body()).isNull();
        assertThat(replayed.contentLocation()).isEqualTo("http://h/api/v1/on-demand/runs/3/file");
        assertThat(replayed.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void after24HoursTheKeyIsFreeAndPurged(TestDatabase database) throws SQLException {
        String key = key();
        String other = key();
        Claim first = claim(database, "ann", key, RUN, BODY, NINE);
        inTransaction(database, c -> IdempotencyRecords.complete(c, first.id(), first.token(), ACCEPTED, NINE));
        claim(database, "ann", other, RUN, BODY, NINE.plusSeconds(1));

        Instant dayLater = NINE.plus(IdempotencyRecords.LIFETIME);
        assertThat(claim(database, "ann", key, RUN, "c".repeat(64), dayLater).outcome())
                .as("expired: taken anew, even with another body")
                .isEqualTo(Outcome.TAKEN);
        assertThat(rows(database, other)).isEqualTo(1);
        inTransaction(database, c -> IdempotencyRecords.purge(c, dayLater.plusSeconds(1)));
        assertThat(rows(database, other)).isZero();
        assertThat(rows(database, key)).as("the new use is younger").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oneKeySentManyTimesAtOnceIsTakenOnce(TestDatabase database) throws Exception {
        String key = key();
        int requests = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<Outcome>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit((Callable<Outcome>) () -> {
                    start.await();
                    return claim(database, "ann", key, RUN, BODY, NINE).outcome();
                }));
            }
            start.countDown();
            for (Future<Outcome> answer : answers) {
                outcomes.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).filteredOn(o -> o == Outcome.TAKEN).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o == Outcome.IN_PROGRESS).hasSize(requests - 1);
    }

    private static Claim claim(
            TestDatabase database, String caller, String key, String operation, String fingerprint, Instant now)
            throws SQLException {
        return inTransaction(database, c -> IdempotencyRecords.claim(c, caller, key, operation, fingerprint, now));
    }

    private static boolean done(TestDatabase database, Jdbc.Work<Boolean> work) throws SQLException {
        return inTransaction(database, work);
    }

    private static <T> T inTransaction(TestDatabase database, Jdbc.Work<T> work) throws SQLException {
        return Jdbc.inTransaction(database.dataSource(), work);
    }

    /** A fresh key per test, so that tests sharing the database do not meet. */
    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    private static long rows(TestDatabase database, String key) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
