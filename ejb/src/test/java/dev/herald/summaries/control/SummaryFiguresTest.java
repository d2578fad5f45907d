package dev.herald.summaries.control;

import static dev.herald.summaries.control.HandMadeTickets.ACME;
import static dev.herald.summaries.control.HandMadeTickets.BIRCHWOOD;
import static dev.herald.summaries.control.HandMadeTickets.COBALT;
import static dev.herald.summaries.control.HandMadeTickets.PERIOD;
import static dev.herald.summaries.control.HandMadeTickets.VPN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.summaries.control.Summary.Audience;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryFiguresTest {

    private static final double EXACT = 1e-9;

    private final Summary manager = SummaryFigures.compute(
            Audience.MANAGER, "Demo Desk", PERIOD, HandMadeTickets.current(), HandMadeTickets.previous());
    private final Summary owner = SummaryFigures.compute(
            Audience.OWNER, "Demo Desk", PERIOD, HandMadeTickets.current(), HandMadeTickets.previous());

    @Test
    void periodIsTheWholeDaysBeforeTheSendDayAndThePreviousOneBeforeThat() {
        assertEquals(LocalDate.of(2026, 11, 23), PERIOD.from());
        assertEquals(LocalDate.of(2026, 11, 29), PERIOD.to());
        assertEquals(LocalDate.of(2026, 11, 16), PERIOD.previous().from());
        assertEquals(LocalDate.of(2026, 11, 22), PERIOD.previous().to());
    }

    @Test
    void serviceDeskFigures() {
        Summary.Desk desk = owner.desk();
        assertCompared(6, 4, desk.opened());
        assertEquals(0.5, desk.opened().change(), EXACT); // 6 against 4
        // Resolved before the period ended: 1, 3, 4 (5 was resolved on the 30th); before: 11, 12, 14.
        assertCompared(3, 3, desk.resolved());
        assertCompared(3.0 / 6, 3.0 / 4, desk.resolutionRate());
        assertCompared(3, 1, desk.unresolved());
        // First responses 10, 20, 2, 30, 60 (5 has none) = 122 / 5; before 10 + 20 + 30 + 20 = 80 / 4.
        assertCompared(24.4, 20, desk.firstResponseMinutes());
        // Resolution of 1, 3, 4: 120 + 30 + 360 = 510 min / 3 = 170 min; before 60 + 240 + 60 = 360 / 3 = 120 min.
        assertCompared(170 / 60.0, 2, desk.resolutionHours());
    }

    @Test
    void ticketsPerDayBesideTheSameDayOfThePreviousPeriod() {
        assertEquals(
                List.of(1, 2, 1, 0, 1, 0, 1),
                owner.daily().stream().map(Summary.DailyCount::opened).toList());
        assertEquals(
                List.of(1, 0, 1, 0, 1, 0, 1),
                owner.daily().stream().map(Summary.DailyCount::openedBefore).toList());
    }

    @Test
    void sentiment() {
        Summary.Sentiment sentiment = owner.sentiment();
        // Positive (0.3 or more): 1, 3, 6 (exactly 0.3); frustrated (-0.3 or less): 2, 4 (exactly -0.3); neutral: 5.
        assertEquals(3, sentiment.positive());
        assertEquals(1, sentiment.neutral());
        assertEquals(2, sentiment.frustrated());
        assertCompared(0.5, 0.5, sentiment.positiveShare()); // before: 11 and 14 of 4
        assertCompared(2, 1, sentiment.frustratedCustomers()); // Ann and Bob; before Dan
        assertEquals(
                List.of(
                        new Summary.FrustratedCustomer("Ann", ACME, 1, -0.6),
                        new Summary.FrustratedCustomer("Bob", BIRCHWOOD, 1, -0.3)),
                sentiment.customers());
    }

    @Test
    void automation() {
        Summary.Automation automation = owner.automation();
        assertEquals(1, automation.autoResolved()); // 3
        assertEquals(2, automation.aiAssisted()); // 1 and 5
        assertEquals(5, automation.manual());
        assertCompared(1.0 / 6, 1.0 / 4, automation.autoResolvedShare());
        assertCompared(2.0 / 6, 1.0 / 4, automation.aiAssistedShare());
        // Auto-resolved subjects: the password reset (3) and, before, the VPN (11). By hand with those
        // subjects: 1, 2, 5 (VPN) and 4 (password) = 4 of 6.
        assertEquals(4, automation.potential());
        assertEquals(4.0 / 6, automation.potentialShare(), EXACT);
        assertEquals(VPN, automation.topAutomatableSubject());
        assertEquals(3, automation.topAutomatableTickets());
    }

    @Test
    void recurringIssuesAndAlerts() {
        assertEquals(List.of(new Summary.Recurring(VPN, 3, 2)), owner.recurring());
        assertEquals(
                List.of(
                        "HIGH Only 50% of tickets resolved",
                        "HIGH 1 urgent ticket unresolved",
                        "MEDIUM First responses 22% slower",
                        "MEDIUM 33% of interactions frustrated",
                        "MEDIUM 33% of tickets escalated"),
                owner.alerts().stream().map(a -> a.severity() + " " + a.title()).toList());
    }

    @Test
    void recommendationsFollowTheRules() {
        assertEquals(
                List.of(
                        "Automate “" + VPN + "”: 3 of these were handled by hand although the same request was"
                                + " auto-resolved; in all 4 tickets (67%) could have been automated.",
                        "Contact the 2 frustrated customers, starting with Ann (Acme Ltd).",
                        "Review escalations in Network: 2 of 2 escalations came from it.",
                        "First responses slowed from 20 min to 24 min: review staffing, above all on Tuesdays,"
                                + " the busiest day.",
                        "Clear the backlog of 3 unresolved tickets, urgent ones first."),
                owner.recommendations());
    }

    @Test
    void quietPeriodsGetOneReassuringLine() {
        Summary quiet = SummaryFigures.compute(Audience.OWNER, "Demo Desk", PERIOD, List.of(), List.of());
        assertEquals(List.of("No action needed: every figure is within its usual range."), quiet.recommendations());
        assertTrue(quiet.alerts().isEmpty());
        assertNull(quiet.desk().resolutionRate().now());
    }

    @Test
    void businessOwnersDoNotGetTheManagerParts() {
        assertTrue(owner.technicians().isEmpty());
        assertTrue(owner.affinities().isEmpty());
        assertTrue(owner.companies().isEmpty());
    }

    @Test
    void teamPerformance() {
        assertEquals(
                List.of(
                        // Sam: 3, 4, 5; resolved 3 and 4 in (30 + 360) / 2 = 195 min; 5 escalated.
                        new Summary.TechnicianRow("Sam Patel", 3, 2, 3.25, 1, 1.0 / 3),
                        // Alex: 1, 2; resolved 1 in 120 min; 2 escalated.
                        new Summary.TechnicianRow("Alex Morgan", 2, 1, 2.0, 1, 0.5)),
                manager.technicians());
    }

    @Test
    void affinitiesArePairsWithTwoTicketsOrMore() {
        assertEquals(
                List.of(
                        new Summary.Affinity("Alex Morgan", ACME, 2, 1.0),
                        new Summary.Affinity("Sam Patel", BIRCHWOOD, 2, 2.0 / 3)),
                manager.affinities());
    }

    @Test
    void escalations() {
        Summary.Escalations escalations = manager.escalations();
        assertCompared(2, 1, escalations.escalated());
        assertCompared(2.0 / 6, 1.0 / 4, escalations.rate());
        assertEquals(List.of(new Summary.CategoryEscalation("Network", 3, 2, 2.0 / 3)), escalations.byCategory());
        assertEquals(List.of(new Summary.LevelCount(1, 1), new Summary.LevelCount(2, 1)), escalations.byLevel());
    }

    @Test
    void companyBreakdown() {
        List<Summary.CompanyRow> companies = manager.companies();
        assertEquals(
                List.of(ACME, BIRCHWOOD, COBALT),
                companies.stream().map(Summary.CompanyRow::company).toList());
        Summary.CompanyRow acme = companies.get(0);
        assertEquals(3, acme.tickets());
        assertEquals(1, acme.resolved());
        assertEquals(2.0, acme.resolutionHours(), EXACT);
        assertEquals(2, acme.escalated());
        assertEquals(1.0 / 3, acme.positiveShare(), EXACT);
        assertEquals((0.5 - 0.6 + 0.0) / 3, acme.averageSentiment(), EXACT);
        Summary.CompanyRow birchwood = companies.get(1);
        assertEquals(2, birchwood.resolved());
        assertEquals(3.25, birchwood.resolutionHours(), EXACT);
        assertEquals(0.05, birchwood.averageSentiment(), EXACT);
        Summary.CompanyRow cobalt = companies.get(2);
        assertEquals(0, cobalt.resolved());
        assertNull(cobalt.resolutionHours());
        assertEquals(1.0, cobalt.positiveShare(), EXACT);
    }

    private static void assertCompared(double now, double before, Summary.Compared compared) {
        assertEquals(now, compared.now(), EXACT, "this period");
        assertEquals(before, compared.before(), EXACT, "previous period");
    }
}
