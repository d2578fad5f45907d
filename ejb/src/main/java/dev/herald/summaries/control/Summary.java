package dev.herald.summaries.control;

import java.time.LocalDate;
import java.util.List;

/**
 * What one summary says: every figure of the period beside the previous period's, for one audience.
 * The manager parts are empty lists in a business owner's summary. Shares are fractions (0 to 1),
 * averages are null when there was nothing to average.
 */
public record Summary(
        Audience audience,
        String organisation,
        SummaryPeriod period,
        Desk desk,
        List<DailyCount> daily,
        Sentiment sentiment,
        Automation automation,
        List<Recurring> recurring,
        List<Alert> alerts,
        List<String> recommendations,
        List<TechnicianRow> technicians,
        List<Affinity> affinities,
        Escalations escalations,
        List<CompanyRow> companies) {

    /** Who a summary is for. */
    public enum Audience {
        OWNER("Business owner summary"),
        MANAGER("Manager summary");

        private final String title;

        Audience(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * A figure now and in the previous period. A share changes by points (50% after 75% is 25 points
     * down); anything else by a fraction of what it was.
     */
    public record Compared(Double now, Double before, boolean share) {

        public Compared(Double now, Double before) {
            this(now, before, false);
        }

        public static Compared shares(Double now, Double before) {
            return new Compared(now, before, true);
        }

        /** The change: points for a share, else a fraction of before; null when it cannot be said. */
        public Double change() {
            if (now == null || before == null) {
                return null;
            }
            if (share) {
                return now - before;
            }
            return before == 0 ? null : (now - before) / before;
        }
    }

    /** Volume, resolution and response times. */
    public record Desk(
            Compared opened,
            Compared resolved,
            Compared resolutionRate,
            Compared unresolved,
            Compared firstResponseMinutes,
            Compared resolutionHours) {}

    /** Tickets opened on one day of the period, and on the same day of the previous one. */
    public record DailyCount(LocalDate day, int opened, int openedBefore) {}

    /** Positive, neutral and frustrated interactions, and who was frustrated. */
    public record Sentiment(
            int positive,
            int neutral,
            int frustrated,
            Compared positiveShare,
            Compared frustratedCustomers,
            List<FrustratedCustomer> customers) {}

    public record FrustratedCustomer(String name, String company, int tickets, double lowestSentiment) {}

    /**
     * Auto-resolved and AI-assisted tickets, and the tickets handled by hand whose subject was
     * auto-resolved at least once in this period or the previous one (the remaining potential).
     */
    public record Automation(
            int autoResolved,
            int aiAssisted,
            int manual,
            int potential,
            Compared autoResolvedShare,
            Compared aiAssistedShare,
            double potentialShare,
            String topAutomatableSubject,
            int topAutomatableTickets) {}

    /** A subject seen at least three times in the period. */
    public record Recurring(String subject, int tickets, int ticketsBefore) {}

    public enum Severity {
        HIGH,
        MEDIUM,
        LOW
    }

    public record Alert(Severity severity, String title, String detail) {}

    public record TechnicianRow(
            String technician,
            int tickets,
            int resolved,
            Double resolutionHours,
            int escalated,
            double escalationRate) {}

    /** A technician and a company they work for often: the pair's tickets and their share of the technician's. */
    public record Affinity(String technician, String company, int tickets, double shareOfTechnician) {}

    public record Escalations(
            Compared escalated, Compared rate, List<CategoryEscalation> byCategory, List<LevelCount> byLevel) {}

    public record CategoryEscalation(String category, int tickets, int escalated, double rate) {}

    public record LevelCount(int level, int tickets) {}

    public record CompanyRow(
            String company,
            int tickets,
            int resolved,
            Double resolutionHours,
            int escalated,
            double positiveShare,
            double averageSentiment) {}

    public boolean forManagers() {
        return audience == Audience.MANAGER;
    }
}
