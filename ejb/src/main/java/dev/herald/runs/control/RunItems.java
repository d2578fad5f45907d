package dev.herald.runs.control;

import dev.herald.platform.control.Jdbc;
import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.reports.control.ReportSpecs;
import dev.herald.schedules.entity.DeliverAs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reports of a run in SQL: the run as its owner sees it, the copy of the schedule's items made
 * when the run begins, and each item's outcome (rendered with its file, skipped, failed).
 */
public final class RunItems {

    /** A run as its owner carries it out. */
    public record Plan(
            long runId,
            String trigger,
            Long scheduleId,
            String scheduleName,
            Instant scheduledFor,
            List<String> recipientsOverride,
            String ownerEmail,
            String note,
            Long onlyItemId,
            String requestedBy,
            String kind,
            int runItems,
            int scheduleItems) {

        public boolean isTest() {
            return "TEST".equals(trigger);
        }

        /** A usage report generated now: the file is kept for download, nobody is mailed. */
        public boolean isExport() {
            return "EXPORT".equals(trigger);
        }

        /** A partner's run of one item: the file is kept for them, nobody is mailed. */
        public boolean isOnDemand() {
            return "ON_DEMAND".equals(trigger);
        }
    }

    /** One item of a run. */
    public record Item(
            long id,
            int position,
            String displayName,
            String reportKey,
            String reportName,
            FileFormat format,
            CsvDelimiter csvDelimiter,
            DeliverAs deliverAs,
            boolean skipWhenEmpty,
            String subject,
            String criteria,
            List<String> recipients,
            String status,
            String criteriaStated,
            String fileName,
            String contentType,
            long rows,
            long bytes,
            Long scheduledReportId,
            String scopeValues,
            String madeFor) {

        /** Made for one recipient with their scope values ({"kind": ["value", …]}), or null. */
        public boolean isScoped() {
            return scopeValues != null;
        }
    }

    /** What rendering an item made. */
    public record Rendered(
            String criteriaStated,
            String fileName,
            String contentType,
            long rows,
            long bytes,
            String sha256,
            Instant keptUntil) {}

    private RunItems() {}

    public static Optional<Plan> plan(Connection connection, long runId) throws SQLException {
        return Optional.ofNullable(plans(connection, List.of(runId)).get(runId));
    }

