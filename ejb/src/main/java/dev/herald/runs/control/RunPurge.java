package dev.herald.runs.control;

import dev.herald.platform.control.Jdbc;
import dev.herald.runs.entity.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Housekeeping's SQL: the lease that lets one instance purge at a time, deleting the files of run
 * items past the time they are kept, and deleting ended runs (with everything that hangs off them)
 * past the run-history retention. Each purge takes one bounded batch in the caller's transaction,
 * so that a large backlog is worked off in short transactions; running one twice (or on two
 * instances at once) deletes nothing more, and counts only what it deleted itself.
 */
public final class RunPurge {

    /** Ended runs; the others (waiting, claimed, running) are never purged. */
    static final List<String> ENDED = Arrays.stream(RunStatus.values())
            .filter(s -> s != RunStatus.QUEUED && !s.isActive())
            .map(Enum::name)
            .toList();

    private static final String ENDED_IN =
            ENDED.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));

    /** What one batch, or a whole pass, removed. */
    public record Purged(long files, long bytes, long runs, long reports, long deliveries, long usageReports) {

        public static final Purged NOTHING = new Purged(0, 0, 0, 0, 0, 0);

        public Purged plus(Purged other) {
            return new Purged(
                    files + other.files,
                    bytes + other.bytes,
                    runs + other.runs,
                    reports + other.reports,
                    deliveries + other.deliveries,
                    usageReports + other.usageReports);
        }

        public boolean isNothing() {
            return files == 0 && runs == 0;
        }
    }

    private RunPurge() {}

    /**
     * Takes (or renews) the housekeeping lease until {@code now + lease}; false when another
     * instance holds one that has not lapsed.
     */
    public static boolean takeLease(Connection connection, String holder, Instant now, Duration lease)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE housekeeping SET lease_holder = ?,"
                + " lease_until = ? WHERE id = 1 AND (lease_until IS NULL OR lease_until < ? OR lease_holder = ?)")) {
            update.setString(1, holder);
            Jdbc.setInstant(update, 2, now.plus(lease));
            Jdbc.setInstant(update, 3, now);
            update.setString(4, holder);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Ends a pass: gives the lease back (if still the holder's), notes when housekeeping last looked,
     * and, when it removed something, what and by whom.
     */
    public static void endPass(Connection connection, String holder, Instant now, Purged purged) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement(
                "UPDATE housekeeping SET lease_holder = NULL, lease_until = NULL WHERE id = 1 AND lease_holder = ?")) {
            release.setString(1, holder);
            release.executeUpdate();
        }
        try (PreparedStatement seen =
                connection.prepareStatement("UPDATE housekeeping SET last_pass_at = ? WHERE id = 1")) {
            Jdbc.setInstant(seen, 1, now);
            seen.executeUpdate();
        }
        if (purged.isNothing()) {
            return;
        }
        try (PreparedStatement record = connection.prepareStatement("UPDATE housekeeping SET last_purge_at = ?,"
                + " last_purge_instance = ?, last_purge_files = ?, last_purge_bytes = ?, last_purge_runs = ?"
                + " WHERE id = 1")) {
            Jdbc.setInstant(record, 1, now);
            record.setString(2, holder);
            record.setLong(3, purged.files());
            record.setLong(4, purged.bytes());
            record.setLong(5, purged.runs());
            record.executeUpdate();
        }
    }

    /**
     * Deletes the files of at most {@code limit} run items kept until before {@code now}, oldest
     * first. The items keep their figures (rows, bytes, checksum) and say when the file went.
     */
    public static Purged purgeFiles(Connection connection, Instant now, int limit) throws SQLException {
        List<long[]> due = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, byte_count FROM run_item"
                + " WHERE file_kept_until < ? AND file_purged_at IS NULL ORDER BY file_kept_until LIMIT ?")) {
            Jdbc.setInstant(query, 1, now);
            query.setInt(2, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    due.add(new long[] {row.getLong(1), row.getLong(2)});
                }
            }
        }
        long files = 0;
        long bytes = 0;
        try (PreparedStatement chunks =
                        connection.prepareStatement("DELETE FROM run_file_chunk WHERE run_item_id = ?");
                PreparedStatement item = connection.prepareStatement(
                        "UPDATE run_item SET file_purged_at = ? WHERE id = ? AND file_purged_at IS NULL")) {
            for (long[] file : due) {
                item.setLong(2, file[0]);
                Jdbc.setInstant(item, 1, now);
                // The item first: it is locked then, and another instance purging the same one waits and finds it done.
                if (item.executeUpdate() == 1) {
                    chunks.setLong(1, file[0]);
                    chunks.executeUpdate();
                    files++;
                    bytes += file[1];
                }
            }
        }
        return new Purged(files, bytes, 0, 0, 0, 0);
    }

    /**
     * Deletes at most {@code limit} runs that ended before {@code endedBefore}, oldest first, with
     * their reports, e-mails, summary pages and usage-report rows. A run one of whose files is still
     * kept is left alone (its file goes first, by the file retention); a run waiting or going is
     * never touched.
     */
    public static Purged purgeRuns(Connection connection, Instant endedBefore, Instant now, int limit)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT r.id FROM run r WHERE r.finished_at < ?"
                + " AND r.status IN (" + ENDED_IN + ") AND NOT EXISTS (SELECT 1 FROM run_item i WHERE i.run_id = r.id"
                + " AND i.file_purged_at IS NULL AND i.file_kept_until >= ?) ORDER BY r.finished_at LIMIT ?")) {
            Jdbc.setInstant(query, 1, endedBefore);
            Jdbc.setInstant(query, 2, now);
            query.setInt(3, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return Purged.NOTHING;
        }
        // The same conditions again as each row is deleted: a run reopened meanwhile (resend) stays.
        String still = "SELECT id FROM run WHERE id IN (" + marks(ids.size()) + ") AND finished_at < ? AND status IN ("
                + ENDED_IN + ")";
        long reports =
                count(connection, "SELECT COUNT(*) FROM run_item WHERE run_id IN (" + still + ")", ids, endedBefore);
        long deliveries = count(
                connection,
                "SELECT COUNT(*) FROM delivery d JOIN run_item i ON i.id = d.run_item_id WHERE i.run_id IN (" + still
                        + ")",
                ids,
                endedBefore);
        long usageReports =
                update(connection, "DELETE FROM usage_report WHERE run_id IN (" + still + ")", ids, endedBefore);
        // Items, their deliveries, file chunks and summary pages go with the run (ON DELETE CASCADE).
        long runs = update(
                connection,
                "DELETE FROM run WHERE id IN (" + marks(ids.size()) + ") AND finished_at < ? AND status IN (" + ENDED_IN
                        + ")",
                ids,
                endedBefore);
        return new Purged(0, 0, runs, reports, deliveries, usageReports);
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static long count(Connection connection, String sql, List<Long> ids, Instant endedBefore)
            throws SQLException {
        try (PreparedStatement query = bind(connection, sql, ids, endedBefore);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long update(Connection connection, String sql, List<Long> ids, Instant endedBefore)
            throws SQLException {
        try (PreparedStatement statement = bind(connection, sql, ids, endedBefore)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement bind(Connection connection, String sql, List<Long> ids, Instant endedBefore)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < ids.size(); i++) {
                statement.setLong(i + 1, ids.get(i));
            }
            Jdbc.setInstant(statement, ids.size() + 1, endedBefore);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
