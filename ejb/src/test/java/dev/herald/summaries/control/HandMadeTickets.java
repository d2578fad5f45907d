package dev.herald.summaries.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Ten tickets made by hand, six in the period (Monday 23 to Sunday 29 November 2026, London) and four
 * in the one before. {@link SummaryFiguresTest} checks the summary against figures worked out from
 * them on paper; the working is in its comments.
 */
final class HandMadeTickets {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final SummaryPeriod PERIOD = SummaryPeriod.before(LocalDate.of(2026, 11, 30), 7, LONDON);

    static final String ACME = "Acme Ltd";
    static final String BIRCHWOOD = "Birchwood & Co.";
    static final String COBALT = "Cobalt Group";
    static final String VPN = "Cannot connect to the VPN";
    static final String PASSWORD = "Password reset for the finance system";
    static final String PRINTER = "Printer on floor 3 is offline";

    private HandMadeTickets() {}

    static List<ServiceTicket> current() {
        return List.of(
                ticket(
                        1,
                        ACME,
                        "Alex Morgan",
                        "Ann",
                        VPN,
                        "Network",
                        "HIGH",
                        "2026-11-23T09:00:00Z",
                        10,
                        "2026-11-23T11:00:00Z",
                        120,
                        false,
                        0,
                        false,
                        true,
                        0.5),
                ticket(
                        2,
                        ACME,
                        "Alex Morgan",
                        "Ann",
                        VPN,
                        "Network",
                        "URGENT",
                        "2026-11-24T10:00:00Z",
                        20,
                        null,
                        null,
                        true,
                        2,
                        false,
                        false,
                        -0.6),
                ticket(
                        3,
                        BIRCHWOOD,
                        "Sam Patel",
                        "Bob",
                        PASSWORD,
                        "Access",
                        "NORMAL",
                        "2026-11-24T12:00:00Z",
                        2,
                        "2026-11-24T12:30:00Z",
                        30,
                        false,
                        0,
                        true,
                        false,
                        0.4),
                ticket(
                        4,
                        BIRCHWOOD,
                        "Sam Patel",
                        "Bob",
                        PASSWORD,
                        "Access",
                        "NORMAL",
                        "2026-11-25T08:00:00Z",
                        30,
                        "2026-11-25T14:00:00Z",
                        360,
                        false,
                        0,
                        false,
                        false,
                        -0.3),
                // Resolved on Monday 30th, after the period: not resolved as far as this summary goes.
                ticket(
                        5,
                        ACME,
                        "Sam Patel",
                        "Cat",
                        VPN,
                        "Network",
                        "LOW",
                        "2026-11-27T15:00:00Z",
                        null,
                        "2026-11-30T10:00:00Z",
                        3900,
                        true,
                        1,
                        false,
                        true,
                        0.0),
                // 23:30 on Sunday 29th in London (GMT in winter): the period's last half hour.
                ticket(
                        6,
                        COBALT,
                        null,
                        "Dan",
                        PRINTER,
                        "Printing",
                        "NORMAL",
                        "2026-11-29T23:30:00Z",
                        60,
                        null,
                        null,
                        false,
                        0,
                        false,
                        false,
                        0.3));
    }

    static List<ServiceTicket> previous() {
        return List.of(
                ticket(
                        11,
                        ACME,
                        "Alex Morgan",
                        "Ann",
                        VPN,
                        "Network",
                        "NORMAL",
                        "2026-11-16T09:00:00Z",
                        10,
                        "2026-11-16T10:00:00Z",
                        60,
                        false,
                        0,
                        true,
                        false,
                        0.8),
                ticket(
                        12,
                        BIRCHWOOD,
                        "Sam Patel",
                        "Bob",
                        PASSWORD,
                        "Access",
                        "NORMAL",
                        "2026-11-18T09:00:00Z",
                        20,
                        "2026-11-18T13:00:00Z",
                        240,
                        false,
                        0,
                        false,
                        true,
                        0.1),
                ticket(
                        13,
                        COBALT,
                        "Alex Morgan",
                        "Dan",
                        PRINTER,
                        "Printing",
                        "NORMAL",
                        "2026-11-20T09:00:00Z",
                        30,
                        null,
                        null,
                        true,
                        1,
                        false,
                        false,
                        -0.5),
                ticket(
                        14,
                        ACME,
                        "Sam Patel",
                        "Eve",
                        VPN,
                        "Network",
                        "HIGH",
                        "2026-11-22T20:00:00Z",
                        20,
                        "2026-11-22T21:00:00Z",
                        60,
                        false,
                        0,
                        false,
                        false,
                        0.35));
    }

    private static ServiceTicket ticket(
            long id,
            String company,
            String technician,
            String requester,
            String subject,
            String category,
            String priority,
            String openedAt,
            Integer firstResponse,
            String resolvedAt,
            Integer resolution,
            boolean escalated,
            int level,
            boolean automated,
            boolean aiAssisted,
            double sentiment) {
        return new ServiceTicket(
                id,
                company,
                technician,
                requester,
                subject,
                category,
                priority,
                Instant.parse(openedAt),
                firstResponse,
                resolvedAt == null ? null : Instant.parse(resolvedAt),
                resolution,
                escalated,
                level,
                automated,
                aiAssisted,
                sentiment);
    }
}
