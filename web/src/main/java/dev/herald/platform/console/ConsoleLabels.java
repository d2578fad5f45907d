package dev.herald.platform.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Codes in people's words: what the console shows instead of BOX_OFFICE, ENTERPRISE, MONDAY or
 * user.create. Values the data may hold in capitals that are not codes (a region called "APAC")
 * stay as they are: {@link #of(Object)} only changes the codes it knows, while {@link #code(String)}
 * is for fields that hold nothing but codes and writes any of them as a sentence.
 */
@Named
@ApplicationScoped
public class ConsoleLabels {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("BOX_OFFICE", "Box office"),
            Map.entry("WEB", "Web"),
            Map.entry("PHONE", "Phone"),
            Map.entry("CARD", "Card"),
            Map.entry("CASH", "Cash"),
            Map.entry("BANK_TRANSFER", "Bank transfer"),
            Map.entry("GIFT_CARD", "Gift card"),
            Map.entry("VOUCHER", "Voucher"),
            Map.entry("PAYMENT", "Payment"),
            Map.entry("REFUND", "Refund"),
            Map.entry("SOLD", "Sold"),
            Map.entry("RETURNED", "Returned"),
            Map.entry("LIVE", "Live"),
            Map.entry("ARCHIVED", "Archived"),
            Map.entry("OPEN", "Open"),
            Map.entry("IN_PROGRESS", "In progress"),
            Map.entry("RESOLVED", "Resolved"),
            Map.entry("LOW", "Low"),
            Map.entry("NORMAL", "Normal"),
            Map.entry("HIGH", "High"),
            Map.entry("URGENT", "Urgent"),
            Map.entry("STARTER", "Starter"),
            Map.entry("BUSINESS", "Business"),
            Map.entry("ENTERPRISE", "Enterprise"),
            Map.entry("ACTIVE", "Active"),
            Map.entry("TRIAL", "Trial"),
            Map.entry("SUSPENDED", "Suspended"),
            Map.entry("CLOSED", "Closed"),
            Map.entry("MONDAY", "Monday"),
            Map.entry("TUESDAY", "Tuesday"),
            Map.entry("WEDNESDAY", "Wednesday"),
            Map.entry("THURSDAY", "Thursday"),
            Map.entry("FRIDAY", "Friday"),
            Map.entry("SATURDAY", "Saturday"),
            Map.entry("SUNDAY", "Sunday"),
            Map.entry("DAILY", "Daily"),
            Map.entry("WEEKLY", "Weekly"),
            Map.entry("MONTHLY", "Monthly"),
            Map.entry("RUNNING", "Running"),
            Map.entry("COMPLETE", "Complete"),
            Map.entry("FAILED", "Failed"),
            Map.entry("CANCELLED", "Cancelled"),
            Map.entry("WAITING", "Waiting"),
            Map.entry("UP", "Up"),
            Map.entry("DEGRADED", "Degraded"),
            Map.entry("DOWN", "Down"),
            Map.entry("OK", "Working"),
            Map.entry("FAILING", "Failing"),
            Map.entry("COMMA", "Comma"),
            Map.entry("PIPE", "Pipe"));

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("login", "Signed in"),
            Map.entry("login.failed", "Sign-in failed"),
            Map.entry("login.refused.blocked", "Sign-in refused (blocked)"),
            Map.entry("login.refused.busy", "Sign-in refused (too many at once)"),
            Map.entry("logout", "Signed out"),
            Map.entry("address.blocked", "Address blocked"),
            Map.entry("file.download", "File downloaded"),
            Map.entry("file.download.expired", "Download refused: link expired"),
            Map.entry("file.download.refused", "Download refused"),
            Map.entry("file.download.withdrawn", "Download refused: link withdrawn"),
            Map.entry("housekeeping.purge", "Old files removed"),
            Map.entry("report.create", "Report added"),
            Map.entry("report.update", "Report changed"),
            Map.entry("report.delete", "Report deleted"),
            Map.entry("report.export", "Report exported"),
            Map.entry("role.create", "Role added"),
            Map.entry("role.update", "Role changed"),
            Map.entry("role.delete", "Role deleted"),
            Map.entry("run.cancel", "Run cancelled"),
            Map.entry("run.link.withdraw", "Download link withdrawn"),
            Map.entry("run.now", "Run started now"),
            Map.entry("run.test", "Test sent"),
            Map.entry("schedule.create", "Schedule added"),
            Map.entry("schedule.update", "Schedule changed"),
            Map.entry("schedule.delete", "Schedule deleted"),
            Map.entry("schedule.enable", "Schedule enabled"),
            Map.entry("schedule.disable", "Schedule disabled"),
            Map.entry("settings.update", "Settings changed"),
            Map.entry("summary.open", "Summary opened"),
            Map.entry("summary.open.refused", "Summary refused"),
            Map.entry("summary.pdf", "Summary PDF opened"),
            Map.entry("summary.revoke", "Summary link withdrawn"),
            Map.entry("summary.settings.update", "Summary settings changed"),
            Map.entry("token.create", "API token made"),
            Map.entry("token.refused", "API token refused"),
            Map.entry("token.revoke", "API token revoked"),
            Map.entry("user.blocked", "Sign-in blocked"),
            Map.entry("user.create", "User added"),
            Map.entry("user.create.partner", "Partner added"),
            Map.entry("user.update", "User changed"),
            Map.entry("user.enable", "User enabled"),
            Map.entry("user.disable", "User disabled"),
            Map.entry("user.unlock", "User unlocked"),
            Map.entry("user.password.change", "Own password changed"),
            Map.entry("user.password.set", "Password set by staff"));

    /** A value as people say it when it is a code Herald knows; anything else unchanged. */
    public Object of(Object value) {
        return value instanceof String text ? KNOWN.getOrDefault(text, text) : value;
    }

    /** A field that holds only codes: the known word, else SOME_CODE as "Some code". */
    public String code(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String known = KNOWN.get(code);
        if (known != null) {
            return known;
        }
        if (!CODE.matcher(code).matches()) {
            return code;
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** What an audit entry is about (usageReport, apiToken) in words: Usage report, API token. */
    public String target(String type) {
        if (type == null || type.isBlank()) {
            return "";
        }
        if ("apiToken".equals(type)) {
            return "API token";
        }
        String words = type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * An audit action (user.create) in words (User added); the older SCHEDULE_CREATED form reads the
     * same as schedule.create. An action Herald does not know reads as it is.
     */
    public String action(String action) {
        if (action == null) {
            return "";
        }
        String dotted = action;
        if (CODE.matcher(action).matches()) {
            dotted = action.toLowerCase(Locale.ROOT)
                    .replaceFirst("_created$", ".create")
                    .replaceFirst("_updated$", ".update")
                    .replaceFirst("_deleted$", ".delete")
                    .replaceFirst("_enabled$", ".enable")
                    .replaceFirst("_disabled$", ".disable");
        }
        return ACTIONS.getOrDefault(dotted, action);
    }
}
