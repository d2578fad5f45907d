package dev.herald.summaries.control;

import dev.herald.platform.control.Jdbc;
import dev.herald.reports.control.ReportingDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes one summary: reads the period's and the previous period's tickets from the reporting
 * database (where every report reads), computes the figures, writes the PDF and answers the page.
 */
@ApplicationScoped
public class SummaryMaker {

    private static final String TICKETS = "SELECT t.id, c.name AS company, te.name AS technician, t.requester,"
            + " t.subject, t.category, t.priority, t.opened_at, t.first_response_minutes, t.resolved_at,"
            + " t.resolution_minutes, t.escalated, t.escalation_level, t.automated, t.ai_assisted, t.sentiment"
            + " FROM servicedesk_ticket t JOIN servicedesk_company c ON c.id = t.company_id"
            + " LEFT JOIN servicedesk_technician te ON te.id = t.technician_id"
            + " WHERE t.opened_at >= ? AND t.opened_at < ? ORDER BY t.opened_at, t.id";

    @Inject
    ReportingDatabase reporting;

    /** What was made: the page to keep, and how many tickets the period had. */
    public record Made(Summary summary, String page, int tickets) {}

    public Made make(SummaryRuns.Request request, OutputStream pdf) throws SQLException, IOException {
        List<ServiceTicket> current = reporting.read(connection -> tickets(connection, request.period()));
        List<ServiceTicket> previous = reporting.read(
                connection -> tickets(connection, request.period().previous()));
        Summary summary =
                SummaryFigures.compute(request.audience(), request.organisation(), request.period(), current, previous);
        SummaryPdf.write(summary, pdf);
        return new Made(summary, SummaryPage.of(summary), current.size());
    }

    /** The page alone, for a look at what a summary would show now (no PDF, nothing kept). */
    public String page(SummaryRuns.Request request) throws SQLException {
        List<ServiceTicket> current = reporting.read(connection -> tickets(connection, request.period()));
        List<ServiceTicket> previous = reporting.read(
                connection -> tickets(connection, request.period().previous()));
        return SummaryPage.of(SummaryFigures.compute(
                request.audience(), request.organisation(), request.period(), current, previous));
    }

    private static List<ServiceTicket> tickets(Connection connection, SummaryPeriod period) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(TICKETS)) {
            Jdbc.setInstant(query, 1, period.start());
            Jdbc.setInstant(query, 2, period.end());
            query.setFetchSize(1000);
            List<ServiceTicket> tickets = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    tickets.add(new ServiceTicket(
                            row.getLong("id"),
                            row.getString("company"),
                            row.getString("technician"),
                            row.getString("requester"),
                            row.getString("subject"),
                            row.getString("category"),
                            row.getString("priority"),
                            Jdbc.instant(row, "opened_at"),
                            integer(row, "first_response_minutes"),
                            Jdbc.instant(row, "resolved_at"),
                            integer(row, "resolution_minutes"),
                            row.getBoolean("escalated"),
                            row.getInt("escalation_level"),
                            row.getBoolean("automated"),
                            row.getBoolean("ai_assisted"),
                            row.getDouble("sentiment")));
                }
            }
            return tickets;
        }
    }

    private static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
