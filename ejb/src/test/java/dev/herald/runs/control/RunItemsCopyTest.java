package dev.herald.runs.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.platform.control.Jdbc;
import dev.herald.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Copying a schedule's items into a run, on H2 and PostgreSQL: an item made per recipient becomes one
 * run item per recipient, each in its own place in the run (run items are unique by run and position),
 * after the items before it and before those after it.
 */
class RunItemsCopyTest {

    private record Copied(int position, String displayName, String recipients, String status, String madeFor) {}

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPerRecipientItemBecomesOneRunItemPerRecipientEachInItsOwnPlace(TestDatabase database) throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = account(database, "first-" + tag, "7");
        String second = account(database, "second-" + tag, "12");
        String unscoped = account(database, "unscoped-" + tag, null);
        long report = insert(
                database,
                "INSERT INTO report_definition (report_key, name, built_in, version, parameters_json) VALUES ('bound-"
                        + tag + "', 'Bound', FALSE, 0, '[{\"name\":\"promoter\",\"label\":\"Promoter\","
                        + "\"type\":\"MULTI_CHOICE\",\"scope\":\"promoter\"}]')");
        long schedule = insert(
                database,
                "INSERT INTO schedule (name, name_key, enabled, run_on_demand, run_as_schedule, created_at, updated_at,"
                        + " version) VALUES ('Copy " + tag + "', 'copy " + tag + "', TRUE, TRUE, FALSE, ?, ?, 0)",
                Instant.now(),
                Instant.now());
        item(database, schedule, 0, report, "Before", false, List.of("staff@example.org"));
        item(
                database,
                schedule,
                1,
                report,
                "Each",
                true,
                List.of(first + "@example.org", second + "@example.org", unscoped + "@example.org"));
        item(database, schedule, 2, report, "After", false, List.of("staff@example.org"));
        long run = insert(
                database,
                "INSERT INTO run (schedule_id, schedule_name, run_trigger, scheduled_for, status, attempt, created_at)"
                        + " VALUES (" + schedule + ", 'Copy', 'MANUAL', ?, 'RUNNING', 1, ?)",
                Instant.now(),
                Instant.now());
        RunItems.Plan plan = new RunItems.Plan(
                run, "MANUAL", schedule, "Copy", Instant.now(), List.of(), null, null, null, null, "REPORTS", 0, 3);

        int copied = Jdbc.inTransaction(database.dataSource(), c -> RunItems.copyItems(c, plan));

        assertThat(copied).isEqualTo(5);
        assertThat(copies(database, run))
                .containsExactly(
                        new Copied(0, "Before", "staff@example.org", "PENDING", null),
                        new Copied(1, "Each", first + "@example.org", "PENDING", first),
                        new Copied(2, "Each", second + "@example.org", "PENDING", second),
                        new Copied(3, "Each", unscoped + "@example.org", "SKIPPED_NO_SCOPE", unscoped),
                        new Copied(4, "After", "staff@example.org", "PENDING", null));
    }

    /** An enabled account with an address, holding the promoter value unless it is null; its user name. */
    private static String account(TestDatabase database, String username, String promoter) throws SQLException {
        long id = insert(
                database,
                "INSERT INTO app_user (username, display_name, email, email_key, password_hash, enabled,"
                        + " must_change_password, created_at, version) VALUES ('" + username + "', 'Test', '"
                        + username + "@example.org', '" + username + "@example.org', 'x', TRUE, FALSE, ?, 0)",
                Instant.now());
        if (promoter != null) {
            execute(
                    database,
                    "INSERT INTO account_scope (user_id, kind, scope_value) VALUES (" + id + ", 'promoter', '"
                            + promoter + "')");
        }
        return username;
    }

    private static void item(
            TestDatabase database,
            long schedule,
            int position,
            long report,
            String name,
            boolean perRecipient,
            List<String> recipients)
            throws SQLException {
        long item = insert(
                database,
                "INSERT INTO scheduled_report (schedule_id, position, report_id, criteria, display_name, subject,"
                        + " deliver_as, file_format, csv_delimiter, skip_when_empty, per_recipient) VALUES (" + schedule
                        + ", " + position + ", " + report + ", '{}', '" + name + "', 'Subject', 'ATTACHMENT', 'CSV',"
                        + " 'COMMA', FALSE, " + perRecipient + ")");
        for (int i = 0; i < recipients.size(); i++) {
            execute(
                    database,
                    "INSERT INTO scheduled_report_recipient (scheduled_report_id, position, email) VALUES (" + item
                            + ", " + i + ", '" + recipients.get(i) + "')");
        }
    }

    private static List<Copied> copies(TestDatabase database, long run) throws SQLException {
        List<Copied> copies = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT position, display_name, recipients, status, made_for FROM run_item WHERE run_id = ?"
                                + " ORDER BY position")) {
            query.setLong(1, run);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    copies.add(new Copied(
                            row.getInt(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)));
                }
            }
        }
        return copies;
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
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
}
