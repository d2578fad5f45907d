package dev.herald.runs.control;

import dev.herald.platform.control.Jdbc;
import dev.herald.runs.entity.RunStatus;
import dev.herald.runs.entity.RunTrigger;
import dev.herald.schedules.control.NextRunCalculator;
import dev.herald.schedules.control.ScheduleRows;
import dev.herald.schedules.entity.MisfirePolicy;
import dev.herald.schedules.entity.Recurrence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Claims the runs that have fallen due, in the caller's transaction: one indexed query over
 * {@code schedule.next_run_at}, rows locked with {@code FOR UPDATE SKIP LOCKED} so that instances
 * claiming at the same moment take different schedules, a run row per (schedule, due instant) whose
 * unique key makes a second claim impossible, and the schedule's next due instant written back.
 * Time is the database's, so that instances with drifting clocks agree.
 *
 * <p>A due instant that fell while no instance was alive ({@link InstanceLives}), and is older than
 * the misfire threshold, was missed: RUN_ONCE makes one catch-up run for the latest missed instant,
 * SKIP records a skipped run; either way the next run is the first one after now. A due instant
 * that fell while an instance was alive but busy is only late: it runs.
 */
public final class DueRuns {

    private static final Logger LOG = Logger.getLogger(DueRuns.class.getName());

    /** A run this instance now owns and must start. */
    public record Claimed(long runId, long scheduleId, Instant scheduledFor, int attempt) {}

    /** One claim: how many due schedules it handled, and the runs it gave this instance. */
    public record Batch(int due, List<Claimed> claimed) {}

    private record Due(long scheduleId, String name, Instant dueAt, Recurrence recurrence) {}

    private record Decision(Due due, Instant scheduledFor, RunStatus status, String detail, Instant next) {}

    private DueRuns() {}

    public static Batch claim(Connection connection, String instance, int limit, Duration misfireThreshold)
            throws SQLException {
        Instant[] now = new Instant[1];
        List<Due> due = lockDue(connection, limit, now);
        if (due.isEmpty()) {
            return new Batch(0, List.of());
        }
        Set<String> alreadyRun = existingRuns(connection, due);
        Instant oldest = due.get(0).dueAt();
        List<InstanceLives.Life> lives = Duration.between(oldest, now[0]).compareTo(misfireThreshold) > 0
                ? InstanceLives.since(connection, oldest)
                : List.of();
        List<Decision> decisions = new ArrayList<>(due.size());
        for (Due schedule : due) {
            decisions.add(decide(schedule, now[0], misfireThreshold, alreadyRun, lives));
        }
        List<Claimed> claimed = insertRuns(connection, decisions, instance, now[0]);
        advance(connection, decisions);
        return new Batch(due.size(), claimed);
    }

