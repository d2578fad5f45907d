package dev.herald.reports.control;

import static dev.herald.rendering.control.ColumnType.BOOLEAN;
import static dev.herald.rendering.control.ColumnType.DATE;
import static dev.herald.rendering.control.ColumnType.DATETIME;
import static dev.herald.rendering.control.ColumnType.DECIMAL;
import static dev.herald.rendering.control.ColumnType.INTEGER;
import static dev.herald.rendering.control.ColumnType.MONEY;
import static dev.herald.rendering.control.ColumnType.TEXT;

import dev.herald.rendering.control.ColumnSpec;
import dev.herald.rendering.control.ColumnType;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports Herald ships with, over the demo reporting schema. Their SQL runs unchanged on
 * PostgreSQL and on H2 (PostgreSQL mode). An optional parameter {@code p} is written
 * {@code (NOT :p_set OR column = :p)}, so that leaving it empty means "any".
 *
 * <p>The ticketing reports that a promoter may receive have the recipient-bound parameter
 * {@code promoter} ({@link ParameterSpec#bound}): {@code :promoter_set} is false when the report is
 * made for nobody in particular (every promoter's rows, each once) and {@code :promoter} the
 * recipient's promoter ids (BIGINT) otherwise, written {@code (NOT :promoter_set OR e.promoter_id IN
 * (:promoter))}. Such a report selects one column more than it declares, last: the row's promoter id,
 * its split key; and when made for promoters its ORDER BY begins with that key, so that one run for
 * many promoters can be cut into one file per promoter as the rows stream by. Made for nobody in
 * particular, the ticketing reports keep the order staff know (by time, by event: {@code CASE WHEN
 * :promoter_set THEN e.promoter_id END} orders nothing then); the settlement is by promoter always.
 * The key is never rendered.
 */
public final class BuiltInReports {

    private BuiltInReports() {}

    private static ParameterSpec dates(String name, String label, String metric) {
        return new ParameterSpec(name, label, ParameterType.DATE_RANGE, true, Json.createValue(metric), null, null);
    }

    private static ParameterSpec choice(String name, String label, List<String> options) {
        return new ParameterSpec(name, label, ParameterType.CHOICE, false, null, options, null);
    }

    private static ParameterSpec multi(String name, String label, List<String> options) {
        return new ParameterSpec(name, label, ParameterType.MULTI_CHOICE, false, null, options, null);
    }

    private static ParameterSpec flag(String name, String label) {
        return new ParameterSpec(name, label, ParameterType.BOOLEAN, false, JsonValue.FALSE, null, null);
    }

    private static ColumnSpec col(String name, String label, ColumnType type) {
        return new ColumnSpec(name, label, type);
    }

    /** An identifier: a whole number shown without grouping. */
    private static ColumnSpec id(String name, String label) {
        return new ColumnSpec(name, label, INTEGER, "0", false, 9);
    }

    /** The recipient-bound promoter of the ticketing reports: never set by criteria. */
    private static ParameterSpec promoter() {
        return ParameterSpec.bound("promoter", "Promoter", "promoter");
    }

    /**
     * Some events, by name (what the lookup answers and what binds, as text: an event's name, not its
     * id, so that no cast is needed and the options read as events).
     */
    private static ParameterSpec events() {
        return new ParameterSpec(
                "event",
                "Events",
                ParameterType.MULTI_CHOICE,
                false,
                null,
                null,
                "SELECT DISTINCT name FROM ticketing_event ORDER BY name");
    }

    /** The report a usage report renders. */
    public static final String USAGE_EXPORT = "tenant-usage-export";

    private static final List<String> EVENT_STATUSES = List.of("LIVE", "ARCHIVED");

    public static final List<ReportSpec> ALL = List.of(
            payments(false),
            payments(true),
            new ReportSpec(
                    "sales-by-event",
                    "Sales by Event",
                    "Tickets sold and revenue per performance, for orders placed in the period",
                    "Ticketing",
                    true,
                    """
                    SELECT e.name, e.genre, e.venue, pf.starts_at, pf.capacity, COUNT(t.id), SUM(t.price),
                           ROUND(100.0 * COUNT(t.id) / pf.capacity, 1), e.promoter_id
                    FROM ticketing_performance pf
                    JOIN ticketing_event e ON e.id = pf.event_id
                    JOIN ticketing_ticket t ON t.performance_id = pf.id AND t.status = 'SOLD'
                    JOIN ticketing_order o ON o.id = t.order_id
                    WHERE o.created_at >= :period_from AND o.created_at < :period_to
                      AND (NOT :eventStatus_set OR e.status = :eventStatus)
                      AND (NOT :event_set OR e.name IN (:event))
                      AND (NOT :promoter_set OR e.promoter_id IN (:promoter))
                    GROUP BY e.promoter_id, e.name, e.genre, e.venue, pf.id, pf.starts_at, pf.capacity
                    ORDER BY CASE WHEN :promoter_set THEN e.promoter_id END, e.name, pf.starts_at, pf.id""",
                    List.of(
                            dates("period", "Orders placed", "THIS_MONTH"),
                            choice("eventStatus", "Event status", EVENT_STATUSES),
                            events(),
                            promoter()),
                    List.of(
                            col("event", "Event", TEXT).width(28),
                            col("genre", "Genre", TEXT).width(10),
                            col("venue", "Venue", TEXT).width(14),
                            col("performance", "Performance", DATETIME),
                            col("capacity", "Capacity", INTEGER),
                            col("ticketsSold", "Tickets sold", INTEGER).totalled(),
                            col("revenue", "Revenue", MONEY).totalled(),
                            col("percentSold", "% of capacity", DECIMAL).width(12))),
            new ReportSpec(
                    "customer-list-by-event-attribute",
                    "Customer List by Event Attribute",
                    "Customers who bought tickets for events carrying an attribute. Made for a promoter, a"
                            + " customer's tickets are counted per promoter, over that promoter's events only",
                    "Customers",
                    true,
                    // A customer may have bought tickets of several promoters' events. Made for nobody in
                    // particular a customer is one row, as before, and the split key is NULL; made for
                    // promoters, a customer is one row per promoter (of those), keyed by the promoter, and
                    // counts only the tickets of that promoter's events. (The key is worked out in the inner
                    // query: PostgreSQL does not take two uses of a parameter as one expression to group by.)
                    """
                    SELECT x.id, x.first_name, x.last_name, x.email, x.city, x.marketing_opt_in, COUNT(x.ticket_id),
                           MAX(x.created_at), x.promoter_key
                    FROM (SELECT c.id, c.first_name, c.last_name, c.email, c.city, c.marketing_opt_in,
                                 t.id AS ticket_id, o.created_at,
                                 CASE WHEN :promoter_set THEN e.promoter_id END AS promoter_key
                          FROM ticketing_customer c
                          JOIN ticketing_order o ON o.customer_id = c.id
                          JOIN ticketing_ticket t ON t.order_id = o.id AND t.status = 'SOLD'
                          JOIN ticketing_performance pf ON pf.id = t.performance_id
                          JOIN ticketing_event e ON e.id = pf.event_id
                          JOIN ticketing_event_attribute a ON a.event_id = e.id AND a.attribute = :eventAttribute
                          WHERE (NOT :eventStatus_set OR e.status = :eventStatus)
                            AND (NOT :optedInOnly OR c.marketing_opt_in)
                            AND (NOT :city_set OR LOWER(c.city) LIKE '%' || LOWER(:city) || '%')
                            AND (NOT :event_set OR e.name IN (:event))
                            AND (NOT :promoter_set OR e.promoter_id IN (:promoter))) x
                    GROUP BY x.promoter_key, x.id, x.first_name, x.last_name, x.email, x.city, x.marketing_opt_in
                    HAVING COUNT(x.ticket_id) >= COALESCE(:minTickets, 1)
                    ORDER BY x.promoter_key, x.last_name, x.first_name, x.id""",
                    List.of(
                            new ParameterSpec(
                                    "eventAttribute",
                                    "Event attribute",
                                    ParameterType.CHOICE,
                                    true,
                                    null,
                                    null,
                                    "SELECT DISTINCT attribute FROM ticketing_event_attribute ORDER BY attribute"),
                            choice("eventStatus", "Event status", EVENT_STATUSES),
                            flag("optedInOnly", "Only customers who opted in to marketing"),
                            new ParameterSpec("city", "City contains", ParameterType.TEXT, false, null, null, null),
                            new ParameterSpec(
                                    "minTickets",
                                    "At least this many tickets",
                                    ParameterType.NUMBER,
                                    false,
                                    null,
                                    null,
                                    null),
                            events(),
                            promoter()),
                    List.of(
                            id("customerId", "Customer"),
                            col("firstName", "First name", TEXT).width(14),
                            col("lastName", "Last name", TEXT).width(16),
                            col("email", "E-mail", TEXT).width(32),
                            col("city", "City", TEXT).width(12),
                            col("optIn", "Opted in", BOOLEAN),
                            col("tickets", "Tickets", INTEGER).totalled(),
                            col("lastPurchase", "Last purchase", DATETIME))),
            new ReportSpec(
                    "upcoming-performances",
                    "Upcoming Performances",
                    "Performances in the period with seats sold and still available",
                    "Ticketing",
                    true,
                    """
                    SELECT pf.starts_at, e.name, e.venue, pr.name, pf.capacity, COUNT(t.id), pf.capacity - COUNT(t.id),
                           e.promoter_id
                    FROM ticketing_performance pf
                    JOIN ticketing_event e ON e.id = pf.event_id
                    JOIN ticketing_promoter pr ON pr.id = e.promoter_id
                    LEFT JOIN ticketing_ticket t ON t.performance_id = pf.id AND t.status = 'SOLD'
                    WHERE pf.starts_at >= :period_from AND pf.starts_at < :period_to
                      AND (NOT :event_set OR e.name IN (:event))
                      AND (NOT :promoter_set OR e.promoter_id IN (:promoter))
                    GROUP BY e.promoter_id, pf.id, pf.starts_at, e.name, e.venue, pr.name, pf.capacity
                    ORDER BY CASE WHEN :promoter_set THEN e.promoter_id END, pf.starts_at, e.name, pf.id""",
                    List.of(dates("period", "Performances", "NEXT_7_DAYS"), events(), promoter()),
                    List.of(
                            col("startsAt", "Starts", DATETIME),
                            col("event", "Event", TEXT).width(28),
                            col("venue", "Venue", TEXT).width(14),
                            col("promoter", "Promoter", TEXT).width(26),
                            col("capacity", "Capacity", INTEGER).totalled(),
                            col("sold", "Sold", INTEGER).totalled(),
                            col("available", "Available", INTEGER).totalled())),
            new ReportSpec(
                    "takings-by-payment-method",
                    "Takings by Payment Method",
                    "Payments, refunds and net takings per payment method",
                    "Finance",
                    true,
                    """
                    SELECT p.method,
                           SUM(CASE WHEN p.kind = 'PAYMENT' THEN 1 ELSE 0 END),
                           SUM(CASE WHEN p.kind = 'PAYMENT' THEN p.amount ELSE 0 END),
                           SUM(CASE WHEN p.kind = 'REFUND' THEN 1 ELSE 0 END),
                           SUM(CASE WHEN p.kind = 'REFUND' THEN -p.amount ELSE 0 END),
                           SUM(p.amount)
                    FROM ticketing_payment p
                    WHERE p.paid_at >= :period_from AND p.paid_at < :period_to
                    GROUP BY p.method
                    ORDER BY p.method""",
                    List.of(dates("period", "Paid", "LAST_WEEK")),
                    List.of(
                            col("method", "Method", TEXT).width(15),
                            col("payments", "Payments", INTEGER).totalled(),
                            col("paid", "Paid", MONEY).totalled(),
                            col("refunds", "Refunds", INTEGER).totalled(),
                            col("refunded", "Refunded", MONEY).totalled(),
                            col("net", "Net", MONEY).totalled())),
            new ReportSpec(
                    "promoter-settlement",
                    "Promoter Settlement",
                    "What each promoter is owed for the performances in the period: tickets sold (returns"
                            + " excluded), gross (every ticket issued, at its price), refunds (tickets returned),"
                            + " the venue's fees and net = gross − refunds − fees. Fees: the promoter's booking fee"
                            + " for each ticket sold plus their commission, a percentage of gross less refunds,"
                            + " rounded to the penny; both are the promoter's terms in the data (standard 1.50 a"
                            + " ticket and 10 %; the venue's own in-house productions pay none)",
                    "Finance",
                    true,
                    // Per performance, from its tickets (whenever they were ordered); a performance without
                    // tickets is a row of zeros. The promoter's terms are columns of ticketing_promoter (V18).
                    """
                    SELECT f.event, f.venue, f.starts_at, f.promoter, f.sold, f.gross, f.refunds, f.fees,
                           f.gross - f.refunds - f.fees, f.promoter_id
                    FROM (SELECT s.performance_id, s.event, s.venue, s.starts_at, s.promoter, s.promoter_id, s.sold,
                                 s.gross, s.refunds,
                                 ROUND(s.sold * s.booking_fee + (s.gross - s.refunds) * s.commission_percent / 100, 2)
                                     AS fees
                          FROM (SELECT pf.id AS performance_id, e.name AS event, e.venue, pf.starts_at,
                                       pr.name AS promoter, e.promoter_id, pr.booking_fee, pr.commission_percent,
                                       COUNT(CASE WHEN t.status = 'SOLD' THEN 1 END) AS sold,
                                       COALESCE(SUM(t.price), 0) AS gross,
                                       COALESCE(SUM(CASE WHEN t.status = 'RETURNED' THEN t.price END), 0) AS refunds
                                FROM ticketing_performance pf
                                JOIN ticketing_event e ON e.id = pf.event_id
                                JOIN ticketing_promoter pr ON pr.id = e.promoter_id
                                LEFT JOIN ticketing_ticket t ON t.performance_id = pf.id
                                WHERE pf.starts_at >= :period_from AND pf.starts_at < :period_to
                                  AND (NOT :event_set OR e.name IN (:event))
                                  AND (NOT :promoter_set OR e.promoter_id IN (:promoter))
                                GROUP BY pf.id, e.name, e.venue, pf.starts_at, pr.name, e.promoter_id,
                                         pr.booking_fee, pr.commission_percent) s) f
                    ORDER BY f.promoter_id, f.starts_at, f.event, f.performance_id""",
                    List.of(dates("period", "Performances", "LAST_MONTH"), events(), promoter()),
                    List.of(
                            col("event", "Event", TEXT).width(28),
                            col("venue", "Venue", TEXT).width(14),
                            col("performance", "Performance", DATETIME),
                            col("promoter", "Promoter", TEXT).width(26),
                            col("ticketsSold", "Tickets sold", INTEGER).totalled(),
                            col("gross", "Gross", MONEY).totalled(),
                            col("refunds", "Refunds", MONEY).totalled(),
                            col("fees", "Fees", MONEY).totalled(),
                            col("net", "Net", MONEY).totalled())),
            new ReportSpec(
                    "service-desk-tickets",
                    "Service Desk Tickets",
                    "Tickets opened in the period with response, resolution, escalation and sentiment",
                    "Service desk",
                    true,
                    """
                    SELECT t.id, t.opened_at, c.name, te.name, t.subject, t.category, t.priority, t.status,
                           t.first_response_minutes, ROUND(t.resolution_minutes / 60.0, 1), t.escalated, t.automated,
                           t.sentiment
                    FROM servicedesk_ticket t
                    JOIN servicedesk_company c ON c.id = t.company_id
                    LEFT JOIN servicedesk_technician te ON te.id = t.technician_id
                    WHERE t.opened_at >= :period_from AND t.opened_at < :period_to
                      AND (NOT :priority_set OR t.priority IN (:priority))
                      AND (NOT :escalatedOnly OR t.escalated)
                    ORDER BY t.opened_at, t.id""",
                    List.of(
                            dates("period", "Opened", "LAST_7_DAYS"),
                            multi("priority", "Priority", List.of("LOW", "NORMAL", "HIGH", "URGENT")),
                            flag("escalatedOnly", "Escalated tickets only")),
                    List.of(
                            id("ticketId", "Ticket"),
                            col("openedAt", "Opened", DATETIME),
                            col("company", "Company", TEXT).width(18),
                            col("technician", "Technician", TEXT).width(15),
                            col("subject", "Subject", TEXT).width(30),
                            col("category", "Category", TEXT).width(10),
                            col("priority", "Priority", TEXT).width(9),
                            col("status", "Status", TEXT).width(13),
                            col("firstResponseMinutes", "First response (min)", INTEGER)
                                    .width(10),
                            col("resolutionHours", "Resolution (h)", DECIMAL).width(12),
                            col("escalated", "Escalated", BOOLEAN).width(11),
                            col("automated", "Automated", BOOLEAN).width(11),
                            col("sentiment", "Sentiment", DECIMAL).width(11))),
            new ReportSpec(
                    "technician-performance",
                    "Technician Performance",
                    "Tickets, resolution, response times, escalations and sentiment per technician",
                    "Service desk",
                    true,
                    """
                    SELECT te.name, te.team, COUNT(t.id), SUM(CASE WHEN t.resolved_at IS NOT NULL THEN 1 ELSE 0 END),
                           ROUND(AVG(t.first_response_minutes), 1), ROUND(AVG(t.resolution_minutes) / 60.0, 1),
                           SUM(CASE WHEN t.escalated THEN 1 ELSE 0 END), ROUND(AVG(t.sentiment), 2)
                    FROM servicedesk_technician te
                    JOIN servicedesk_ticket t ON t.technician_id = te.id
                    WHERE t.opened_at >= :period_from AND t.opened_at < :period_to
                    GROUP BY te.id, te.name, te.team
                    ORDER BY te.name""",
                    List.of(dates("period", "Opened", "LAST_MONTH")),
                    List.of(
                            col("technician", "Technician", TEXT).width(16),
                            col("team", "Team", TEXT).width(14),
                            col("tickets", "Tickets", INTEGER).totalled(),
                            col("resolved", "Resolved", INTEGER).totalled(),
                            col("firstResponseMinutes", "Avg first response (min)", DECIMAL),
                            col("resolutionHours", "Avg resolution (h)", DECIMAL),
                            col("escalations", "Escalations", INTEGER).totalled(),
                            col("sentiment", "Avg sentiment", DECIMAL))),
            new ReportSpec(
                    "tenant-usage",
                    "Tenant Usage",
                    "Active users, voice and SMS credits per tenant over the period",
                    "Service provider",
                    true,
                    """
                    SELECT tn.name, tn.plan, tn.region, tn.status, MAX(u.active_users), SUM(u.voice_credits),
                           SUM(u.sms_credits)
                    FROM usage_tenant tn
                    JOIN usage_daily u ON u.tenant_id = tn.id
                    WHERE u.usage_day BETWEEN :period_first AND :period_last
                      AND (NOT :tenantStatus_set OR tn.status IN (:tenantStatus))
                      AND (NOT :region_set OR tn.region = :region)
                    GROUP BY tn.id, tn.name, tn.plan, tn.region, tn.status
                    ORDER BY tn.name""",
                    List.of(
                            dates("period", "Usage days", "LAST_MONTH"),
                            multi("tenantStatus", "Tenant status", List.of("ACTIVE", "TRIAL", "SUSPENDED", "CLOSED")),
                            new ParameterSpec(
                                    "region",
                                    "Region",
                                    ParameterType.CHOICE,
                                    false,
                                    null,
                                    null,
                                    "SELECT DISTINCT region FROM usage_tenant ORDER BY region")),
                    List.of(
                            col("tenant", "Tenant", TEXT).width(26),
                            col("plan", "Plan", TEXT).width(11),
                            col("region", "Region", TEXT).width(9),
                            col("status", "Status", TEXT).width(10),
                            col("peakUsers", "Peak active users", INTEGER),
                            col("voiceCredits", "Voice credits", DECIMAL).totalled(),
                            col("smsCredits", "SMS credits", DECIMAL).totalled())),
            new ReportSpec(
                    "tenant-list",
                    "Tenant List",
                    "Tenants with their status, plan, region and when they joined",
                    "Service provider",
                    true,
                    """
                    SELECT tn.id, tn.name, tn.status, tn.plan, tn.region, tn.created_at
                    FROM usage_tenant tn
                    WHERE (NOT :status_set OR tn.status IN (:status))
                      AND (NOT :plan_set OR tn.plan = :plan)
                      AND (NOT :joinedSince_set OR tn.created_at >= :joinedSince_from)
                    ORDER BY tn.name""",
                    List.of(
                            multi("status", "Status", List.of("ACTIVE", "TRIAL", "SUSPENDED", "CLOSED")),
                            choice("plan", "Plan", List.of("STARTER", "BUSINESS", "ENTERPRISE")),
                            new ParameterSpec(
                                    "joinedSince", "Joined on or after", ParameterType.DATE, false, null, null, null)),
                    List.of(
                            id("tenantId", "Tenant id"),
                            col("tenant", "Tenant", TEXT).width(28),
                            col("status", "Status", TEXT).width(10),
                            col("plan", "Plan", TEXT).width(11),
                            col("region", "Region", TEXT).width(9),
                            col("joined", "Joined", DATETIME))),
            new ReportSpec(
                    USAGE_EXPORT,
                    "Tenant Usage Export",
                    "Users, voice and SMS credits per tenant over the period, or per tenant and day; the file of a"
                            + " usage report. A tenant without usage in the period has one row of zeros",
                    "Service provider",
                    true,
                    """
                    SELECT x.id, x.name, x.status, x.plan, x.region, MIN(x.usage_day), MAX(x.usage_day),
                           COALESCE(MAX(x.active_users), 0), COALESCE(ROUND(AVG(x.active_users), 1), 0),
                           COALESCE(SUM(x.voice_credits), 0), COALESCE(SUM(x.sms_credits), 0)
                    FROM (SELECT tn.id, tn.name, tn.status, tn.plan, tn.region, u.usage_day, u.active_users,
                                 u.voice_credits, u.sms_credits,
                                 CASE WHEN CAST(:daily AS BOOLEAN) THEN u.usage_day END AS bucket
                          FROM usage_tenant tn
                          LEFT JOIN usage_daily u ON u.tenant_id = tn.id
                           AND u.usage_day BETWEEN :period_first AND :period_last
                          WHERE (NOT :tenantId_set OR tn.id = :tenantId)
                            AND (NOT :name_set OR LOWER(tn.name) LIKE '%' || LOWER(:name) || '%')
                            AND (NOT :status_set OR tn.status IN (:status))
                            AND (NOT :plan_set OR tn.plan IN (:plan))
                            AND (NOT :region_set OR tn.region IN (:region))) x
                    GROUP BY x.id, x.name, x.status, x.plan, x.region, x.bucket
                    ORDER BY 2, 1, 6""",
                    List.of(
                            dates("period", "Usage days", "LAST_MONTH"),
                            new ParameterSpec("tenantId", "Tenant id", ParameterType.NUMBER, false, null, null, null),
                            new ParameterSpec(
                                    "name", "Tenant name contains", ParameterType.TEXT, false, null, null, null),
                            multi("status", "Status", List.of("ACTIVE", "TRIAL", "SUSPENDED", "CLOSED")),
                            multi("plan", "Plan", List.of("STARTER", "BUSINESS", "ENTERPRISE")),
                            new ParameterSpec(
                                    "region",
                                    "Region",
                                    ParameterType.MULTI_CHOICE,
                                    false,
                                    null,
                                    null,
                                    "SELECT DISTINCT region FROM usage_tenant ORDER BY region"),
                            flag("daily", "One row per tenant and day")),
                    List.of(
                            id("tenantId", "Tenant id"),
                            col("tenant", "Tenant", TEXT).width(26),
                            col("status", "Status", TEXT).width(10),
                            col("plan", "Plan", TEXT).width(11),
                            col("region", "Region", TEXT).width(9),
                            col("from", "From", DATE),
                            col("to", "To", DATE),
                            col("peakUsers", "Peak active users", INTEGER),
                            col("averageUsers", "Average active users", DECIMAL),
                            col("voiceCredits", "Voice credits", DECIMAL).totalled(),
                            col("smsCredits", "SMS credits", DECIMAL).totalled())));

    /**
     * Payments & Activities: the staff's report over every promoter ({@code bound} false), or its twin
     * bound to the recipient's promoter, which selects the promoter last as its split key.
     */
    private static ReportSpec payments(boolean bound) {
        // Payments are made for orders, not events. The demo's orders each hold tickets of one
        // performance (DemoDataGenerator), so a payment has exactly one event and promoter: those of
        // the order's first ticket (lowest id), which is what this attributes it to, so that each
        // payment is one row, scoped or not. A payment of an order without tickets has no promoter:
        // it is listed made for nobody in particular, and in no promoter's file.
        String sql = """
                SELECT p.paid_at, p.id, o.id, c.first_name || ' ' || c.last_name, c.email, o.channel,
                       p.method, p.kind, p.amount%s
                FROM ticketing_payment p
                JOIN ticketing_order o ON o.id = p.order_id
                JOIN ticketing_customer c ON c.id = o.customer_id
                LEFT JOIN ticketing_ticket t
                  ON t.id = (SELECT MIN(ft.id) FROM ticketing_ticket ft WHERE ft.order_id = o.id)
                LEFT JOIN ticketing_performance pf ON pf.id = t.performance_id
                LEFT JOIN ticketing_event e ON e.id = pf.event_id
                WHERE p.paid_at >= :paymentDate_from AND p.paid_at < :paymentDate_to
                  AND (NOT :method_set OR p.method IN (:method))
                  AND (NOT :event_set OR e.name IN (:event))%s
                ORDER BY %sp.paid_at, p.id""".formatted(
                        bound ? ", e.promoter_id" : "",
                        bound ? "\n  AND (NOT :promoter_set OR e.promoter_id IN (:promoter))" : "",
                        bound ? "CASE WHEN :promoter_set THEN e.promoter_id END, " : "");
        List<ParameterSpec> parameters = new ArrayList<>(List.of(
                dates("paymentDate", "Payment date", "YESTERDAY"),
                multi("method", "Payment method", List.of("CARD", "CASH", "VOUCHER", "GIFT_CARD", "BANK_TRANSFER")),
                events()));
        if (bound) {
            parameters.add(promoter());
        }
        return new ReportSpec(
                bound ? "promoter-payments" : "payments-activities-detailed",
                bound ? "Promoter Payments & Activities" : "Payments & Activities (detailed)",
                bound
                        ? "Every payment and refund with its order, customer and channel. A payment belongs to the"
                                + " event (and so the promoter) of its order's tickets; an order holding tickets of"
                                + " several events would count as its first ticket's"
                        : "Every payment and refund with its order, customer and channel, for every promoter (staff's"
                                + " report; promoters get Promoter Payments & Activities, made with their own promoter)",
                "Finance",
                true,
                sql,
                parameters,
                List.of(
                        col("paidAt", "Paid at", DATETIME),
                        id("paymentId", "Payment"),
                        id("orderId", "Order"),
                        col("customer", "Customer", TEXT),
                        col("email", "E-mail", TEXT).width(30),
                        col("channel", "Channel", TEXT).width(11),
                        col("method", "Method", TEXT).width(13),
                        col("kind", "Kind", TEXT).width(9),
                        col("amount", "Amount", MONEY).totalled()));
    }
}
