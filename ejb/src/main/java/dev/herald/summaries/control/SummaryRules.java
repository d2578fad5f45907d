package dev.herald.summaries.control;

import dev.herald.summaries.control.Summary.Alert;
import dev.herald.summaries.control.Summary.Compared;
import dev.herald.summaries.control.Summary.Severity;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules that turn a summary's figures into alerts and recommendations; the README lists them.
 *
 * <p>Alerts: <b>high</b> when tickets rose by 25% or more (at least 10 this period), when fewer than
 * 70% were resolved (at least 5 opened), or when an urgent ticket is still unresolved; <b>medium</b>
 * when first responses were 20% or more slower, when 15% or more of interactions were frustrated, or
 * when 15% or more of tickets were escalated; <b>low</b> for each of the three most frequent subjects
 * seen five times or more.
 *
 * <p>Recommendations, in this order, each when its condition holds: automate the subject with the
 * most hand-handled tickets that were auto-resolved elsewhere (potential 10% or more); contact the
 * frustrated customers, the most frustrated first; review escalations in the category with the
 * most; look at staffing when first responses slowed by 20% or more, naming the busiest weekday;
 * clear the unresolved backlog when fewer than 70% were resolved; use the AI assistant more when it
 * helped on fewer than 20% of at least 10 hand-handled tickets. When none holds, one line says so.
 */
public final class SummaryRules {

    static final double VOLUME_RISE = 0.25;
    static final int VOLUME_MINIMUM = 10;
    static final double RESOLUTION_FLOOR = 0.70;
    static final int RESOLUTION_MINIMUM = 5;
    static final double SLOWER_RESPONSE = 0.20;
    static final double FRUSTRATED_SHARE = 0.15;
    static final double ESCALATION_SHARE = 0.15;
    static final int RECURRING_ALERT = 5;
    static final double AUTOMATION_POTENTIAL = 0.10;
    static final double AI_ASSIST_FLOOR = 0.20;
    static final int AI_ASSIST_MINIMUM = 10;

    private SummaryRules() {}

    static List<Alert> alerts(Summary summary, List<ServiceTicket> tickets, SummaryPeriod period) {
        List<Alert> alerts = new ArrayList<>();
        Compared opened = summary.desk().opened();
        Double volumeChange = opened.change();
        if (volumeChange != null && volumeChange >= VOLUME_RISE && opened.now() >= VOLUME_MINIMUM) {
            alerts.add(new Alert(
                    Severity.HIGH,
                    "Ticket volume up " + SummaryText.percent(volumeChange),
                    SummaryText.whole(opened.now()) + " tickets opened, against " + SummaryText.whole(opened.before())
                            + " in the previous period."));
        }
        Double resolution = summary.desk().resolutionRate().now();
        if (resolution != null && resolution < RESOLUTION_FLOOR && opened.now() >= RESOLUTION_MINIMUM) {
            alerts.add(new Alert(
                    Severity.HIGH,
                    "Only " + SummaryText.percent(resolution) + " of tickets resolved",
                    SummaryText.whole(summary.desk().unresolved().now())
                            + " tickets opened in the period were still unresolved at its end."));
        }
        long urgent = tickets.stream()
                .filter(t -> "URGENT".equals(t.priority()) && !t.resolvedBy(period.end()))
                .count();
        if (urgent > 0) {
            alerts.add(new Alert(
                    Severity.HIGH,
                    urgent + (urgent == 1 ? " urgent ticket" : " urgent tickets") + " unresolved",
                    "Urgent tickets opened in the period and not resolved by its end."));
        }
        Double slower = summary.desk().firstResponseMinutes().change();
        if (slower != null && slower >= SLOWER_RESPONSE) {
            alerts.add(new Alert(
                    Severity.MEDIUM,
                    "First responses " + SummaryText.percent(slower) + " slower",
                    "On average "
                            + SummaryText.minutes(
                                    summary.desk().firstResponseMinutes().now()) + ", against "
                            + SummaryText.minutes(
                                    summary.desk().firstResponseMinutes().before()) + " before."));
        }
        double frustratedShare =
                tickets.isEmpty() ? 0 : (double) summary.sentiment().frustrated() / tickets.size();
        if (frustratedShare >= FRUSTRATED_SHARE) {
            alerts.add(new Alert(
                    Severity.MEDIUM,
                    SummaryText.percent(frustratedShare) + " of interactions frustrated",
                    summary.sentiment().frustrated() + " tickets from "
                            + SummaryText.whole(
                                    summary.sentiment().frustratedCustomers().now())
                            + " customers had a sentiment of " + ServiceTicket.FRUSTRATED + " or lower."));
        }
        Double escalationRate = summary.escalations().rate().now();
        if (escalationRate != null && escalationRate >= ESCALATION_SHARE) {
            alerts.add(new Alert(
                    Severity.MEDIUM,
                    SummaryText.percent(escalationRate) + " of tickets escalated",
                    SummaryText.whole(summary.escalations().escalated().now()) + " escalations in the period."));
        }
        summary.recurring().stream()
                .filter(r -> r.tickets() >= RECURRING_ALERT)
                .limit(3)
                .forEach(r -> alerts.add(new Alert(
                        Severity.LOW,
                        "Recurring: " + r.subject(),
                        r.tickets() + " tickets this period, " + r.ticketsBefore() + " in the previous one.")));
        return List.copyOf(alerts);
    }

