package dev.herald.runs.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a run went, counted from its items and deliveries, and the status that follows from it. A
 * run is SUCCEEDED only when nothing failed; PARTIALLY_FAILED when something failed and something
 * else reached its recipients (or was rightly skipped as empty); FAILED when nothing did.
 */
public record RunTally(
        int itemsRendered,
        int itemsSkipped,
        int itemsFailed,
        int sent,
        int failed,
        int inDoubt,
        List<String> problems,
        int itemsUnscoped) {

    private static final int MAX_PROBLEMS = 20;

    /** The tally of a run without items: nothing made, nothing sent. */
    public static RunTally none() {
        return new RunTally(0, 0, 0, 0, 0, 0, List.of(), 0);
    }

    public String status() {
        int skipped = itemsSkipped + itemsUnscoped;
        if (itemsFailed == 0 && failed == 0 && itemsRendered + skipped > 0) {
            return "SUCCEEDED";
        }
        return sent > 0 || skipped > 0 ? "PARTIALLY_FAILED" : "FAILED";
    }

    /** One sentence for the run's detail. */
    public String summary() {
        if (itemsRendered + itemsSkipped + itemsFailed + itemsUnscoped == 0) {
            return "The run had no reports: the schedule was deleted before it began. Nothing was sent.";
        }
        List<String> parts = new ArrayList<>();
        int mails = sent + failed;
        if (mails > 0) {
            parts.add(
                    failed == 0 ? "Sent " + plural(sent, "e-mail") : "Sent " + sent + " of " + plural(mails, "e-mail"));
        }
        if (mails == 0 && itemsRendered > 0) {
            parts.add("Made " + plural(itemsRendered, "report") + " to download");
        }
        if (failed > 0) {
            parts.add(failed + " failed" + (inDoubt > 0 ? " (" + inDoubt + " in doubt)" : ""));
        }
        if (itemsFailed > 0) {
            parts.add(plural(itemsFailed, "report") + " could not be made");
        }
        if (itemsSkipped > 0) {
            parts.add(plural(itemsSkipped, "report") + " skipped because empty");
        }
        if (itemsUnscoped > 0) {
            parts.add(plural(itemsUnscoped, "recipient") + " got nothing: no value of a kind the report is bound to");
        }
        return String.join("; ", parts) + ".";
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    public static RunTally of(Connection connection, long runId) throws SQLException {
        int[] items = new int[4];
        try (PreparedStatement query =
                connection.prepareStatement("SELECT status, COUNT(*) FROM run_item WHERE run_id = ? GROUP BY status")) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    switch (rows.getString(1)) {
                        case "RENDERED" -> items[0] += rows.getInt(2);
                        case "SKIPPED_EMPTY" -> items[1] += rows.getInt(2);
                        case RecipientScoping.NO_SCOPE -> items[3] += rows.getInt(2);
                        default -> items[2] += rows.getInt(2);
                    }
                }
            }
        }
        int[] deliveries = new int[3];
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT d.status, d.in_doubt, COUNT(*) FROM delivery d"
                        + " JOIN run_item i ON i.id = d.run_item_id WHERE i.run_id = ? GROUP BY d.status, d.in_doubt")) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if ("SENT".equals(rows.getString(1))) {
                        deliveries[0] += rows.getInt(3);
                    } else {
                        deliveries[1] += rows.getInt(3);
                        deliveries[2] += rows.getBoolean(2) ? rows.getInt(3) : 0;
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT display_name, error, status FROM run_item WHERE run_id = ? AND status IN ('FAILED', '"
                        + RecipientScoping.NO_SCOPE + "') ORDER BY position, id")) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next() && problems.size() < MAX_PROBLEMS) {
                    problems.add("“" + rows.getString(1) + "” "
                            + ("FAILED".equals(rows.getString(3)) ? "could not be made: " : "was not made: ")
                            + rows.getString(2));
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT i.display_name, d.recipient, d.last_error"
                + " FROM delivery d JOIN run_item i ON i.id = d.run_item_id WHERE i.run_id = ? AND d.status <> 'SENT'"
                + " ORDER BY i.position, d.id")) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next() && problems.size() < MAX_PROBLEMS) {
                    problems.add("“" + rows.getString(1) + "” to " + rows.getString(2) + ": " + rows.getString(3));
                }
            }
        }
        return new RunTally(
                items[0], items[1], items[2], deliveries[0], deliveries[1], deliveries[2], problems, items[3]);
    }
}
