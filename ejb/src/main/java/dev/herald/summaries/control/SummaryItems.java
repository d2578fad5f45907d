package dev.herald.summaries.control;

import dev.herald.mail.control.ReportMail;
import dev.herald.mail.control.SummaryMail;
import dev.herald.platform.control.PublicLinks;
import dev.herald.rendering.control.Criterion;
import dev.herald.runs.control.ItemMaker;
import dev.herald.runs.control.RunItems;
import dev.herald.schedules.entity.Schedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Makes the items of the summary schedule: one summary per audience, whose PDF is the item's file
 * and whose page is kept beside it, mailed as two links that open without signing in.
 */
@ApplicationScoped
public class SummaryItems implements ItemMaker {

    private static final Logger LOG = Logger.getLogger(SummaryItems.class.getName());

    @Inject
    SummaryMaker summaries;

    @Inject
    PublicLinks links;

    @Override
    public Set<String> kinds() {
        return Set.of(Schedule.SUMMARY);
    }

    @Override
    public int copyItems(Connection connection, RunItems.Plan plan) throws SQLException {
        return SummaryRuns.copyItems(connection, plan);
    }

    /** A summary whose data cannot be read fails like a report whose query fails. */
    @Override
    public Made make(Making making, OutputStream out) throws IOException {
        RunItems.Item item = making.item();
        SummaryRuns.Request request = SummaryRuns.Request.of(item);
        String stated = ItemMaker.stated(List.of(
                new Criterion(
                        "period",
                        "Period",
                        SummaryText.period(request.period()),
                        request.period().from(),
                        request.period().to()),
                new Criterion(
                        "comparedWith",
                        "Compared with",
                        SummaryText.period(request.period().previous()),
                        request.period().previous().from(),
                        request.period().previous().to())));
        SummaryMaker.Made made;
        try {
            made = summaries.make(request, out);
        } catch (SQLException | IOException e) {
            return Made.failed(stated, "The service-desk data could not be read: " + e.getMessage());
        }
        String page = made.page();
        LOG.info(() -> "Run " + making.plan().runId() + ": made the " + item.displayName() + " for "
                + SummaryText.period(request.period()) + " over " + made.tickets() + " tickets");
        return Made.file(
                stated,
                made.tickets(),
                (connection, itemId) -> SummaryRuns.storePage(connection, itemId, request, page));
    }

    /** A summary's links open without signing in: its page and the {@code summary.pdf} beside it. */
    @Override
    public MimeMessage mail(Mailing mailing) throws MessagingException {
        RunItems.Item item = mailing.item();
        SummaryRuns.Request request = SummaryRuns.Request.of(item);
        boolean test = mailing.plan().isTest();
        SummaryMail mail = new SummaryMail(
                request.organisation(),
                item.displayName(),
                SummaryText.period(request.period()),
                request.period().days(),
                test);
        ReportMail.Copy copy = new ReportMail.Copy(
                mailing.letter().recipient(),
                mailing.letter().messageId(),
                test ? "[Test] " + item.subject() : item.subject(),
                true,
                null,
                links.summaryPage(mailing.leave().linkToken()),
                mailing.leave().linkExpiresAt().atZone(mailing.zone()));
        return mailing.composer().summary(mail, copy);
    }
}