    static List<String> recommendations(Summary summary, List<ServiceTicket> tickets, SummaryPeriod period) {
        List<String> advice = new ArrayList<>();
        Summary.Automation automation = summary.automation();
        if (automation.potentialShare() >= AUTOMATION_POTENTIAL && automation.topAutomatableSubject() != null) {
            advice.add("Automate “" + automation.topAutomatableSubject() + "”: " + automation.topAutomatableTickets()
                    + " of these were handled by hand although the same request was auto-resolved; in all "
                    + automation.potential() + " tickets (" + SummaryText.percent(automation.potentialShare())
                    + ") could have been automated.");
        }
        List<Summary.FrustratedCustomer> frustrated = summary.sentiment().customers();
        if (!frustrated.isEmpty()) {
            Summary.FrustratedCustomer first = frustrated.get(0);
            advice.add("Contact the "
                    + SummaryText.whole(
                            summary.sentiment().frustratedCustomers().now())
                    + " frustrated " + (frustrated.size() == 1 ? "customer" : "customers") + ", starting with "
                    + first.name() + " (" + first.company() + ").");
        }
        Double escalationRate = summary.escalations().rate().now();
        if (escalationRate != null
                && escalationRate >= ESCALATION_SHARE
                && !summary.escalations().byCategory().isEmpty()) {
            Summary.CategoryEscalation top = summary.escalations().byCategory().get(0);
            advice.add("Review escalations in " + top.category() + ": " + top.escalated() + " of "
                    + SummaryText.whole(summary.escalations().escalated().now()) + " escalations came from it.");
        }
        Double slower = summary.desk().firstResponseMinutes().change();
        if (slower != null && slower >= SLOWER_RESPONSE) {
            advice.add("First responses slowed from "
                    + SummaryText.minutes(summary.desk().firstResponseMinutes().before()) + " to "
                    + SummaryText.minutes(summary.desk().firstResponseMinutes().now())
                    + ": review staffing, above all on " + busiestWeekday(tickets, period) + "s, the busiest day.");
        }
        Double resolution = summary.desk().resolutionRate().now();
        if (resolution != null
                && resolution < RESOLUTION_FLOOR
                && summary.desk().opened().now() >= RESOLUTION_MINIMUM) {
            advice.add("Clear the backlog of "
                    + SummaryText.whole(summary.desk().unresolved().now()) + " unresolved tickets, urgent ones first.");
        }
        if (automation.manual() >= AI_ASSIST_MINIMUM
                && (double) automation.aiAssisted() / automation.manual() < AI_ASSIST_FLOOR) {
            advice.add("Use the AI assistant on more tickets: it helped on "
                    + SummaryText.percent((double) automation.aiAssisted() / automation.manual())
                    + " of those handled by hand.");
        }
        if (advice.isEmpty()) {
            advice.add("No action needed: every figure is within its usual range.");
        }
        return List.copyOf(advice);
    }

    private static String busiestWeekday(List<ServiceTicket> tickets, SummaryPeriod period) {
        Map<DayOfWeek, Integer> counts = new TreeMap<>();
        for (ServiceTicket ticket : tickets) {
            counts.merge(ticket.openedAt().atZone(period.zone()).getDayOfWeek(), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<DayOfWeek, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(e -> e.getKey().getDisplayName(TextStyle.FULL, Locale.UK))
                .orElse("Monday");
    }
}
