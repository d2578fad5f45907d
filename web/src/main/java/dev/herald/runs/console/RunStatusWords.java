package dev.herald.runs.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Map;

/** A run's, report's or e-mail's status in words, and the colour of its tag, for the console's lists. */
@Named
@ApplicationScoped
public class RunStatusWords {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("QUEUED", "Queued"),
            Map.entry("CLAIMED", "Starting"),
            Map.entry("RUNNING", "Running"),
            Map.entry("WAITING", "Waiting to retry"),
            Map.entry("SUCCEEDED", "Succeeded"),
            Map.entry("PARTIALLY_FAILED", "Partly failed"),
            Map.entry("FAILED", "Failed"),
            Map.entry("CANCELLED", "Cancelled"),
            Map.entry("SKIPPED", "Skipped (missed)"),
            Map.entry("SKIPPED_EMPTY", "Skipped (no rows)"),
            Map.entry("SKIPPED_NO_SCOPE", "Not made: recipient has no value"),
            Map.entry("PENDING", "Pending"),
            Map.entry("SENDING", "Sending"),
            Map.entry("RENDERED", "Rendered"),
            Map.entry("SENT", "Sent"),
            Map.entry("RETRY", "Will retry"));

    /** In words; a status without words yet is shown as itself, with its underscores as spaces. */
    public String label(String status) {
        if (status == null) {
            return "";
        }
        return WORDS.getOrDefault(status, status.replace('_', ' ').toLowerCase(Locale.ROOT));
    }

    public String severity(String status) {
        if (status == null) {
            return "info";
        }
        return switch (status) {
            case "SUCCEEDED", "SENT" -> "success";
            case "FAILED", "PARTIALLY_FAILED" -> "danger";
            case "WAITING", "RETRY" -> "warning";
            case "CANCELLED", "SKIPPED", "SKIPPED_EMPTY" -> "secondary";
            case "SKIPPED_NO_SCOPE" -> "warning";
            default -> "info";
        };
    }

    /** Whether a run in this status may still change (the lists refresh themselves while one does). */
    public boolean isGoing(String status) {
        return status != null
                && switch (status) {
                    case "QUEUED", "CLAIMED", "RUNNING", "WAITING" -> true;
                    default -> false;
                };
    }
}
