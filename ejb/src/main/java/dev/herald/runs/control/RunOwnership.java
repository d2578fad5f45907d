package dev.herald.runs.control;

import dev.herald.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Who owns an active run, in SQL. An instance heartbeats all its active runs with one statement;
 * another instance takes over the runs whose heartbeat is older than the timeout, raising their
 * attempt. Every later change names (instance, attempt), so a stalled owner that wakes up after the
 * take-over changes nothing: only one attempt can finish a run.
 */
public final class RunOwnership {

    /** A run an instance owns, at a given attempt. */
    public record Owned(long runId, int attempt) {}

    private static final int HEARTBEAT_CHUNK = 500;

    /**
     * How the detail of a run that was taken over begins. An active run's detail is a note on how its
     * attempt came about (this, a catch-up, a resend), which the run keeps when it ends.
     */
    public static final String TAKEN_OVER = "Taken over from ";

    private RunOwnership() {}

    /**
     * Heartbeats the runs this instance really holds in memory. A run the database says it owns but
     * that it lost (a bug, a rejected task) goes stale and is taken over like any other.
     */
    public static int heartbeat(Connection connection, String instance, Collection<Long> runIds) throws SQLException {
        int beaten = 0;
        List<Long> ids = new ArrayList<>(runIds);
        for (int from = 0; from < ids.size(); from += HEARTBEAT_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + HEARTBEAT_CHUNK));
            String placeholders = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE run SET heartbeat_at = CURRENT_TIMESTAMP"
                            + " WHERE instance = ? AND status IN ('CLAIMED', 'RUNNING') AND id IN (" + placeholders
                            + ")")) {
                update.setString(1, instance);
                for (int i = 0; i < chunk.size(); i++) {
                    update.setLong(i + 2, chunk.get(i));
                }
                beaten += update.executeUpdate();
            }
        }
        return beaten;
    }

    public static List<Owned> takeOverStale(Connection connection, String instance, Duration timeout, int limit)
            throws SQLException {
        Instant cutoff = Jdbc.databaseNow(connection).minus(timeout);
        List<long[]> stale = new ArrayList<>();
        List<String> previousOwners = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, attempt, instance, detail FROM run WHERE status IN ('CLAIMED', 'RUNNING') AND heartbeat_at < ?"
                        + " ORDER BY heartbeat_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
            Jdbc.setInstant(query, 1, cutoff);
            query.setInt(2, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stale.add(new long[] {rows.getLong("id"), rows.getInt("attempt")});
                    previousOwners.add(rows.getString("instance"));
                    notes.add(rows.getString("detail"));
                }
            }
        }
        List<Owned> owned = new ArrayList<>();
        if (stale.isEmpty()) {
            return owned;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE run SET instance = ?, attempt = ?, status = 'CLAIMED', heartbeat_at = CURRENT_TIMESTAMP,"
                        + " detail = ? WHERE id = ?")) {
            for (int i = 0; i < stale.size(); i++) {
                long runId = stale.get(i)[0];
                int attempt = (int) stale.get(i)[1] + 1;
                update.setString(1, instance);
                update.setInt(2, attempt);
                update.setString(3, takenOver(previousOwners.get(i), notes.get(i)));
                update.setLong(4, runId);
                update.addBatch();
                owned.add(new Owned(runId, attempt));
            }
            update.executeBatch();
        }
        return owned;
    }

    /**
     * The note of a run taken over: who stopped, then how the run came about (a catch-up, a resend),
     * which it keeps; an earlier take-over's sentence gives way to this one.
     */
    static String takenOver(String previousOwner, String note) {
        String kept = note == null ? "" : note.strip();
        if (kept.startsWith(TAKEN_OVER)) {
            int end = kept.indexOf(HEARTBEATING);
            kept = end < 0 ? "" : kept.substring(end + HEARTBEATING.length()).strip();
        }
        return TAKEN_OVER + previousOwner + HEARTBEATING + (kept.isEmpty() ? "" : " " + kept);
    }

    private static final String HEARTBEATING = ", which stopped heartbeating.";

    /**
     * Claims up to {@code limit} runs whose wait for another try is over, as the next attempt of
     * each: the same fencing as a take-over, so an instance that still thinks it holds one changes
     * nothing.
     */
    public static List<Owned> wake(Connection connection, String instance, int limit) throws SQLException {
        List<Owned> woken = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, attempt FROM run WHERE status = 'WAITING' AND heartbeat_at <= CURRENT_TIMESTAMP"
                        + " ORDER BY heartbeat_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    woken.add(new Owned(rows.getLong("id"), rows.getInt("attempt") + 1));
                }
            }
        }
        if (woken.isEmpty()) {
            return woken;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE run SET instance = ?, attempt = ?, status = 'CLAIMED', heartbeat_at = CURRENT_TIMESTAMP,"
                        + " wake_at = NULL WHERE id = ? AND status = 'WAITING'")) {
            for (Owned run : woken) {
                update.setString(1, instance);
                update.setInt(2, run.attempt());
                update.setLong(3, run.runId());
                update.addBatch();
            }
            update.executeBatch();
        }
        return woken;
    }

    /**
     * Begins (or resumes) the work of (instance, attempt) on the run, in the caller's transaction:
     * RUNNING, started now if it had not started, heartbeat now. False, and nothing changed, when the
     * run is not this attempt's or no longer active. The row stays locked until the caller commits,
     * so this is the fence of the transaction too.
     */
    public static boolean begin(Connection connection, String instance, long runId, int attempt, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE run SET status = 'RUNNING', started_at = COALESCE(started_at, ?), heartbeat_at = CURRENT_TIMESTAMP"
                        + " WHERE id = ? AND instance = ? AND attempt = ? AND status IN ('CLAIMED', 'RUNNING')")) {
            Jdbc.setInstant(update, 1, now);
            update.setLong(2, runId);
            update.setString(3, instance);
            update.setInt(4, attempt);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Parks the run of (instance, attempt) until {@code wakeAt}, in the caller's transaction, which
     * must hold the run's fence: it gives up its worker and waits as a row, not a thread. Its
     * heartbeat_at is the wake-up time too (the index the wake-up query uses).
     */
    public static boolean park(
            Connection connection, String instance, long runId, int attempt, Instant wakeAt, Instant now)
            throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE run SET status = 'WAITING', wake_at = ?, heartbeat_at = ?,"
                        + " started_at = COALESCE(started_at, ?)"
                        + " WHERE id = ? AND instance = ? AND attempt = ? AND status IN ('CLAIMED', 'RUNNING')")) {
            Jdbc.setInstant(update, 1, wakeAt);
            Jdbc.setInstant(update, 2, wakeAt);
            Jdbc.setInstant(update, 3, now);
            update.setLong(4, runId);
            update.setString(5, instance);
            update.setInt(6, attempt);
            return update.executeUpdate() == 1;
        }
    }

    /** A change in a run's life that its owner records: it started, or it ended with a status. */
    public record Event(long runId, int attempt, String status, Instant at, String detail) {

        public static Event started(long runId, int attempt, Instant at) {
            return new Event(runId, attempt, "RUNNING", at, null);
        }

        public static Event ended(long runId, int attempt, String status, Instant at, String detail) {
            return new Event(runId, attempt, status, at, detail);
        }

        boolean isStart() {
            return "RUNNING".equals(status);
        }
    }

    /**
     * Records many events of this instance's runs in one batch, starts before ends. Each applies
     * only while (instance, attempt) still owns the run and it is active; the answer says which
     * did, in the order given.
     */
    public static boolean[] record(Connection connection, String instance, List<Event> events) throws SQLException {
        boolean[] applied = new boolean[events.size()];
        try (PreparedStatement start = connection.prepareStatement(
                        "UPDATE run SET status = 'RUNNING', started_at = COALESCE(started_at, ?), heartbeat_at = CURRENT_TIMESTAMP"
                                + " WHERE id = ? AND instance = ? AND attempt = ? AND status IN ('CLAIMED', 'RUNNING')");
                PreparedStatement end = connection.prepareStatement(
                        "UPDATE run SET status = ?, finished_at = ?, started_at = COALESCE(started_at, ?),"
                                + " detail = COALESCE(?, detail)"
                                + " WHERE id = ? AND instance = ? AND attempt = ? AND status IN ('CLAIMED', 'RUNNING')")) {
            List<Integer> starts = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                if (event.isStart()) {
                    Jdbc.setInstant(start, 1, event.at());
                    start.setLong(2, event.runId());
                    start.setString(3, instance);
                    start.setInt(4, event.attempt());
                    start.addBatch();
                    starts.add(i);
                } else {
                    end.setString(1, event.status());
                    Jdbc.setInstant(end, 2, event.at());
                    Jdbc.setInstant(end, 3, event.at());
                    end.setString(4, event.detail());
                    end.setLong(5, event.runId());
                    end.setString(6, instance);
                    end.setInt(7, event.attempt());
                    end.addBatch();
                    ends.add(i);
                }
            }
            mark(applied, starts, starts.isEmpty() ? new int[0] : start.executeBatch());
            mark(applied, ends, ends.isEmpty() ? new int[0] : end.executeBatch());
        }
        return applied;
    }

    private static void mark(boolean[] applied, List<Integer> positions, int[] counts) {
        for (int i = 0; i < counts.length; i++) {
            applied[positions.get(i)] = counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO;
        }
    }

    /**
     * Hands back the runs this instance claimed but has not started, when it shuts down: their
     * heartbeat is set far in the past so that another instance takes them over at once.
     */
    public static int release(Connection connection, String instance) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE run SET heartbeat_at = ? WHERE instance = ? AND status = 'CLAIMED'")) {
            Jdbc.setInstant(update, 1, Instant.EPOCH);
            update.setString(2, instance);
            return update.executeUpdate();
        }
    }
}
