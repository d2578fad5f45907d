package dev.herald.summaries.control;

import dev.herald.runs.control.RunItems;
import dev.herald.summaries.control.Summary.Audience;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A run of the summary schedule in SQL. When it begins, the settings of that moment become its
 * items: one per audience that has recipients (a test sends both to the tester), each delivered as
 * a link, its period fixed from the run's due day. What the run renders (the page) is stored beside
 * the item, whose file is the PDF.
 */
public final class SummaryRuns {

    private static final String KEY_PREFIX = "summary-";

    private SummaryRuns() {}

    /** The item's audience, or empty when the item is an ordinary report. */
    public static Optional<Audience> audience(String reportKey) {
        if (reportKey == null || !reportKey.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(
                Audience.valueOf(reportKey.substring(KEY_PREFIX.length()).toUpperCase(Locale.ROOT)));
    }

    static String reportKey(Audience audience) {
        return KEY_PREFIX + audience.name().toLowerCase(Locale.ROOT);
    }

    /** What an item asks for: written into its criteria when the run begins. */
    public record Request(Audience audience, String organisation, SummaryPeriod period) {

        String json() {
            return Json.createObjectBuilder()
                    .add("audience", audience.name())
                    .add("organisation", organisation)
                    .add("from", period.from().toString())
                    .add("to", period.to().toString())
                    .add("timeZone", period.zone().getId())
                    .build()
                    .toString();
        }

        public static Request of(RunItems.Item item) {
            JsonObject json =
                    Json.createReader(new StringReader(item.criteria())).readObject();
            return new Request(
                    Audience.valueOf(json.getString("audience")),
                    json.getString("organisation"),
                    new SummaryPeriod(
                            LocalDate.parse(json.getString("from")),
                            LocalDate.parse(json.getString("to")),
                            ZoneId.of(json.getString("timeZone"))));
        }
    }

    /** Copies the settings into the run once; answers how many items it has. */
    public static int copyItems(Connection connection, RunItems.Plan plan) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM run_item WHERE run_id = ?")) {
            query.setLong(1, plan.runId());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                if (row.getInt(1) > 0) {
                    return row.getInt(1);
                }
            }
        }
        String organisation;
        List<String> owners;
        List<String> managers;
        int days;
        ZoneId zone;
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT organisation_name, owner_emails, manager_emails, period_days, time_zone"
                                + " FROM summary_settings WHERE id = 1");
                ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return 0;
            }
            organisation = row.getString(1);
            owners = split(row.getString(2));
            managers = split(row.getString(3));
            days = row.getInt(4);
            zone = ZoneId.of(row.getString(5));
        }
        SummaryPeriod period =
                SummaryPeriod.before(plan.scheduledFor().atZone(zone).toLocalDate(), days, zone);
        List<Request> requests = new ArrayList<>();
        List<List<String>> recipients = new ArrayList<>();
        for (Audience audience : Audience.values()) {
            List<String> to =
                    plan.isTest() ? plan.recipientsOverride() : audience == Audience.OWNER ? owners : managers;
            if (!to.isEmpty()) {
                requests.add(new Request(audience, organisation, period));
                recipients.add(to);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO run_item (run_id, position, display_name, report_key, report_name, file_format,"
                        + " csv_delimiter, deliver_as, skip_when_empty, subject, criteria, recipients, status)"
                        + " VALUES (?, ?, ?, ?, ?, 'PDF', 'COMMA', 'LINK', FALSE, ?, ?, ?, 'PENDING')")) {
            for (int i = 0; i < requests.size(); i++) {
                Request request = requests.get(i);
                insert.setLong(1, plan.runId());
                insert.setInt(2, i);
                insert.setString(3, request.audience().title());
                insert.setString(4, reportKey(request.audience()));
                insert.setString(5, "Weekly summary report");
                insert.setString(
                        6,
                        organisation + ": " + request.audience().title().toLowerCase(Locale.UK) + ", "
                                + SummaryText.period(period));
                insert.setString(7, request.json());
                insert.setString(8, String.join(",", recipients.get(i)));
                insert.addBatch();
            }
            if (!requests.isEmpty()) {
                insert.executeBatch();
            }
        }
        return requests.size();
    }

    /** Keeps the page of a rendered summary beside its item (in the transaction that stores its PDF). */
    public static void storePage(Connection connection, long itemId, Request request, String page) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO summary_report (run_item_id, audience, organisation_name, period_from, period_to, page)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, itemId);
            insert.setString(2, request.audience().name());
            insert.setString(3, request.organisation());
            insert.setObject(4, request.period().from());
            insert.setObject(5, request.period().to());
            insert.setString(6, page);
            insert.executeUpdate();
        }
    }

    private static List<String> split(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of() : List.of(commaSeparated.split(","));
    }
}