    /** Locks up to {@code limit} due schedules; {@code now} receives the database's time of the query. */
    private static List<Due> lockDue(Connection connection, int limit, Instant[] now) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, name, next_run_at, CURRENT_TIMESTAMP AS db_now, "
                        + ScheduleRows.RECURRENCE_COLUMNS
                        + " FROM schedule WHERE next_run_at <= CURRENT_TIMESTAMP ORDER BY next_run_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    now[0] = Jdbc.instant(rows, "db_now");
                    due.add(new Due(
                            rows.getLong("id"),
                            rows.getString("name"),
                            Jdbc.instant(rows, "next_run_at"),
                            ScheduleRows.recurrence(rows)));
                }
            }
        }
        return due;
    }

    /** Runs already recorded for these (schedule, instant) pairs: a schedule saved during a claim can point back at one. */
    private static Set<String> existingRuns(Connection connection, List<Due> due) throws SQLException {
        Set<String> existing = new HashSet<>();
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < due.size(); i++) {
            ids.append(i == 0 ? "?" : ",?");
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT schedule_id, scheduled_key FROM run WHERE scheduled_key IS NOT NULL AND scheduled_key >= ? AND schedule_id IN ("
                        + ids + ")")) {
            Instant earliest =
                    due.stream().map(Due::dueAt).min(Instant::compareTo).orElseThrow();
            Jdbc.setInstant(query, 1, earliest);
            for (int i = 0; i < due.size(); i++) {
                query.setLong(i + 2, due.get(i).scheduleId());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    existing.add(key(rows.getLong(1), Jdbc.instant(rows, "scheduled_key")));
                }
            }
        }
        return existing;
    }

    private static Decision decide(
            Due due, Instant now, Duration misfireThreshold, Set<String> alreadyRun, List<InstanceLives.Life> lives) {
        NextRunCalculator calculator;
        try {
            calculator = NextRunCalculator.of(due.recurrence());
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Schedule " + due.scheduleId() + " has a recurrence Herald cannot read; it stops",
                    e);
            return new Decision(
                    due,
                    due.dueAt(),
                    RunStatus.FAILED,
                    "The schedule's timetable could not be read: " + e.getMessage(),
                    null);
        }
        // Late is not missed: a due time that fell while some instance was alive (busy, or its
        // e-mail server away) runs, however late; only one that fell while none was is a misfire.
        boolean misfired = Duration.between(due.dueAt(), now).compareTo(misfireThreshold) > 0
                && lives.stream().noneMatch(life -> life.covers(due.dueAt()));
        if (!misfired) {
            Instant next = calculator.next(due.dueAt()).orElse(null);
            if (alreadyRun.contains(key(due.scheduleId(), due.dueAt()))) {
                return new Decision(due, null, null, null, next);
            }
            return new Decision(due, due.dueAt(), RunStatus.CLAIMED, null, next);
        }
        NextRunCalculator.Missed missed = calculator.missedBetween(due.dueAt().minusNanos(1), now);
        Instant latest = missed.last().orElse(due.dueAt());
        Instant next = calculator.next(now).orElse(null);
        String period = (missed.counted() ? "" : "at least ") + missed.count() + " run(s) fell due between "
                + due.dueAt() + " and " + latest + " while Herald was not running";
        boolean runOnce = due.recurrence().getMisfirePolicy() == MisfirePolicy.RUN_ONCE;
        Instant scheduledFor = runOnce ? latest : due.dueAt();
        if (alreadyRun.contains(key(due.scheduleId(), scheduledFor))) {
            return new Decision(due, null, null, null, next);
        }
        return runOnce
                ? new Decision(
                        due, latest, RunStatus.CLAIMED, period + "; catching up once (misfire policy RUN_ONCE).", next)
                : new Decision(due, due.dueAt(), RunStatus.SKIPPED, period + "; skipped (misfire policy SKIP).", next);
    }

    /**
     * Inserts the runs in one batch (no generated keys, so the driver sends them together) and reads
     * their ids back in one query: the runs this instance made in this transaction.
     */
    private static List<Claimed> insertRuns(
            Connection connection, List<Decision> decisions, String instance, Instant now) throws SQLException {
        List<Decision> toInsert =
                decisions.stream().filter(d -> d.status() != null).toList();
        if (toInsert.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO run (schedule_id, schedule_name, run_trigger, scheduled_for, scheduled_key, status, detail,"
                        + " instance, attempt, created_at, heartbeat_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)")) {
            for (Decision decision : toInsert) {
                boolean active = decision.status() == RunStatus.CLAIMED;
                insert.setLong(1, decision.due().scheduleId());
                insert.setString(2, decision.due().name());
                insert.setString(3, RunTrigger.SCHEDULED.name());
                Jdbc.setInstant(insert, 4, decision.scheduledFor());
                Jdbc.setInstant(insert, 5, decision.scheduledFor());
                insert.setString(6, decision.status().name());
                insert.setString(7, decision.detail());
                insert.setString(8, instance);
                Jdbc.setInstant(insert, 9, now);
                Jdbc.setInstant(insert, 10, active ? now : null);
                Jdbc.setInstant(insert, 11, active ? null : now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, schedule_id, scheduled_for FROM run"
                + " WHERE status = 'CLAIMED' AND heartbeat_at = ? AND instance = ? AND created_at = ?"
                + " AND run_trigger = 'SCHEDULED' AND attempt = 1")) {
            Jdbc.setInstant(query, 1, now);
            query.setString(2, instance);
            Jdbc.setInstant(query, 3, now);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(
                            rows.getLong("id"), rows.getLong("schedule_id"), Jdbc.instant(rows, "scheduled_for"), 1));
                }
            }
        }
        return claimed;
    }

    private static void advance(Connection connection, List<Decision> decisions) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE schedule SET next_run_at = ?, version = version + 1 WHERE id = ?")) {
            for (Decision decision : decisions) {
                Jdbc.setInstant(update, 1, decision.next());
                update.setLong(2, decision.due().scheduleId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static String key(long scheduleId, Instant instant) {
        return scheduleId + "@" + instant;
    }
}
