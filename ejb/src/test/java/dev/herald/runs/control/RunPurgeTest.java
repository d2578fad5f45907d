package dev.herald.runs.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.platform.control.Jdbc;
import dev.herald.runs.control.RunPurge.Purged;
import dev.herald.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Housekeeping's SQL on H2 and PostgreSQL: files past their time go (in batches, once), runs past
 * the history go with everything that hangs off them, runs waiting or going and runs whose file is
 * still kept never do, and the lease lets one instance purge at a time.
 */
class RunPurgeTest {

    private static final Duration HISTORY = Duration.ofDays(365);

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFilePastItsTimeGoesOnceAndItsItemKeepsItsFigures(TestDatabase database) throws SQLException {
        Instant now = now();
        long run = run(database, "SUCCEEDED", now.minus(Duration.ofDays(2)));
        long expired = item(database, run, 0, now.minusSeconds(1), 2_500_000);
        long kept = item(database, run, 1, now.plus(Duration.ofDays(1)), 1000);

        Purged purged = inTransaction(database, c -> RunPurge.purgeFiles(c, now, 100));

        assertThat(purged.files()).isEqualTo(1);
        assertThat(purged.bytes()).isEqualTo(2_500_000);
        assertThat(count(database, "SELECT COUNT(*) FROM run_file_chunk WHERE run_item_id = " + expired))
                .isZero();
        assertThat(count(database, "SELECT COUNT(*) FROM run_file_chunk WHERE run_item_id = " + kept))
                .isEqualTo(1);
        assertThat(text(database, "SELECT file_purged_at FROM run_item WHERE id = " + expired))
                .isNotNull();
        assertThat(text(database, "SELECT byte_count FROM run_item WHERE id = " + expired))
                .isEqualTo("2500000");
        assertThat(text(database, "SELECT file_purged_at FROM run_item WHERE id = " + kept))
                .isNull();
        assertThat(filesPurged(database, now, 100))
                .as("a second purge finds nothing more")
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBacklogOfFilesIsPurgedInBoundedBatches(TestDatabase database) throws SQLException {
        Instant now = now();
        long run = run(database, "SUCCEEDED", now.minus(Duration.ofDays(100)));
        for (int i = 0; i < 5; i++) {
            item(database, run, i, now.minus(Duration.ofDays(10 - i)), 10);
        }

        assertThat(filesPurged(database, now, 2)).isEqualTo(2);
        assertThat(filesPurged(database, now, 2)).isEqualTo(2);
        assertThat(filesPurged(database, now, 2)).isEqualTo(1);
        assertThat(count(
                        database,
                        "SELECT COUNT(*) FROM run_item WHERE run_id = " + run + " AND file_purged_at IS NULL"))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEndedRunPastTheHistoryGoesWithEverythingThatHangsOffIt(TestDatabase database) throws SQLException {
        Instant now = now();
        Instant longAgo = now.minus(Duration.ofDays(400));
        long old = run(database, "PARTIALLY_FAILED", longAgo);
        long report = item(database, old, 0, longAgo.plus(Duration.ofDays(90)), 100);
        long summary = item(database, old, 1, longAgo.plus(Duration.ofDays(90)), 100);
        delivery(database, report, "a@example.org");
        delivery(database, report, "b@example.org");
        delivery(database, summary, "c@example.org");
        summaryPage(database, summary);
        usageReport(database, old);
        inTransaction(database, c -> RunPurge.purgeFiles(c, now, 100));

        Purged purged = inTransaction(database, c -> RunPurge.purgeRuns(c, now.minus(HISTORY), now, 100));

        assertThat(purged).isEqualTo(new Purged(0, 0, 1, 2, 3, 1));
        assertThat(count(database, "SELECT COUNT(*) FROM run WHERE id = " + old))
                .isZero();
        assertThat(count(database, "SELECT COUNT(*) FROM run_item WHERE run_id = " + old))
                .isZero();
        assertThat(count(
                        database,
                        "SELECT COUNT(*) FROM delivery WHERE run_item_id IN (" + report + ", " + summary + ")"))
                .isZero();
        assertThat(count(database, "SELECT COUNT(*) FROM summary_report WHERE run_item_id = " + summary))
                .isZero();
        assertThat(count(database, "SELECT COUNT(*) FROM usage_report WHERE run_id = " + old))
                .isZero();
        assertThat(count(database, "SELECT COUNT(*) FROM usage_report WHERE name = 'Usage of run " + old + "'"))
                .as("the usage report made by the run goes with it, not left without its run")
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void runsWaitingGoingRecentOrStillHoldingAFileStay(TestDatabase database) throws SQLException {
        Instant now = now();
        Instant longAgo = now.minus(Duration.ofDays(400));
        long queued = insert(
                database,
                "INSERT INTO run (schedule_name, run_trigger, scheduled_for, status, attempt, created_at)"
                        + " VALUES ('Purge test', 'ON_DEMAND', ?, 'QUEUED', 0, ?)",
                longAgo,
                longAgo);
        long running = insert(
                database,
                "INSERT INTO run (schedule_name, run_trigger, scheduled_for, status, instance, attempt, created_at,"
                        + " heartbeat_at) VALUES ('Purge test', 'MANUAL', ?, 'RUNNING', 'node-a', 1, ?, ?)",
                longAgo,
                longAgo,
                now);
        long recent = run(database, "SUCCEEDED", now.minus(Duration.ofDays(10)));
        long holdingAFile = run(database, "SUCCEEDED", longAgo);
        item(database, holdingAFile, 0, now.plus(Duration.ofDays(1)), 100);
        long endedBeforeTheHistory = run(database, "CANCELLED", longAgo);

        Purged purged = inTransaction(database, c -> RunPurge.purgeRuns(c, now.minus(HISTORY), now, 100));

        assertThat(purged.runs()).isEqualTo(1);
        assertThat(count(database, "SELECT COUNT(*) FROM run WHERE id = " + endedBeforeTheHistory))
                .isZero();
        for (long stays : new long[] {queued, running, recent, holdingAFile}) {
            assertThat(count(database, "SELECT COUNT(*) FROM run WHERE id = " + stays))
                    .as("run " + stays)
                    .isEqualTo(1);
        }
        assertThat(RunPurge.ENDED).doesNotContain("QUEUED", "CLAIMED", "RUNNING");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oneInstanceHoldsTheLeaseUntilItGivesItBackOrItLapses(TestDatabase database) throws SQLException {
        Instant now = now();
        Duration lease = Duration.ofMinutes(10);
        String a = "node-a/" + UUID.randomUUID();
        String b = "node-b/" + UUID.randomUUID();

        assertThat(lease(database, a, now, lease)).isTrue();
        assertThat(lease(database, b, now.plusSeconds(1), lease)).isFalse();
        assertThat(lease(database, a, now.plusSeconds(2), lease))
                .as("renewed by its holder")
                .isTrue();
        assertThat(lease(database, b, now.plus(Duration.ofMinutes(11)), lease))
                .as("a lapsed lease is taken over")
                .isTrue();

        Instant end = now.plus(Duration.ofMinutes(12));
        inTransaction(database, c -> {
            RunPurge.endPass(c, b, end, new Purged(3, 3000, 2, 2, 4, 0));
            return null;
        });
        assertThat(text(database, "SELECT lease_holder FROM housekeeping")).isNull();
        assertThat(text(database, "SELECT last_purge_instance FROM housekeeping"))
                .isEqualTo(b);
        assertThat(text(
                        database,
                        "SELECT last_purge_files || '/' || last_purge_bytes || '/' || last_purge_runs"
                                + " FROM housekeeping"))
                .isEqualTo("3/3000/2");

        Instant later = end.plusSeconds(60);
        inTransaction(database, c -> {
            RunPurge.endPass(c, a, later, Purged.NOTHING);
            return null;
        });
        assertThat(text(database, "SELECT last_purge_instance FROM housekeeping"))
                .as("a pass that found nothing leaves the last purge as it was")
                .isEqualTo(b);
        assertThat(lease(database, a, later, lease)).isTrue();
        inTransaction(database, c -> {
            RunPurge.endPass(c, a, later, Purged.NOTHING);
            return null;
        });
    }

    // --- fixtures

    /** Now, to the microsecond PostgreSQL keeps. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static long filesPurged(TestDatabase database, Instant now, int limit) throws SQLException {
        Purged purged = inTransaction(database, c -> RunPurge.purgeFiles(c, now, limit));
        return purged.files();
    }

    private static boolean lease(TestDatabase database, String holder, Instant at, Duration lease) throws SQLException {
        Boolean taken = inTransaction(database, c -> RunPurge.takeLease(c, holder, at, lease));
        return taken;
    }

    private static <T> T inTransaction(TestDatabase database, Jdbc.Work<T> work) throws SQLException {
        return Jdbc.inTransaction(database.dataSource(), work);
    }

    /** An ended run (or one in the given status) that finished at the given instant. */
    private static long run(TestDatabase database, String status, Instant finishedAt) throws SQLException {
        Instant started = finishedAt.minusSeconds(30);
        return insert(
                database,
                "INSERT INTO run (schedule_name, run_trigger, scheduled_for, status, instance, attempt, created_at,"
                        + " started_at, finished_at) VALUES ('Purge test', 'MANUAL', ?, '" + status
                        + "', 'node-a', 1, ?, ?, ?)",
                started,
                started,
                started,
                finishedAt);
    }

    /** A rendered item whose file (one chunk of the given size) is kept until the given instant. */
    private static long item(TestDatabase database, long runId, int position, Instant keptUntil, int bytes)
            throws SQLException {
        long itemId = insert(
                database,
                "INSERT INTO run_item (run_id, position, display_name, report_key, report_name, file_format,"
                        + " csv_delimiter, deliver_as, skip_when_empty, subject, criteria, recipients, status, file_name,"
                        + " content_type, row_count, byte_count, sha256, rendered_at, file_kept_until) VALUES (" + runId
                        + ", " + position + ", 'Daily sales', 'sales', 'Sales', 'CSV', 'COMMA', 'LINK', FALSE, 'Sales',"
                        + " '{}', '', 'RENDERED', 'sales.csv', 'text/csv', 10, " + bytes + ", 'abc', ?, ?)",
                keptUntil.minus(Duration.ofDays(90)),
                keptUntil);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement chunk = connection.prepareStatement(
                        "INSERT INTO run_file_chunk (run_item_id, seq, content) VALUES (?, 0, ?)")) {
            chunk.setLong(1, itemId);
            chunk.setBytes(2, new byte[Math.min(bytes, 4096)]);
            chunk.executeUpdate();
        }
        return itemId;
    }

    private static void delivery(TestDatabase database, long itemId, String recipient) throws SQLException {
        insert(
                database,
                "INSERT INTO delivery (run_item_id, recipient, delivered_as, message_id, status, attempts, tries,"
                        + " in_doubt, updated_at, link_token_hash, link_expires_at) VALUES (" + itemId + ", '"
                        + recipient + "', 'LINK', '<" + UUID.randomUUID() + "@test>', 'SENT', 1, 1, FALSE, ?, '"
                        + UUID.randomUUID() + "', ?)",
                Instant.now(),
                Instant.now());
    }

    private static void summaryPage(TestDatabase database, long itemId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO summary_report (run_item_id, audience, organisation_name, period_from, period_to,"
                                + " page) VALUES (?, 'OWNER', 'Test', ?, ?, '<html></html>')")) {
            insert.setLong(1, itemId);
            insert.setObject(2, LocalDate.of(2025, 1, 6));
            insert.setObject(3, LocalDate.of(2025, 1, 12));
            insert.executeUpdate();
        }
    }

    private static void usageReport(TestDatabase database, long runId) throws SQLException {
        insert(
                database,
                "INSERT INTO usage_report (name, scope, period, period_from, period_to, csv_delimiter, daily,"
                        + " expected_rows, run_id, requested_by, created_at) VALUES ('Usage of run " + runId
                        + "', 'ALL', 'LAST_MONTH', DATE '2025-01-01', DATE '2025-01-31', 'COMMA', FALSE, 10, " + runId
                        + ", 'admin', ?)",
                Instant.now());
    }

    private static long insert(TestDatabase database, String sql, Instant... instants) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
            for (int i = 0; i < instants.length; i++) {
                Jdbc.setInstant(insert, i + 1, instants[i]);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        }
    }

    private static long count(TestDatabase database, String sql) throws SQLException {
        return Long.parseLong(text(database, sql));
    }

    private static String text(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }
}
