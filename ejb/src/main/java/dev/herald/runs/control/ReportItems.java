package dev.herald.runs.control;

import dev.herald.mail.control.MailDispatcher;
import dev.herald.mail.control.ReportMail;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.control.PublicLinks;
import dev.herald.reports.control.ReportEngine;
import dev.herald.reports.control.ReportSpec;
import dev.herald.schedules.control.SubjectTemplate;
import dev.herald.schedules.entity.Schedule;
import dev.herald.scopes.control.ScopeKinds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes the items of report schedules: each report rendered by the report engine with its saved
 * criteria, and mailed attached or as a link to the partner portal, under the item's subject.
 */
@ApplicationScoped
public class ReportItems implements ItemMaker {

    private static final DateTimeFormatter RUN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    @Inject
    ReportEngine engine;

    @Inject
    PublicLinks links;

    @Inject
    ScopeKinds scopeKinds;

    /** Report schedules, and the scheduled tasks (usage reports), whose items are reports too. */
    @Override
    public Set<String> kinds() {
        return Set.of(Schedule.REPORTS, Schedule.TASK);
    }

    @Override
    public int copyItems(Connection connection, RunItems.Plan plan) throws SQLException {
        return RunItems.copyItems(connection, plan);
    }

    /** A run that has no items yet, of a schedule that has none (or of no schedule). */
    @Override
    public boolean makesNothing(RunItems.Plan plan) {
        return plan.runItems() == 0
                && plan.onlyItemId() == null
                && (plan.scheduleId() == null || plan.scheduleItems() == 0);
    }

    @Override
    public Made make(Making making, OutputStream out) throws IOException, SQLException {
        RunItems.Item item = making.item();
        String stated = null;
        try {
            ReportSpec report = engine.spec(item.reportKey());
            JsonObject criteria =
                    Json.createReader(new StringReader(item.criteria())).readObject();
            ReportEngine.Prepared prepared = engine.prepare(
                    report,
                    criteria,
                    item.displayName(),
                    "criteria",
                    making.plan().scheduledFor(),
                    item.isScoped() ? scopeKinds.scopes(RecipientScoping.parse(item.scopeValues())) : null);
            stated = ItemMaker.stated(prepared.criteria().criteria());
            long rows;
            try {
                rows = engine.render(prepared, item.format(), item.csvDelimiter(), false, out, making.watcher());
            } catch (SQLException e) {
                if (making.stopped().getAsBoolean()) {
                    throw new Stopped();
                }
                throw e;
            }
            return Made.file(stated, rows, null);
        } catch (Stopped e) {
            throw e;
        } catch (ValidationException e) {
            return Made.failed(stated, "Its criteria are no longer valid: " + e.getMessage());
        } catch (NotFoundException e) {
            return Made.failed(stated, "The report " + item.reportKey() + " no longer exists.");
        } catch (SQLTimeoutException e) {
            return Made.failed(stated, "The report's query took longer than its time-out.");
        } catch (IOException | SQLException e) {
            return Made.failed(stated, "The report's query failed: " + e.getMessage());
        }
    }

    @Override
    public MimeMessage mail(Mailing mailing) throws MessagingException {
        MailDispatcher.Outgoing letter = mailing.letter();
        ReportMail.Copy copy = new ReportMail.Copy(
                letter.recipient(),
                letter.messageId(),
                subject(mailing),
                letter.asLink(),
                letter.linkReason(),
                letter.asLink() ? links.partnerFile(mailing.leave().linkToken()) : null,
                mailing.leave().linkExpiresAt() == null
                        ? null
                        : mailing.leave().linkExpiresAt().atZone(mailing.zone()));
        return mailing.composer()
                .report(
                        reportMail(mailing),
                        copy,
                        letter.asLink() ? null : mailing.attachment().get());
    }

    private static ReportMail reportMail(Mailing mailing) {
        RunItems.Item item = mailing.item();
        List<ReportMail.StatedCriterion> criteria = new ArrayList<>();
        if (item.criteriaStated() != null) {
            for (JsonValue value :
                    Json.createReader(new StringReader(item.criteriaStated())).readArray()) {
                JsonObject criterion = value.asJsonObject();
                criteria.add(
                        new ReportMail.StatedCriterion(criterion.getString("label"), criterion.getString("value")));
            }
        }
        return new ReportMail(
                mailing.organisation().clientName(),
                mailing.plan().scheduleName(),
                item.displayName(),
                item.reportName(),
                mailing.plan().scheduledFor().atZone(mailing.zone()),
                criteria,
                item.fileName(),
                item.format(),
                item.bytes(),
                item.rows(),
                mailing.plan().isTest());
    }

    private static String subject(Mailing mailing) {
        RunItems.Item item = mailing.item();
        String subject = SubjectTemplate.fill(
                item.subject(),
                Map.of(
                        "ClientName", mailing.organisation().clientName(),
                        "ReportName", item.displayName(),
                        "ScheduleName", mailing.plan().scheduleName(),
                        "RunDate", RUN_DATE.format(mailing.plan().scheduledFor().atZone(mailing.zone()))));
        return mailing.plan().isTest() ? "[Test] " + subject : subject;
    }
}