    /** The plans of these runs, read in one query; a run that no longer exists has none. */
    public static Map<Long, Plan> plans(Connection connection, Collection<Long> runIds) throws SQLException {
        Map<Long, Plan> plans = new HashMap<>();
        if (runIds.isEmpty()) {
            return plans;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT r.id, r.run_trigger, r.schedule_id, r.schedule_name, r.scheduled_for, r.recipients_override,"
                        + " r.detail, r.only_item_id, r.requested_by, u.email, s.kind,"
                        + " (SELECT COUNT(*) FROM run_item i WHERE i.run_id = r.id) AS run_items,"
                        + " (SELECT COUNT(*) FROM scheduled_report sr WHERE sr.schedule_id = r.schedule_id) AS schedule_items"
                        + " FROM run r LEFT JOIN schedule s ON s.id = r.schedule_id"
                        + " LEFT JOIN app_user u ON u.id = s.owner_id WHERE r.id IN ("
                        + "?,".repeat(runIds.size() - 1) + "?)")) {
            int index = 1;
            for (long runId : runIds) {
                query.setLong(index++, runId);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long runId = row.getLong("id");
                    long scheduleId = row.getLong("schedule_id");
                    Long schedule = row.wasNull() ? null : scheduleId;
                    String override = row.getString("recipients_override");
                    String detail = row.getString("detail");
                    long onlyItem = row.getLong("only_item_id");
                    Long onlyItemId = row.wasNull() ? null : onlyItem;
                    plans.put(
                            runId,
                            new Plan(
                                    runId,
                                    row.getString("run_trigger"),
                                    schedule,
                                    row.getString("schedule_name"),
                                    Jdbc.instant(row, "scheduled_for"),
                                    split(override),
                                    row.getString("email"),
                                    detail,
                                    onlyItemId,
                                    row.getString("requested_by"),
                                    row.getString("kind") == null ? ItemMaker.REPORTS : row.getString("kind"),
                                    row.getInt("run_items"),
                                    row.getInt("schedule_items")));
                }
            }
        }
        return plans;
    }

    /**
     * Copies the schedule's items into the run, in one query: the caller calls it once, for a run
     * without items (a run taken over or resent keeps the items it began with). An on-demand run
     * copies its one item, with no recipients and never skipped when empty (the partner asked for
     * the file). Answers how many items were copied.
     */
    public static int copyItems(Connection connection, Plan plan) throws SQLException {
        if (plan.scheduleId() == null || plan.scheduleItems() == 0) {
            return 0;
        }
        List<Source> sources = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT s.id, s.position, s.display_name, d.report_key, d.name, s.file_format, s.csv_delimiter,"
                        + " s.deliver_as, s.skip_when_empty, s.subject, s.criteria, r.email, s.per_recipient,"
                        + " s.recipient_scope_kind, d.parameters_json FROM scheduled_report s"
                        + " JOIN report_definition d ON d.id = s.report_id"
                        + " LEFT JOIN scheduled_report_recipient r ON r.scheduled_report_id = s.id"
                        + " WHERE s.schedule_id = ?"
                        + (plan.onlyItemId() == null ? "" : " AND s.id = ?")
                        + " ORDER BY s.position, s.id, r.position")) {
            query.setLong(1, plan.scheduleId());
            if (plan.onlyItemId() != null) {
                query.setLong(2, plan.onlyItemId());
            }
            try (ResultSet row = query.executeQuery()) {
                boolean more = row.next();
                while (more) {
                    long itemId = row.getLong(1);
                    Object[] columns = new Object[10];
                    for (int column = 2; column <= 11; column++) {
                        columns[column - 2] = row.getObject(column);
                    }
                    boolean perRecipient = row.getBoolean(13);
                    String recipientKind = row.getString(14);
                    Set<String> boundKinds = ReportSpecs.boundKinds(row.getString(15));
                    // The item's recipients are its rows (one per address, none when it has none).
                    List<String> recipients = new ArrayList<>();
                    do {
                        String email = row.getString(12);
                        if (email != null) {
                            recipients.add(email);
                        }
                        more = row.next();
                    } while (more && row.getLong(1) == itemId);
                    sources.add(new Source(itemId, columns, recipients, perRecipient, recipientKind, boundKinds));
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO run_item (run_id, scheduled_report_id, position, display_name, report_key,"
                        + " report_name, file_format, csv_delimiter, deliver_as, skip_when_empty, subject,"
                        + " criteria, recipients, status, scope_values, made_for, error)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int copied = 0;
            for (Source source : sources) {
                for (RecipientScoping.Copy copy : RecipientScoping.copies(connection, plan, source)) {
                    insert.setLong(1, plan.runId());
                    insert.setLong(2, source.itemId());
                    for (int column = 0; column < 10; column++) {
                        insert.setObject(column + 3, source.columns()[column]);
                    }
                    // Its place in the run, not the schedule item's: an item made per recipient becomes several
                    // run items, and run items are unique by run and position (uq_run_item).
                    insert.setInt(3, copied);
                    if (plan.isOnDemand()) {
                        insert.setBoolean(10, false);
                    }
                    if (copy.displayName() != null) {
                        insert.setString(4, copy.displayName());
                    }
                    insert.setString(13, String.join(",", copy.recipients()));
                    insert.setString(14, copy.status());
                    insert.setString(15, copy.scopeValues());
                    insert.setString(16, copy.madeFor());
                    insert.setString(17, copy.error());
                    insert.addBatch();
                    copied++;
                }
            }
            if (copied > 0) {
                insert.executeBatch();
            }
            return copied;
        }
    }

    /** One item of the schedule as copying reads it: its columns 2–11 as run_item takes them, and its recipients. */
    record Source(
            long itemId,
            Object[] columns,
            List<String> recipients,
            boolean perRecipient,
            String recipientScopeKind,
            Set<String> boundKinds) {}

    public static List<Item> items(Connection connection, long runId) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT * FROM run_item WHERE run_id = ? ORDER BY position, id")) {
            query.setLong(1, runId);
            List<Item> items = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    items.add(new Item(
                            row.getLong("id"),
                            row.getInt("position"),
                            row.getString("display_name"),
                            row.getString("report_key"),
                            row.getString("report_name"),
                            FileFormat.valueOf(row.getString("file_format")),
                            CsvDelimiter.valueOf(row.getString("csv_delimiter")),
                            DeliverAs.valueOf(row.getString("deliver_as")),
                            row.getBoolean("skip_when_empty"),
                            row.getString("subject"),
                            row.getString("criteria"),
                            split(row.getString("recipients")),
                            row.getString("status"),
                            row.getString("criteria_stated"),
                            row.getString("file_name"),
                            row.getString("content_type"),
                            row.getLong("row_count"),
                            row.getLong("byte_count"),
                            nullableLong(row, "scheduled_report_id"),
                            row.getString("scope_values"),
                            row.getString("made_for")));
                }
            }
            return items;
        }
    }

    public static void rendered(Connection connection, long itemId, Rendered file, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE run_item SET status = 'RENDERED', criteria_stated = ?, file_name = ?, content_type = ?,"
                        + " row_count = ?, byte_count = ?, sha256 = ?, rendered_at = ?, file_kept_until = ?, error = NULL"
                        + " WHERE id = ?")) {
            update.setString(1, file.criteriaStated());
            update.setString(2, file.fileName());
            update.setString(3, file.contentType());
            update.setLong(4, file.rows());
            update.setLong(5, file.bytes());
            update.setString(6, file.sha256());
            Jdbc.setInstant(update, 7, now);
            Jdbc.setInstant(update, 8, file.keptUntil());
            update.setLong(9, itemId);
            update.executeUpdate();
        }
    }

    /** Ends an item without a file: SKIPPED_EMPTY (error null) or FAILED (with why). */
    public static void ended(Connection connection, long itemId, String status, String criteriaStated, String error)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE run_item SET status = ?, criteria_stated = COALESCE(?, criteria_stated), row_count = ?,"
                        + " error = ? WHERE id = ?")) {
            update.setString(1, status);
            update.setString(2, criteriaStated);
            if ("SKIPPED_EMPTY".equals(status)) {
                update.setLong(3, 0);
            } else {
                update.setNull(3, Types.BIGINT);
            }
            update.setString(4, error == null || error.length() <= 4000 ? error : error.substring(0, 4000));
            update.setLong(5, itemId);
            update.executeUpdate();
        }
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static List<String> split(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of() : List.of(commaSeparated.split(","));
    }
}
