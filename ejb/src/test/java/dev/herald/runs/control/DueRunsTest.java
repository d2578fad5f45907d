package dev.herald.runs.control;

import static dev.herald.schedules.control.Recurrences.daily;
import static dev.herald.schedules.control.Recurrences.every;
import static dev.herald.schedules.control.Recurrences.once;
import static dev.herald.schedules.control.Recurrences.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.platform.control.Jdbc;
import dev.herald.schedules.control.NextRunCalculator;
import dev.herald.schedules.entity.MisfirePolicy;
import dev.herald.schedules.entity.Recurrence;
import dev.herald.schedules.entity.Schedule;
import dev.herald.testing.TestDatabase;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The scheduler's SQL, on H2 and on PostgreSQL: claims, misfires, exactly-once under contention, take-over. */
class DueRunsTest {

    private static final Duration MISFIRE = Duration.ofSeconds(60);

    @BeforeEach
    void nothingElseIsDue() throws SQLException {
        for (TestDatabase database : TestDatabase.values()) {
            execute(database, "UPDATE schedule SET next_run_at = NULL");
            execute(database, "UPDATE run SET status = 'SUCCEEDED' WHERE status IN ('CLAIMED', 'RUNNING', 'WAITING')");
            execute(database, "DELETE FROM instance_life");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDueRunIsClaimedOnceAndTheScheduleMovesOn(TestDatabase database) throws SQLException {
        Instant now = now(database);
        Instant due = latestDue(everyFiveMinutesSinceYesterday(now), now);
        long id = schedule(database, everyFiveMinutesSinceYesterday(now), due);

        List<DueRuns.Claimed> first = claim(database, "node-a", 100);
        List<DueRuns.Claimed> second = claim(database, "node-b", 100);

        assertThat(first).singleElement().satisfies(run -> {
            assertThat(run.scheduleId()).isEqualTo(id);
            assertThat(run.scheduledFor()).isEqualTo(due);
            assertThat(run.attempt()).isEqualTo(1);
        });
        assertThat(second).isEmpty();
        assertThat(nextRunAt(database, id)).isAfter(due);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void afterDowntimeRunOnceCatchesUpWithOneRunForTheLatestMissedInstant(TestDatabase database) throws SQLException {
        Instant now = now(database);
        Instant due = now.minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
        long id = schedule(database, everyFiveMinutesSinceYesterday(now), due);

        List<DueRuns.Claimed> claimed = claim(database, "node-a", 100);

        assertThat(claimed).singleElement().satisfies(run -> {
            assertThat(run.scheduledFor())
                    .isAfter(now.minus(Duration.ofMinutes(5)))
                    .isBeforeOrEqualTo(now);
        });
        assertThat(nextRunAt(database, id)).isAfter(now);
        assertThat(detailOf(database, claimed.get(0).runId())).contains("while Herald was not running", "RUN_ONCE");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void afterDowntimeSkipRecordsASkippedRunAndClaimsNothing(TestDatabase database) throws SQLException {
        Instant now = now(database);
        Instant due = now.minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
        long id = schedule(database, everyFiveMinutesSinceYesterday(now).setMisfirePolicy(MisfirePolicy.SKIP), due);

        List<DueRuns.Claimed> claimed = claim(database, "node-a", 100);

        assertThat(claimed).isEmpty();
        assertThat(nextRunAt(database, id)).isAfter(now);
        assertThat(statusesOf(database, id)).containsExactly("SKIPPED");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSeriesThatHasEndedRunsItsLastOccurrenceThenWaitsForNothing(TestDatabase database) throws SQLException {
        Instant now = now(database);
        LocalDate yesterday = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        Recurrence endedYesterday = until(once(daily("UTC", yesterday.toString(), 1), "23:00"), yesterday.toString());
        Instant last = yesterday.atTime(23, 0).toInstant(ZoneOffset.UTC);
        long id = schedule(database, endedYesterday, last);

        List<DueRuns.Claimed> claimed = claim(database, "node-a", 100);
        List<DueRuns.Claimed> again = claim(database, "node-b", 100);

        assertThat(claimed).singleElement().satisfies(run -> assertThat(run.scheduledFor())
                .isEqualTo(last));
        assertThat(nextRunAt(database, id)).as("no next run").isNull();
        assertThat(again).isEmpty();
        assertThat(statusesOf(database, id)).containsExactly("CLAIMED");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDowntimeOfYearsIsCaughtUpOnceAtTheLatestMissedRunWithoutCountingEveryRun(TestDatabase database)
            throws SQLException {
        Instant now = now(database);
        Recurrence everyFiveMinutes = every(daily("UTC", "2019-01-01", 1), 5, "00:00", "23:55");
        long id = schedule(database, everyFiveMinutes, Instant.parse("2019-01-01T00:00:00Z"));

        long started = System.nanoTime();
        List<DueRuns.Claimed> claimed = claim(database, "node-a", 100);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(claimed).singleElement().satisfies(run -> assertThat(run.scheduledFor())
                .isAfter(now.minus(Duration.ofMinutes(5)))
                .isBeforeOrEqualTo(now));
        assertThat(detailOf(database, claimed.get(0).runId()))
                .contains("at least", "while Herald was not running", "RUN_ONCE");
        assertThat(nextRunAt(database, id)).isAfter(now);
        assertThat(took).as("the claim's time").isLessThan(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anInstantThatAlreadyRanIsNotRunAgain(TestDatabase database) throws SQLException {
        Instant now = now(database);
        Instant due = latestDue(everyFiveMinutesSinceYesterday(now), now);
        long id = schedule(database, everyFiveMinutesSinceYesterday(now), due);
        claim(database, "node-a", 100);
        // a schedule saved with a stale next run points back at an instant that already ran
        execute(database, "UPDATE schedule SET next_run_at = next_run_at - INTERVAL '1' MINUTE WHERE id = " + id);
        execute(
                database,
                "UPDATE schedule SET next_run_at = (SELECT MAX(scheduled_key) FROM run WHERE schedule_id = " + id
                        + ") WHERE id = " + id);

        List<DueRuns.Claimed> again = claim(database, "node-b", 100);

        assertThat(again).isEmpty();
        assertThat(statusesOf(database, id)).hasSize(1);
        assertThat(nextRunAt(database, id)).isAfter(due);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void instancesClaimingAtOnceRunEverySchedulesInstantExactlyOnce(TestDatabase database) throws Exception {
        Instant now = now(database);
        Instant due = latestDue(everyFiveMinutesSinceYesterday(now), now);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(schedule(database, everyFiveMinutesSinceYesterday(now), due));
        }

        List<DueRuns.Claimed> all = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> claimers = new ArrayList<>();
        for (int node = 0; node < 4; node++) {
            String name = "node-" + node;
            claimers.add(pool.submit((Callable<Void>) () -> {
                List<DueRuns.Claimed> batch;
                do {
                    batch = claim(database, name, 25);
                    all.addAll(batch);
                } while (!batch.isEmpty());
                return null;
            }));
        }
        for (Future<?> claimer : claimers) {
            claimer.get();
        }
        pool.shutdown();

        assertThat(all).extracting(DueRuns.Claimed::scheduleId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(all).allSatisfy(run -> assertThat(run.scheduledFor()).isEqualTo(due));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRunWhoseOwnerStoppedHeartbeatingIsTakenOverAndOnlyTheNewOwnerFinishesIt(TestDatabase database)
            throws SQLException {
        Instant now = now(database);
        schedule(
                database,
                everyFiveMinutesSinceYesterday(now),
                now.minusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
        DueRuns.Claimed run = claim(database, "node-a", 1).get(0);
        assertThat(start(database, run.runId(), "node-a", 1)).isTrue();

        List<RunOwnership.Owned> nothingYet = takeOver(database, "node-b", Duration.ofSeconds(30));
        execute(
                database,
                "UPDATE run SET heartbeat_at = heartbeat_at - INTERVAL '45' SECOND WHERE id = " + run.runId());
        List<RunOwnership.Owned> takenOver = takeOver(database, "node-b", Duration.ofSeconds(30));

        assertThat(nothingYet).isEmpty();
        assertThat(takenOver).containsExactly(new RunOwnership.Owned(run.runId(), 2));
        assertThat(finish(database, run.runId(), "node-a", 1))
                .as("the old owner wakes up")
                .isFalse();
        assertThat(start(database, run.runId(), "node-b", 2)).isTrue();
        assertThat(finish(database, run.runId(), "node-b", 2)).isTrue();
        assertThat(detailOf(database, run.runId())).contains("Taken over from node-a");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHeartbeatKeepsOnlyTheRunsTheInstanceHoldsAlive(TestDatabase database) throws SQLException {
        Instant now = now(database);
        Instant due = latestDue(everyFiveMinutesSinceYesterday(now), now);
        schedule(database, everyFiveMinutesSinceYesterday(now), due);
        schedule(database, everyFiveMinutesSinceYesterday(now), due);
        schedule(database, everyFiveMinutesSinceYesterday(now), due);
        long mine = claim(database, "node-a", 1).get(0).runId();
        long lostByMe = claim(database, "node-a", 1).get(0).runId();
        long someoneElses = claim(database, "node-c", 1).get(0).runId();
        execute(database, "UPDATE run SET heartbeat_at = heartbeat_at - INTERVAL '45' SECOND");

        int beaten = inConnection(database, c -> RunOwnership.heartbeat(c, "node-a", List.of(mine, someoneElses)));
        List<RunOwnership.Owned> takenOver = takeOver(database, "node-b", Duration.ofSeconds(30));

        assertThat(beaten).isEqualTo(1);
        assertThat(takenOver).extracting(RunOwnership.Owned::runId).containsExactlyInAnyOrder(lostByMe, someoneElses);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDueTimeThatFellWhileAnInstanceWasAliveIsLateNotMissed(TestDatabase database) throws SQLException {
        Instant now = now(database);
        Instant due = now.minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
        long id = schedule(database, everyFiveMinutesSinceYesterday(now).setMisfirePolicy(MisfirePolicy.SKIP), due);
        life(database, "busy-node", now.minus(Duration.ofHours(1)), now);

        List<DueRuns.Claimed> claimed = claim(database, "busy-node", 100);

        assertThat(claimed).singleElement().satisfies(run -> assertThat(run.scheduledFor())
                .isEqualTo(due));
        assertThat(statusesOf(database, id)).containsExactly("CLAIMED");
        assertThat(detailOf(database, claimed.get(0).runId())).isNull();
        assertThat(nextRunAt(database, id))
                .as("the next due time is the one after the late run (also past, so it runs too)")
                .isAfter(due)
                .isBeforeOrEqualTo(due.plus(Duration.ofMinutes(5)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDueTimeThatNoLifeCoversIsMissedEvenWhenAnInstanceIsAliveNow(TestDatabase database) throws SQLException {
        Instant now = now(database);
        Instant due = now.minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
        long id = schedule(database, everyFiveMinutesSinceYesterday(now).setMisfirePolicy(MisfirePolicy.SKIP), due);
        life(database, "old-node", now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(40)));
        life(database, "new-node", now.minus(Duration.ofMinutes(2)), now);

        List<DueRuns.Claimed> claimed = claim(database, "new-node", 100);

        assertThat(claimed).isEmpty();
        assertThat(statusesOf(database, id)).containsExactly("SKIPPED");
        assertThat(nextRunAt(database, id)).isAfter(now);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWaitingRunIsWokenOnceAtItsTimeAsTheNextAttempt(TestDatabase database) throws SQLException {
        Instant now = now(database);
        schedule(
                database,
                everyFiveMinutesSinceYesterday(now),
                now.minusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
        schedule(
                database,
                everyFiveMinutesSinceYesterday(now),
                now.minusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
        List<DueRuns.Claimed> runs = claim(database, "node-a", 2);
        long soon = runs.get(0).runId();
        long later = runs.get(1).runId();

        boolean stranger =
                inConnection(database, c -> RunOwnership.park(c, "node-b", soon, 1, now.minusSeconds(1), now));
        boolean parkedSoon =
                inConnection(database, c -> RunOwnership.park(c, "node-a", soon, 1, now.minusSeconds(1), now));
        boolean parkedLater =
                inConnection(database, c -> RunOwnership.park(c, "node-a", later, 1, now.plusSeconds(600), now));
        List<RunOwnership.Owned> woken = inConnection(database, c -> RunOwnership.wake(c, "node-c", 100));
        List<RunOwnership.Owned> again = inConnection(database, c -> RunOwnership.wake(c, "node-b", 100));

        assertThat(stranger).as("only the owner parks its run").isFalse();
        assertThat(parkedSoon).isTrue();
        assertThat(parkedLater).isTrue();
        assertThat(woken).containsExactly(new RunOwnership.Owned(soon, 2));
        assertThat(again).isEmpty();
        assertThat(finish(database, soon, "node-a", 1))
                .as("the old attempt changes nothing")
                .isFalse();
        assertThat(start(database, soon, "node-c", 2)).isTrue();
        assertThat(finish(database, soon, "node-c", 2)).isTrue();
        assertThat(takeOver(database, "node-b", Duration.ZERO))
                .as("a waiting run has no owner to take over from")
                .extracting(RunOwnership.Owned::runId)
                .doesNotContain(later);
    }

    private static void life(TestDatabase database, String instance, Instant from, Instant to) throws SQLException {
        inConnection(database, c -> {
            try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO instance_life (instance, started_at, beat_at) VALUES (?, ?, ?)")) {
                insert.setString(1, instance);
                Jdbc.setInstant(insert, 2, from);
                Jdbc.setInstant(insert, 3, to);
                return insert.executeUpdate();
            }
        });
    }

    /** The schedule's own latest instant at or before now: due, and its next one is in the future. */
    private static Instant latestDue(Recurrence recurrence, Instant now) {
        return NextRunCalculator.of(recurrence)
                .missedBetween(now.minus(Duration.ofMinutes(10)), now)
                .last()
                .orElseThrow();
    }

    private static Recurrence everyFiveMinutesSinceYesterday(Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        return every(daily("UTC", today.minusDays(1).toString(), 1), 5, "00:00", "23:55")
                .setMinutes(5);
    }

    private static long schedule(TestDatabase database, Recurrence recurrence, Instant nextRunAt) {
        EntityManager em = database.entityManagerFactory().createEntityManager();
        try {
            em.getTransaction().begin();
            Schedule schedule = new Schedule("Due " + UUID.randomUUID(), null, Instant.now());
            schedule.setRunAsSchedule(true);
            schedule.setRecurrence(recurrence);
            schedule.setNextRunAt(nextRunAt);
            em.persist(schedule);
            em.getTransaction().commit();
            return schedule.getId();
        } finally {
            em.close();
        }
    }

    private static <T> T inConnection(TestDatabase database, Jdbc.Work<T> work) throws SQLException {
        return Jdbc.inTransaction(database.dataSource(), work);
    }

    private static List<DueRuns.Claimed> claim(TestDatabase database, String instance, int limit) throws SQLException {
        return inConnection(
                database, c -> DueRuns.claim(c, instance, limit, MISFIRE).claimed());
    }

    private static List<RunOwnership.Owned> takeOver(TestDatabase database, String instance, Duration timeout)
            throws SQLException {
        return inConnection(database, c -> RunOwnership.takeOverStale(c, instance, timeout, 100));
    }

    private static boolean start(TestDatabase database, long runId, String instance, int attempt) throws SQLException {
        return inConnection(
                database,
                c -> RunOwnership.record(
                        c, instance, List.of(RunOwnership.Event.started(runId, attempt, Instant.now())))[0]);
    }

    private static boolean finish(TestDatabase database, long runId, String instance, int attempt) throws SQLException {
        return inConnection(
                database,
                c -> RunOwnership.record(
                        c,
                        instance,
                        List.of(RunOwnership.Event.ended(runId, attempt, "SUCCEEDED", Instant.now(), null)))[0]);
    }

    private static Instant now(TestDatabase database) throws SQLException {
        return inConnection(database, Jdbc::databaseNow);
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        inConnection(database, c -> c.createStatement().executeUpdate(sql));
    }

    private static Instant nextRunAt(TestDatabase database, long id) throws SQLException {
        return inConnection(database, c -> {
            try (ResultSet row =
                    c.createStatement().executeQuery("SELECT next_run_at FROM schedule WHERE id = " + id)) {
                row.next();
                return Jdbc.instant(row, "next_run_at");
            }
        });
    }

    private static List<String> statusesOf(TestDatabase database, long scheduleId) throws SQLException {
        return inConnection(database, c -> {
            List<String> statuses = new ArrayList<>();
            try (ResultSet rows =
                    c.createStatement().executeQuery("SELECT status FROM run WHERE schedule_id = " + scheduleId)) {
                while (rows.next()) {
                    statuses.add(rows.getString(1));
                }
            }
            return statuses;
        });
    }

    private static String detailOf(TestDatabase database, long runId) throws SQLException {
        return inConnection(database, c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT detail FROM run WHERE id = ?")) {
                query.setLong(1, runId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }
}
